#!/usr/bin/env bash
# Builds Retail Hub and runs it on this machine: embedded PostgreSQL and Kafka, the simulated
# backends and the services, in one JVM. Ctrl-C stops everything. PostgreSQL's data, Kafka's log
# and the sandbox backends' state stay in RETAILHUB_DATA_DIR, so a later run (also after a crash)
# resumes where this one was.
#
# Settings (environment variables; defaults in brackets):
#   RETAILHUB_PG_PORT [15432]  RETAILHUB_KAFKA_PORT [19092]  RETAILHUB_SANDBOX_PORT [8090]
#   RETAILHUB_SYSTEM_API_PORT [8081]  RETAILHUB_PROCESS_API_PORT [8082]  RETAILHUB_IDENTITY_PORT [9000]
#   RETAILHUB_DATA_DIR [./.retailhub-data]  (0 = a free port)
# Arguments are passed to the launcher, e.g. ./run-local.sh --retailhub.system-api.port=9081
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -q -B -DskipTests install
exec java -jar sandbox/launcher/target/retail-hub-local.jar "$@"
