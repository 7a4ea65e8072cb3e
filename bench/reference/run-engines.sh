#!/usr/bin/env bash
# Measure the reference engines on the generated data sets (bench/run.sh calls this; it can also run alone).
#   run-engines.sh [--with-1m]
# Needs root (runuser postgres for the throw-away cluster), PostgreSQL 15 + pgvector installed (setup.sh) and
# the data sets generated (gen-data.sh). The cluster ($PG_ROOT, 127.0.0.1:$PGPORT only) is wiped,
# initialised, started, and stopped at the end. Results: $RAW/<set>/ (machine.txt is written by machine.sh).
# QUICK=1: one repetition of everything, no un-indexed full-text pass (each of its queries scans all
# documents, ~6 s per query); for smoke runs only.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WITH_1M=0
[ "${1:-}" = --with-1m ] && WITH_1M=1
[ "$(id -u)" = 0 ] || { echo "run as root (the throw-away cluster runs as OS user postgres)" >&2; exit 1; }
. "$HERE/lib.sh"

if [ "${QUICK:-0}" = 1 ]; then
  export EXACT_PASSES=${EXACT_PASSES:-1} HNSW_PASSES=${HNSW_PASSES:-1} GIN_PASSES=${GIN_PASSES:-1}
  export LOAD_REPEAT=${LOAD_REPEAT:-1} BUILD_REPEAT=${BUILD_REPEAT:-1} NOINDEX=${NOINDEX:-0}
  export EXACT_WARMUP=${EXACT_WARMUP:-20}
fi

bash "$HERE/pg.sh" stop >/dev/null 2>&1 || true
mkdir -p "$RAW"
rm -rf "$RAW/vec-100k" "$RAW/vec-1m" "$RAW/text-200k"
bash "$HERE/pg.sh" init
bash "$HERE/pg.sh" start
trap 'bash "$HERE/pg.sh" stop' EXIT
psql_admin -c "CREATE DATABASE $PGDB"

bash "$HERE/vec-bench.sh" 100k
bash "$HERE/text-bench.sh"
if [ "$WITH_1M" = 1 ]; then bash "$HERE/vec-bench.sh" 1m; fi

bash "$HERE/pg.sh" stop
trap - EXIT
log "reference engines done: $RAW"
