#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the PostgreSQL backend's tests, on loopback only.
#   .ci/postgres.sh install   - PostgreSQL 15 from Debian, pgvector 0.8.0 built from Debian 13's source package
#                               (bench/reference/setup.sh; the built .deb is kept under ~/.cache/lakebench and
#                               reinstalled from there next time, so the build runs once per machine)
#   .ci/postgres.sh start     - initdb into $LB_PG_ROOT (default /tmp/lakebench-ci-pg) and start on $LB_PG_PORT
#                               (default 55432); prints the JDBC URL for LAKEBENCH_TEST_POSTGRES_URL
#   .ci/postgres.sh stop      - stop it and delete its folder
# Needs root (installing, and running the server as the OS user postgres).
set -euo pipefail
ROOT=${LB_PG_ROOT:-/tmp/lakebench-ci-pg}
PORT=${LB_PG_PORT:-55432}
BIN=/usr/lib/postgresql/15/bin
CACHE=${LB_PG_CACHE:-$HOME/.cache/lakebench/pgvector}
HERE="$(cd "$(dirname "$0")/.." && pwd)"
asuser() { runuser -u postgres -- "$@"; }

case "${1:-}" in
  install)
    if [ ! -f /usr/share/postgresql/15/extension/vector.control ] && ls "$CACHE"/postgresql-15-pgvector_*.deb >/dev/null 2>&1; then
      dpkg -s postgresql-15 >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-contrib >/dev/null; }
      dpkg -i "$CACHE"/postgresql-15-pgvector_*.deb >/dev/null
    fi
    PGVECTOR_BUILD="$CACHE" bash "$HERE/bench/reference/setup.sh" >"${TMPDIR:-/tmp}/lakebench-pgvector-setup.log" 2>&1 \
      || { tail -30 "${TMPDIR:-/tmp}/lakebench-pgvector-setup.log" >&2; exit 1; }
    ;;
  start)
    if [ -f "$ROOT/data/postmaster.pid" ]; then
      asuser "$BIN/pg_ctl" -D "$ROOT/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    chown postgres:postgres "$ROOT"
    asuser "$BIN/initdb" -D "$ROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$ROOT/initdb.log"
    printf "unix_socket_directories = '%s'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" "$ROOT" >>"$ROOT/data/postgresql.conf"
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$ROOT/data/pg_hba.conf"
    asuser "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w -t 120 -o "-c listen_addresses=127.0.0.1 -p $PORT" start >/dev/null
    asuser "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE lakebench" >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$PORT/lakebench?user=postgres"
    ;;
  stop)
    if [ -f "$ROOT/data/postmaster.pid" ]; then
      asuser "$BIN/pg_ctl" -D "$ROOT/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$ROOT"
    ;;
  *)
    echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
