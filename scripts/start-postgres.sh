#!/usr/bin/env bash
# Makes a local PostgreSQL server available for the integration tests (Debian/Ubuntu, as root or
# with sudo): installs the Debian package when missing, starts the cluster when it is down, and
# sets the password of the `postgres` role so tests connect over TCP on 127.0.0.1:5432.
# Prints the URL to use as TEST_DATABASE_URL.
set -euo pipefail
PGPASS="${MOTCUA_TEST_PG_PASSWORD:-postgres}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "[postgres] installing the Debian postgresql package..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql postgresql-contrib >&2
fi
cluster=$(pg_lsclusters --no-header | head -n 1)
[ -n "$cluster" ] || { echo "[postgres] no cluster found (pg_lsclusters is empty); create one with pg_createcluster" >&2; exit 1; }
read -r ver name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  echo "[postgres] starting cluster $ver/$name on port $port..." >&2
  $SUDO pg_ctlcluster "$ver" "$name" start >&2
fi
for _ in $(seq 1 30); do
  $SUDO -u postgres psql -p "$port" -qAtc 'select 1' >/dev/null 2>&1 && break
  [ -z "$SUDO" ] && su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
run_psql() { if [ -n "$SUDO" ]; then sudo -u postgres psql -p "$port" -qAtc "$1"; else su postgres -c "psql -p $port -qAtc \"$1\""; fi; }
run_psql "ALTER USER postgres PASSWORD '$PGPASS'" >/dev/null
echo "postgres://postgres:$PGPASS@127.0.0.1:$port/postgres"
