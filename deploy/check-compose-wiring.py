#!/usr/bin/env python3
"""The files docker-compose.yml mounts exist, and Prometheus and Grafana are wired to the stack.

  check-compose-wiring.py RESOLVED.yml   output of `docker-compose -f docker-compose.yml config`

  - every bind-mounted file or directory exists in the repository;
  - deploy/prometheus/prometheus.yml scrapes /actuator/prometheus of system-api, process-api and
    experience-api at their compose service names and container ports, and loads rules/*.yml;
  - Grafana's provisioned data source has the uid `prometheus` and points at the prometheus
    service; its dashboards provider reads the directory deploy/grafana/dashboards is mounted at;
  - every service has a health check, and each `depends_on` waits for service_healthy, in the
    start order postgres, kafka, identity, sandbox -> system-api -> process-api -> experience-api.
Exit 1 with the problems, otherwise 0. Needs python3 and PyYAML.
"""

import glob
import os
import sys
from urllib.parse import urlparse

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRAPED = {"system-api": 8081, "process-api": 8082, "experience-api": 8080}
# the start order: each service waits until these are healthy
START_AFTER = {
    "system-api": {"kafka", "identity", "sandbox"},
    "process-api": {"postgres", "kafka", "identity", "system-api"},
    "experience-api": {"postgres", "kafka", "identity", "system-api", "process-api"},
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def binds(service):
    """(source, target) of the bind mounts (sources are absolute paths in resolved output)."""
    result = []
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            if volume.get("type") == "bind":
                result.append((volume["source"], volume["target"]))
            continue
        parts = volume.split(":")
        if parts[0].startswith(("/", ".")):
            result.append((parts[0], parts[1]))
    return result


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    services = load(sys.argv[1])["services"]
    problems = []

    for name, service in services.items():
        for source, target in binds(service):
            if not os.path.exists(source):
                problems.append("%s mounts %s at %s, which does not exist" % (name, source, target))
        if not (service.get("healthcheck") or {}).get("test"):
            problems.append("%s has no health check" % name)
        depends = service.get("depends_on") or {}
        if isinstance(depends, list):
            problems.append("%s: depends_on without condition: service_healthy" % name)
        else:
            for other, how in depends.items():
                if (how or {}).get("condition") != "service_healthy":
                    problems.append("%s waits for %s without condition: service_healthy" % (name, other))

    for name, needed in START_AFTER.items():
        depends = services.get(name, {}).get("depends_on") or {}
        missing = sorted(needed - set(depends))
        if missing:
            problems.append("%s does not wait for %s" % (name, ", ".join(missing)))

    prometheus = load(os.path.join(ROOT, "deploy/prometheus/prometheus.yml"))
    if "rules/*.yml" not in (prometheus.get("rule_files") or []):
        problems.append("prometheus.yml does not load rules/*.yml")
    scraped = {}
    for job in prometheus.get("scrape_configs") or []:
        for static in job.get("static_configs") or []:
            for target in static.get("targets") or []:
                scraped[target] = job.get("metrics_path", "/metrics")
    for name, port in SCRAPED.items():
        target = "%s:%d" % (name, port)
        if scraped.get(target) != "/actuator/prometheus":
            problems.append("prometheus.yml does not scrape %s/actuator/prometheus" % target)
        if name not in services:
            problems.append("prometheus.yml scrapes %s, which is no compose service" % name)
    prometheus_mounts = dict((t, s) for s, t in binds(services.get("prometheus", {})))
    if os.path.realpath(prometheus_mounts.get("/etc/prometheus", "")) != os.path.join(ROOT, "deploy/prometheus"):
        problems.append("deploy/prometheus is not mounted at /etc/prometheus in the prometheus service")

    grafana = services.get("grafana", {})
    grafana_mounts = dict((t, os.path.realpath(s)) for s, t in binds(grafana))
    provisioning = grafana_mounts.get("/etc/grafana/provisioning")
    if provisioning != os.path.join(ROOT, "deploy/grafana/provisioning"):
        problems.append("deploy/grafana/provisioning is not mounted at /etc/grafana/provisioning")
    else:
        sources = [d for f in sorted(glob.glob(os.path.join(provisioning, "datasources", "*.y*ml")))
                   for d in load(f).get("datasources") or []]
        prom = [d for d in sources if d.get("uid") == "prometheus"]
        if len(prom) != 1 or prom[0].get("type") != "prometheus":
            problems.append("no Grafana data source of type prometheus with uid prometheus")
        elif urlparse(prom[0].get("url", "")).hostname not in services:
            problems.append("the prometheus data source points at %s, no compose service" % prom[0].get("url"))
        providers = [p for f in sorted(glob.glob(os.path.join(provisioning, "dashboards", "*.y*ml")))
                     for p in load(f).get("providers") or []]
        dashboards_at = [t for t, s in grafana_mounts.items() if s == os.path.join(ROOT, "deploy/grafana/dashboards")]
        if not providers or not dashboards_at or not any(
                p.get("options", {}).get("path") in dashboards_at for p in providers):
            problems.append("no Grafana dashboards provider reads the mount of deploy/grafana/dashboards")

    if problems:
        for problem in problems:
            print("FAIL " + problem)
        return 1
    print("ok   bind mounts exist; health checks and start order; Prometheus scrapes %s; Grafana data source "
          "uid prometheus and dashboards provider" % ", ".join(SCRAPED))
    return 0


if __name__ == "__main__":
    sys.exit(main())
