#!/usr/bin/env python3
"""Every environment variable a service's configuration reads without a safe default is set.

Reads each service's yml file (the placeholders ${NAME} and ${NAME:default}) and compares them with
the environment a deployment gives that service:

  check-env.py compose RESOLVED.yml   output of `docker-compose -f docker-compose.yml config`
  check-env.py k8s RENDERED.yml       the Kustomize output (deploy/k8s/validate.mjs --out)

A variable must be set (to something not empty) when
  - it has no default (${NAME}),
  - its default points at localhost (right for ./run-local.sh, wrong in a container),
  - it is a secret (its name says SECRET, PASSWORD, ..._KEY or ACCESS_TOKEN): a deployment sets
    its own, even where the value stays the sandbox's, or
  - its empty default means something a deployment does not want (REQUIRED_ANYWAY below).
A default that is another property (${RETAILHUB_TOKEN_URI:${spring...issuer-uri}/oauth2/token}) is
safe: it follows what is set. Exit 1 and a list of what is missing, per service, otherwise 0.
Uses python3 and PyYAML only (Debian: python3-yaml, a dependency of docker-compose).
"""

import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# deployment name (compose service, Kubernetes Deployment and container) -> its configuration file
SERVICES = {
    "identity": "sandbox/identity/src/main/resources/identity.yml",
    "sandbox": "sandbox/backends/src/main/resources/sandbox.yml",
    "system-api": "system-api/src/main/resources/system-api.yml",
    "process-api": "process-api/src/main/resources/process-api.yml",
    "experience-api": "experience-api/src/main/resources/experience-api.yml",
}

SECRET_NAME = re.compile(r"(SECRET|PASSWORD|_KEY$|ACCESS_TOKEN)")
LOCALHOST = re.compile(r"localhost|127\.0\.0\.1")
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")

# empty defaults that a deployment must not keep
REQUIRED_ANYWAY = {
    "RETAILHUB_IDENTITY_ISSUER": "empty = http://localhost:<port>, which no other container reaches",
    "RETAILHUB_IDENTITY_KEY_FILE": "empty = a new signing key at every start",
    "SANDBOX_WAREHOUSE_WEBHOOK_URL": "empty = warehouse receipts reach no one (returns are never received)",
}


def placeholders(text):
    """(name, default or None) of every ${...} in text, outermost first; nested ones too."""
    found = []
    i = 0
    while True:
        start = text.find("${", i)
        if start < 0:
            return found
        depth, j = 1, start + 2
        while j < len(text) and depth:
            if text.startswith("${", j):
                depth += 1
                j += 2
                continue
            if text[j] == "}":
                depth -= 1
            j += 1
        body = text[start + 2:j - 1]
        name, sep, default = body.partition(":")
        found.append((name.strip(), default if sep else None))
        found.extend(placeholders(default) if sep else [])
        i = j


def without_comments(text):
    lines = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("#"):
            continue
        lines.append(re.sub(r"\s#.*$", "", line))
    return "\n".join(lines)


def requirements(config_file):
    """{name: reason} of the variables this configuration needs set; and every variable it reads."""
    with open(os.path.join(ROOT, config_file), encoding="utf-8") as f:
        text = without_comments(f.read())
    needed, read = {}, set()
    for name, default in placeholders(text):
        if not ENV_NAME.match(name):
            continue  # a property reference such as ${spring.security...}
        read.add(name)
        if default is None:
            needed[name] = "no default"
        elif LOCALHOST.search(default) and "${" not in default:
            needed[name] = "default points at localhost: " + default
        elif SECRET_NAME.search(name):
            needed[name] = "secret"
        elif name in REQUIRED_ANYWAY and default == "":
            needed[name] = REQUIRED_ANYWAY[name]
    return needed, read


def compose_environments(path):
    with open(path, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    result = {}
    for name, service in (config.get("services") or {}).items():
        env = service.get("environment") or {}
        if isinstance(env, list):  # KEY=VALUE entries
            env = dict(entry.split("=", 1) if "=" in entry else (entry, None) for entry in env)
        result[name] = ({key: ("" if value is None else str(value)) for key, value in env.items()}, [])
    return result


def k8s_environments(path):
    with open(path, encoding="utf-8") as f:
        objects = [o for o in yaml.safe_load_all(f) if o]
    config_maps = {o["metadata"]["name"]: o.get("data") or {} for o in objects if o.get("kind") == "ConfigMap"}
    result = {}
    for o in objects:
        if o.get("kind") != "Deployment":
            continue
        for container in o["spec"]["template"]["spec"].get("containers", []):
            env, unknown = {}, []
            for source in container.get("envFrom") or []:
                prefix = source.get("prefix", "")
                if "configMapRef" in source:
                    data = config_maps.get(source["configMapRef"]["name"])
                    if data is None:
                        unknown.append("ConfigMap %s (not in the output)" % source["configMapRef"]["name"])
                        continue
                    env.update({prefix + key: str(value) for key, value in data.items()})
                elif "secretRef" in source:
                    unknown.append("all keys of Secret %s" % source["secretRef"]["name"])
            for entry in container.get("env") or []:
                if "valueFrom" in entry:
                    env[entry["name"]] = "<from %s>" % ", ".join(entry["valueFrom"].keys())
                else:
                    env[entry["name"]] = str(entry.get("value", ""))
            result[container["name"]] = (env, unknown)
    return result


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("compose", "k8s"):
        print(__doc__)
        return 2
    mode, path = sys.argv[1], sys.argv[2]
    environments = compose_environments(path) if mode == "compose" else k8s_environments(path)
    failed = False
    for service, config_file in SERVICES.items():
        needed, read = requirements(config_file)
        if service not in environments:
            print("FAIL %-15s not in the %s output" % (service, mode))
            failed = True
            continue
        env, unknown = environments[service]
        missing = {name: reason for name, reason in needed.items() if not env.get(name, "").strip()}
        if missing:
            failed = True
            print("FAIL %-15s %d of %d variables that %s reads without a safe default are not set:"
                  % (service, len(missing), len(needed), config_file))
            for name, reason in sorted(missing.items()):
                print("       %-42s (%s)" % (name, reason))
        else:
            print("ok   %-15s all %d variables that %s reads without a safe default are set"
                  % (service, len(needed), os.path.basename(config_file)))
        for source in unknown:
            print("     %-15s note: cannot see %s" % ("", source))
        others = sorted(name for name in env if name not in read)
        if others:
            print("     %-15s also set (bound by Spring's relaxed binding or used by the image): %s"
                  % ("", ", ".join(others)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
