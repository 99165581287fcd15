#!/usr/bin/env python3
"""Static checks of the service images' Dockerfiles, as docker-compose.yml builds them.

  check-dockerfiles.py RESOLVED.yml   output of `docker-compose -f docker-compose.yml config`

For every compose service with a `build`:
  - the Dockerfile exists; a JDK builder stage and an eclipse-temurin:17-jre runtime stage;
  - ARG JAR_FILE names the module's executable jar (<module>/target/<artifactId>-<version>-exec.jar,
    from the module's pom.xml), and .dockerignore lets that jar and deploy/docker/ into the context;
  - the jar is extracted with Spring Boot's layer tooling, and the layers are copied in the order
    dependencies, spring-boot-loader, snapshot-dependencies, application; where the jar is built,
    its own layer list (java -Djarmode=tools -jar JAR list-layers) is that order;
  - a numeric non-root USER, an EXPOSE of the port compose publishes, a HEALTHCHECK on that port,
    and the JarLauncher entry point;
  - compose's health check of the service runs the image's health check on the same port.
Exit 1 with the problems, otherwise 0. Needs python3 and PyYAML (java only for list-layers).
"""

import fnmatch
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYERS = ["dependencies", "spring-boot-loader", "snapshot-dependencies", "application"]
POM = "{http://maven.apache.org/POM/4.0.0}"


def instructions(path):
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    result, current = [], ""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.lstrip().startswith("#"):
                continue
            if line.endswith("\\"):
                current += line[:-1] + " "
                continue
            current += line
            if current.strip():
                keyword, _, rest = current.strip().partition(" ")
                result.append((keyword.upper(), rest.strip()))
            current = ""
    return result


def artifact(module_dir):
    root = ET.parse(os.path.join(module_dir, "pom.xml")).getroot()
    artifact_id = root.find(POM + "artifactId").text.strip()
    version = root.find(POM + "version")
    if version is None:
        version = root.find(POM + "parent/" + POM + "version")
    return artifact_id, version.text.strip()


def dockerignore_allows(path):
    """Docker's rule: the last pattern that matches decides; '!' lets a path back in."""
    ignore = os.path.join(ROOT, ".dockerignore")
    if not os.path.exists(ignore):
        return True
    allowed = True
    with open(ignore, encoding="utf-8") as f:
        for line in f:
            pattern = line.strip()
            if not pattern or pattern.startswith("#"):
                continue
            negate = pattern.startswith("!")
            pattern = pattern[1:] if negate else pattern
            if fnmatch.fnmatchcase(path, pattern.replace("**", "*")):
                allowed = negate
    return allowed


def published_target_ports(service):
    ports = []
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            ports.append(str(entry.get("target")))
        else:
            ports.append(str(entry).split(":")[-1].split("/")[0])
    return ports


def check(name, service, problems):
    build = service["build"]
    context = build.get("context", ".") if isinstance(build, dict) else build
    dockerfile = build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile"
    if os.path.realpath(context) != os.path.realpath(ROOT):
        problems.append("build context is %s, not the repository root the Dockerfiles expect" % context)
    path = os.path.join(ROOT, dockerfile)
    if not os.path.isfile(path):
        problems.append("no Dockerfile %s" % dockerfile)
        return
    module = os.path.dirname(dockerfile)
    artifact_id, version = artifact(os.path.join(ROOT, module))
    jar = "%s/target/%s-%s-exec.jar" % (module, artifact_id, version)
    steps = instructions(path)
    froms = [rest for keyword, rest in steps if keyword == "FROM"]
    if len(froms) < 2 or not re.match(r"eclipse-temurin:17-jdk\b.* AS builder$", froms[0], re.I):
        problems.append("the first stage is not `FROM eclipse-temurin:17-jdk AS builder`")
    if not froms or not froms[-1].startswith("eclipse-temurin:17-jre"):
        problems.append("the runtime stage is not eclipse-temurin:17-jre")
    args = dict(rest.split("=", 1) for keyword, rest in steps if keyword == "ARG" and "=" in rest)
    if args.get("JAR_FILE") != jar:
        problems.append("ARG JAR_FILE=%s, expected %s" % (args.get("JAR_FILE"), jar))
    for needed in (jar, "deploy/docker/HealthCheck.java", "deploy/docker/healthcheck"):
        if not dockerignore_allows(needed):
            problems.append(".dockerignore keeps %s out of the build context" % needed)
        if needed.startswith("deploy/") and not os.path.isfile(os.path.join(ROOT, needed)):
            problems.append("%s is missing" % needed)
    if not any(k == "RUN" and "-Djarmode=tools" in r and "extract" in r and "--layers" in r and "--launcher" in r
               for k, r in steps):
        problems.append("no `java -Djarmode=tools -jar ... extract --layers --launcher`")
    copied = [m.group(1) for k, r in steps if k == "COPY"
              for m in [re.search(r"--from=builder\s+\S*/extracted/([\w-]+)/", r)] if m]
    if copied != LAYERS:
        problems.append("layers copied in the order %s, expected %s" % (copied, LAYERS))
    users = [r for k, r in steps if k == "USER"]
    if not users or not re.match(r"^[1-9][0-9]*(:[0-9]+)?$", users[-1]):
        problems.append("no numeric non-root USER (got %s)" % (users[-1] if users else "none"))
    exposed = [p.split("/")[0] for k, r in steps if k == "EXPOSE" for p in r.split()]
    targets = published_target_ports(service)
    if not exposed or any(t not in exposed for t in targets):
        problems.append("EXPOSE %s, compose publishes container ports %s" % (exposed, targets))
    healthchecks = [r for k, r in steps if k == "HEALTHCHECK"]
    if not healthchecks or not any(p in healthchecks[-1] for p in exposed):
        problems.append("no HEALTHCHECK on the exposed port")
    if not any(k == "ENTRYPOINT" and "org.springframework.boot.loader.launch.JarLauncher" in r for k, r in steps):
        problems.append("the ENTRYPOINT does not start org.springframework.boot.loader.launch.JarLauncher")
    test = (service.get("healthcheck") or {}).get("test") or []
    if "/opt/healthcheck/healthcheck" not in test or not any(str(p) in test for p in exposed):
        problems.append("compose's healthcheck does not run /opt/healthcheck/healthcheck on port %s" % exposed)
    jar_path = os.path.join(ROOT, jar)
    if os.path.isfile(jar_path) and shutil.which("java"):
        out = subprocess.run(["java", "-Djarmode=tools", "-jar", jar_path, "list-layers"],
                             capture_output=True, text=True, timeout=120)
        layers = out.stdout.split()
        if layers != LAYERS:
            problems.append("%s lists the layers %s, expected %s" % (jar, layers, LAYERS))
        return "layers of the built jar checked"
    return "jar not built, so its layers are not checked: ./mvnw -DskipTests package"


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        services = yaml.safe_load(f)["services"]
    failed = False
    built = {name: service for name, service in services.items() if service.get("build")}
    if not built:
        print("FAIL no service is built from a Dockerfile")
        return 1
    for name, service in built.items():
        problems = []
        note = check(name, service, problems)
        dockerfile = service["build"].get("dockerfile") if isinstance(service["build"], dict) else "Dockerfile"
        if problems:
            failed = True
            print("FAIL %-15s %s:" % (name, dockerfile))
            for problem in problems:
                print("       " + problem)
        else:
            print("ok   %-15s %s (%s)" % (name, dockerfile, note))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
