#!/usr/bin/env bash
# Creates (or updates) the Secrets the Retail Hub Deployments read, with the SANDBOX values of
# deploy/.env.example, in the namespace retail-hub. For the local overlay and trials only: a real
# installation creates these Secrets from its secret store (External Secrets, Sealed Secrets, Vault,
# ...) with the same names and keys, and never commits them.
#
#   deploy/k8s/create-sandbox-secrets.sh [--namespace NS]   kubectl create ... | kubectl apply
#   deploy/k8s/create-sandbox-secrets.sh --list             "SECRET KEY" lines, nothing applied
#
# A value set in the environment wins over deploy/.env.example (e.g. RETAILHUB_ERP_PASSWORD=...).
# Values go to kubectl in a temporary file (mode 600), never on a command line.
# deploy/check-k8s.sh compares --list with the Secret keys the manifests reference.
set -euo pipefail
cd "$(dirname "$0")/../.."

namespace=retail-hub
list=false
while [ $# -gt 0 ]; do
  case "$1" in
    --namespace) namespace="$2"; shift 2 ;;
    --list) list=true; shift ;;
    *) echo "usage: $0 [--namespace NS] [--list]" >&2; exit 2 ;;
  esac
done

# defaults from deploy/.env.example for whatever the environment does not set
while IFS='=' read -r key value; do
  [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
  if [ -z "${!key+x}" ]; then printf -v "$key" '%s' "$value"; fi
done < deploy/.env.example

command -v kubectl >/dev/null 2>&1 || $list || { echo "kubectl is not installed" >&2; exit 1; }
env_file="$(mktemp)"
trap 'rm -f "$env_file"' EXIT
chmod 600 "$env_file"
if ! $list; then
  kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
fi

# secret NAME KEY=VALUE...   (the keys are the environment variable names the services read)
secret() {
  local name="$1" pair
  shift
  if $list; then
    for pair in "$@"; do echo "$name ${pair%%=*}"; done
    return
  fi
  : > "$env_file"
  for pair in "$@"; do
    if [ -z "${pair#*=}" ]; then echo "$name: ${pair%%=*} is empty" >&2; exit 1; fi
    printf '%s\n' "$pair" >> "$env_file"
  done
  kubectl create secret generic "$name" --namespace "$namespace" --from-env-file="$env_file" \
    --dry-run=client -o yaml | kubectl apply -f -
}

secret identity-secrets \
  "RETAILHUB_PROCESS_CLIENT_SECRET=$RETAILHUB_PROCESS_CLIENT_SECRET" \
  "RETAILHUB_EXPERIENCE_CLIENT_SECRET=$RETAILHUB_EXPERIENCE_CLIENT_SECRET" \
  "RETAILHUB_CLI_CLIENT_SECRET=$RETAILHUB_CLI_CLIENT_SECRET" \
  "RETAILHUB_IDENTITY_DEMO_PASSWORD=$RETAILHUB_IDENTITY_DEMO_PASSWORD"
# the simulated backends accept what system-api sends
secret sandbox-secrets \
  "SANDBOX_ERP_PASSWORD=$RETAILHUB_ERP_PASSWORD" \
  "SANDBOX_CRM_CLIENT_SECRET=$RETAILHUB_CRM_CLIENT_SECRET" \
  "SANDBOX_PAYMENT_SECRET_KEY=$RETAILHUB_PAYMENT_SECRET_KEY" \
  "SANDBOX_WAREHOUSE_API_KEY=$RETAILHUB_WAREHOUSE_API_KEY" \
  "SANDBOX_COMMERCE_ACCESS_TOKEN=$RETAILHUB_COMMERCE_ACCESS_TOKEN" \
  "SANDBOX_CARRIER_API_KEY=$SANDBOX_CARRIER_API_KEY" \
  "SANDBOX_WAREHOUSE_WEBHOOK_SECRET=$RETAILHUB_WAREHOUSE_WEBHOOK_SECRET" \
  "SANDBOX_CARRIER_WEBHOOK_SECRET=$SANDBOX_CARRIER_WEBHOOK_SECRET"
secret system-api-secrets \
  "RETAILHUB_ERP_PASSWORD=$RETAILHUB_ERP_PASSWORD" \
  "RETAILHUB_CRM_CLIENT_SECRET=$RETAILHUB_CRM_CLIENT_SECRET" \
  "RETAILHUB_PAYMENT_SECRET_KEY=$RETAILHUB_PAYMENT_SECRET_KEY" \
  "RETAILHUB_WAREHOUSE_API_KEY=$RETAILHUB_WAREHOUSE_API_KEY" \
  "RETAILHUB_COMMERCE_ACCESS_TOKEN=$RETAILHUB_COMMERCE_ACCESS_TOKEN" \
  "RETAILHUB_WAREHOUSE_WEBHOOK_SECRET=$RETAILHUB_WAREHOUSE_WEBHOOK_SECRET"
secret process-api-secrets \
  "RETAILHUB_PROCESS_DB_PASSWORD=$PROCESS_DB_PASSWORD" \
  "RETAILHUB_PROCESS_CLIENT_SECRET=$RETAILHUB_PROCESS_CLIENT_SECRET"
secret experience-api-secrets \
  "RETAILHUB_EXPERIENCE_DB_PASSWORD=$EXPERIENCE_DB_PASSWORD" \
  "RETAILHUB_EXPERIENCE_CLIENT_SECRET=$RETAILHUB_EXPERIENCE_CLIENT_SECRET" \
  "RETAILHUB_GUEST_TOKEN_SECRET=$RETAILHUB_GUEST_TOKEN_SECRET"

$list || echo "Secrets created in namespace $namespace (sandbox values unless set in the environment)"
