#!/usr/bin/env bash
# Validates docker-compose.yml and the service images' inputs without a Docker engine:
#   1. `docker-compose config -q` (Debian's docker-compose 1.29): the file is valid, with the compose
#      defaults and with deploy/.env.example;
#   2. deploy/check-dockerfiles.py: each service built from a module Dockerfile that copies that
#      module's executable jar (let in by .dockerignore), in layers, as a non-root user, with a
#      health check, exposing the port compose publishes;
#   3. deploy/check-env.py: every variable a service's yml reads without a safe default is set in
#      the environment compose gives that service;
#   4. deploy/check-compose-wiring.py: the mounted files exist, every service has a health check and
#      waits for its dependencies to be healthy, Prometheus scrapes the three services, Grafana's
#      data source (uid prometheus) and dashboards provider match the mounts.
# (promtool checks prometheus.yml itself: deploy/check-prometheus.sh.)
# Installs docker-compose (and python3-yaml) with apt-get when missing. Exit 1 on any failure.
# Usage: deploy/check-compose.sh   (from anywhere; CI calls it)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  echo "installing $* (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose
python3 -c 'import yaml' 2>/dev/null || apt_install python3-yaml
echo "docker-compose: $(docker-compose version --short 2>/dev/null || docker-compose --version)"

resolved="$(mktemp)"
trap 'rm -f "$resolved"' EXIT

echo "== 1. docker-compose config -q"
docker-compose -f docker-compose.yml config -q
echo "ok   docker-compose.yml (compose defaults)"
docker-compose --env-file deploy/.env.example -f docker-compose.yml config -q
echo "ok   docker-compose.yml with deploy/.env.example"

docker-compose -f docker-compose.yml config > "$resolved"

echo "== 2. Dockerfiles"
python3 deploy/check-dockerfiles.py "$resolved"

echo "== 3. environment of each service"
python3 deploy/check-env.py compose "$resolved"

echo "== 4. mounts, health checks, start order, Prometheus and Grafana wiring"
python3 deploy/check-compose-wiring.py "$resolved"

echo "check-compose: passed"
