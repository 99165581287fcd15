#!/usr/bin/env bash
# Validates the Prometheus configuration of the compose stack with promtool (Debian's prometheus
# package, installed with apt-get when missing): `promtool check config` reads
# deploy/prometheus/prometheus.yml and every rule file its rule_files glob (rules/*.yml) matches;
# an empty rules/ is fine. When rule files exist, `promtool check rules` checks them too, and
# `promtool test rules` runs the rule unit tests in deploy/prometheus/tests/*.yml (not in rules/:
# the rule_files glob would load a test file as a rule file).
# Usage: deploy/check-prometheus.sh   (from anywhere; CI calls it)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v promtool >/dev/null 2>&1; then
  echo "installing prometheus (apt-get; provides promtool)"
  as_root apt-get update -qq
  # the package's postinst would start a Prometheus where an init system runs: none is wanted here
  as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
echo "promtool: $(promtool --version 2>&1 | head -1)"

echo "== promtool check config deploy/prometheus/prometheus.yml"
promtool check config deploy/prometheus/prometheus.yml

shopt -s nullglob
rules=(deploy/prometheus/rules/*.yml)
tests=(deploy/prometheus/tests/*.yml)

if [ ${#rules[@]} -gt 0 ]; then
  echo "== promtool check rules (${#rules[@]} files)"
  promtool check rules "${rules[@]}"
else
  echo "== no rule files in deploy/prometheus/rules/ yet"
fi
if [ ${#tests[@]} -gt 0 ]; then
  echo "== promtool test rules (${#tests[@]} files)"
  promtool test rules "${tests[@]}"
fi
echo "check-prometheus: passed"
