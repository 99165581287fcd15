#!/usr/bin/env bash
# Validates the Kubernetes manifests (deploy/k8s) without a cluster and without kubectl:
#   1. deploy/k8s/validate.mjs builds deploy/k8s/base and deploy/k8s/overlays/local (its own
#      loader for the Kustomize features they use) and checks every object against the Kubernetes
#      schema (npm kubernetes-models), plus: no unknown fields, no committed Secret, probes on the
#      actuator health groups, resources, references between objects, and the Secret keys the
#      Deployments read = the ones deploy/k8s/create-sandbox-secrets.sh creates;
#   2. deploy/check-env.py: every variable a service's yml reads without a safe default is set in
#      the environment each overlay's Deployment gives it (ConfigMaps and Secret references).
# Installs kubernetes-models and yaml with npm into deploy/k8s/.tools (git-ignored) when missing,
# and python3-yaml with apt-get. Exit 1 on any failure.
# Usage: deploy/check-k8s.sh   (from anywhere; CI calls it)
set -euo pipefail
cd "$(dirname "$0")/.."

tools=deploy/k8s/.tools
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v node >/dev/null 2>&1 || { echo "node (20 or newer) is needed: apt-get install nodejs npm" >&2; exit 1; }
if [ ! -f "$tools/node_modules/kubernetes-models/package.json" ] || [ ! -f "$tools/node_modules/yaml/package.json" ]; then
  echo "installing kubernetes-models@5 and yaml@2 (npm) into $tools"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tools" kubernetes-models@5 yaml@2
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "installing python3-yaml (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml >/dev/null
fi
echo "node $(node --version), kubernetes-models $(node -p "require('./$tools/node_modules/kubernetes-models/package.json').version")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
deploy/k8s/create-sandbox-secrets.sh --list > "$work/secrets"

echo "== 1. manifests (validate.mjs)"
node deploy/k8s/validate.mjs --tools "$tools" --secrets "$work/secrets" deploy/k8s/base deploy/k8s/overlays/local

for overlay in deploy/k8s/base deploy/k8s/overlays/local; do
  echo "== 2. environment of each service: $overlay"
  node deploy/k8s/validate.mjs --tools "$tools" --out "$work/rendered.yaml" "$overlay" > /dev/null
  python3 deploy/check-env.py k8s "$work/rendered.yaml"
done

echo "check-k8s: passed"
