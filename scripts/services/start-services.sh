#!/usr/bin/env bash
# Starts the Redis and PostgreSQL servers the shared-state and store tests use, on 127.0.0.1 and
# non-default ports so they never clash with a system instance. Installs the Debian packages only
# when missing; safe to run again (a running server is left alone). Prints the URLs as
# `export TEST_REDIS_URL=… TEST_DATABASE_URL=…` lines, so callers can `eval "$(… )"`.
set -euo pipefail

REDIS_PORT="${TEST_REDIS_PORT:-6390}"
PG_PORT="${TEST_PG_PORT:-5440}"
PG_VERSION_DIR=/usr/lib/postgresql
PG_CLUSTER=career_advisor_test
DB_USER=career_advisor
DB_PASSWORD=career_advisor
DB_NAME=career_advisor_test
STATE_DIR="${TEST_SERVICES_DIR:-/tmp/career-advisor-services}"

log() { echo "start-services: $*" >&2; }

install_missing() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v pg_createcluster >/dev/null 2>&1 || missing+=(postgresql)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  fi
}

start_redis() {
  mkdir -p "$STATE_DIR"
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then return; fi
  # No persistence: this instance only ever holds test state.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
    --dir "$STATE_DIR" --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" >&2
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
  log "redis-server did not answer on port $REDIS_PORT"; return 1
}

start_postgres() {
  local version
  version="$(ls "$PG_VERSION_DIR" | sort -n | tail -1)"
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$PG_CLUSTER"; then
    pg_createcluster "$version" "$PG_CLUSTER" -p "$PG_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >&2
  fi
  if ! pg_lsclusters -h | awk -v c="$PG_CLUSTER" '$2 == c {print $4}' | grep -qx online; then
    pg_ctlcluster "$version" "$PG_CLUSTER" start -o "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" >&2
  fi
  local psql=(runuser -u postgres -- psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1)
  for _ in $(seq 50); do "${psql[@]}" -c 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
  if [ "$("${psql[@]}" -tAc "select 1 from pg_roles where rolname = '$DB_USER'")" != 1 ]; then
    "${psql[@]}" -c "create role $DB_USER login password '$DB_PASSWORD' createdb" >&2
  fi
  if [ "$("${psql[@]}" -tAc "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]; then
    "${psql[@]}" -c "create database $DB_NAME owner $DB_USER" >&2
  fi
}

install_missing
start_redis
start_postgres
echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
echo "export TEST_DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
