#!/usr/bin/env bash
# Gives the integration tests a PostgreSQL on 127.0.0.1:5432 with fresh, empty databases.
# Idempotent: installs Debian's PostgreSQL if missing, starts the cluster if down, and drops
# and recreates the test databases and their role on every run.
# Usage: ensure-database.sh DATABASE USER PASSWORD [MORE_DATABASES...]
set -euo pipefail
db=$1 user=$2 password=$3
shift 3
more=("$@")

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1)
# Debian's default listen_addresses is 'localhost': loopback only.
pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432

{
  for each in "$db" "${more[@]}"; do echo "DROP DATABASE IF EXISTS $each WITH (FORCE);"; done
  echo "DROP ROLE IF EXISTS $user;"
  echo "CREATE ROLE $user LOGIN PASSWORD '$password';"
  for each in "$db" "${more[@]}"; do echo "CREATE DATABASE $each OWNER $user;"; done
} | su postgres -c "psql -q -v ON_ERROR_STOP=1"
echo "PostgreSQL ready: database(s) $db ${more[*]} on 127.0.0.1:5432"
