#!/usr/bin/env bash
# Creates the hub's databases on the first start of the postgres container (an empty data
# directory): /docker-entrypoint-initdb.d runs this once, as the superuser, before the server
# accepts connections from other containers. Each service gets its own database and its own role,
# which owns the database (Flyway then creates the schema objects itself):
#   process     (process-api)     password: PROCESS_DB_PASSWORD
#   experience  (experience-api)  password: EXPERIENCE_DB_PASSWORD
# Changing a password later: ALTER ROLE ... PASSWORD, or `docker compose down -v` for a fresh start.
set -euo pipefail

: "${PROCESS_DB_PASSWORD:?PROCESS_DB_PASSWORD must be set}"
: "${EXPERIENCE_DB_PASSWORD:?EXPERIENCE_DB_PASSWORD must be set}"

create() {
  local name="$1" password="$2"
  # the password goes in as a psql variable (:'password' quotes it), never into the SQL text
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
SQL
  echo "init-databases: database $name with its role $name"
}

create process "$PROCESS_DB_PASSWORD"
create experience "$EXPERIENCE_DB_PASSWORD"
