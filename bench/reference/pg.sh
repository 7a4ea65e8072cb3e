#!/usr/bin/env bash
# Throw-away PostgreSQL 15 cluster under $PG_ROOT (default bench/target/pg, see lib.sh), loopback only, port $PGPORT (default 5499).
#   pg.sh init     - wipe $PG_ROOT and initdb a fresh cluster (trust auth, 127.0.0.1 only)
#   pg.sh start    - start it (pg_ctl ... -o "-c listen_addresses=127.0.0.1 -p $PGPORT")
#   pg.sh stop     - pg_ctl stop -m fast
#   pg.sh status
# Nothing system-wide is touched (no pg_createcluster, no systemd unit); runs as OS user postgres.
. "$(dirname "$0")/lib.sh"

asuser() { runuser -u postgres -- "$@"; }

case "${1:-}" in
  init)
    if [ -f "$PGDATA/postmaster.pid" ]; then echo "cluster in $PGDATA seems to be running; stop it first" >&2; exit 1; fi
    rm -rf "$PG_ROOT"
    mkdir -p "$PG_ROOT"
    chown postgres:postgres "$PG_ROOT"
    asuser "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_ROOT/initdb.log"
    # Benchmark settings (everything else is the PostgreSQL 15 default).
    install -o postgres -g postgres -m 0644 "$REF_DIR/pg-settings.conf" "$PGDATA/reference-settings.conf"
    printf "\ninclude 'reference-settings.conf'\nunix_socket_directories = '%s'\n" "$PG_ROOT" >>"$PGDATA/postgresql.conf"
    # host-based auth: loopback TCP only
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$PGDATA/pg_hba.conf"
    chown postgres:postgres "$PGDATA/pg_hba.conf"
    ;;
  start)
    asuser "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PG_ROOT/server.log" -w -t 300 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT" start
    ;;
  stop)
    if [ -f "$PGDATA/postmaster.pid" ]; then
      asuser "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 300 stop
    else
      echo "not running"
    fi
    ;;
  status)
    asuser "$PGBIN/pg_ctl" -D "$PGDATA" status || true
    ;;
  *)
    echo "usage: $0 init|start|stop|status" >&2; exit 2 ;;
esac
