# Shared settings for the reference-engine benchmarks (PostgreSQL + pgvector, PostgreSQL full-text search).
# Source it:  . "$(dirname "$0")/lib.sh"
# Everything the scripts write goes under bench/target of this repository unless overridden:
#   BENCH_DATA  generated data sets, shared with the Lakebench harness (default bench/target/data)
#   BENCH_PG    throw-away PostgreSQL cluster: data dir, socket, log     (default bench/target/pg)
#   BENCH_OUT   reference results: raw/ and RESULTS.md                   (default bench/target/reference)
set -euo pipefail

REF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_TARGET=$(cd "$REF_DIR/.." && pwd)/target
DATA_DIR=${BENCH_DATA:-$BENCH_TARGET/data}
PG_ROOT=${BENCH_PG:-$BENCH_TARGET/pg}
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=$PG_ROOT/data
PGPORT=${BENCH_PGPORT:-5499}
PGDB=bench
OUT_DIR=${BENCH_OUT:-$BENCH_TARGET/reference}
RAW=$OUT_DIR/raw                                   # small raw result files (timings, ids, logs)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PY=${PY:-/usr/bin/python3}

# psql as a client over loopback TCP (trust auth on 127.0.0.1 only, throw-away cluster).
psql_bench() { "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -d "$PGDB" "$@"; }
psql_admin() { "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -d postgres "$@"; }

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# runq NAME NPASS QUERIES.sql WARM.sql [PRE-SQL...]
#   One psql session: run PRE-SQL (e.g. SET hnsw.ef_search = 40), the warm-up file (output
#   discarded, untimed), then NPASS measured passes over every query of QUERIES.sql with
#   \timing on.  psql's \timing is the client-side round trip over loopback TCP (send query ->
#   full result received; includes parse/plan/execute).  CPU counters are snapshotted around
#   each pass (tools.py cpusnap) because other jobs may share the machine.
#   Writes $RAW_OUT/NAME.pK.tsv per pass, $RAW_OUT/NAME.passes.json, and $RAW_OUT/NAME.tsv =
#   the pass with the least non-PostgreSQL CPU load ("quietest pass").
runq() {
  local name=$1 npass=$2 qsql=$3 wsql=$4; shift 4
  local work=$DATA_DIR/work; mkdir -p "$work" "$RAW_OUT"
  local drv=$work/$name.drv.sql out=$work/$name.psqlout cpu=$work/$name.cpu
  : >"$cpu"
  {
    echo '\pset tuples_only on'
    echo '\pset format unaligned'
    for s in "$@"; do echo "$s"; done
    echo '\o /dev/null'
    echo "\\i $wsql"
    echo '\o'
    echo '\timing on'
    for p in $(seq 1 "$npass"); do
      echo "\\! $PY $REF_DIR/tools.py cpusnap start >>$cpu"
      echo "\\echo PASS $p"
      echo "\\i $qsql"
      echo "\\! $PY $REF_DIR/tools.py cpusnap end >>$cpu"
    done
  } >"$drv"
  log "queries: $name ($npass passes)"
  psql_bench -f "$drv" >"$out"
  "$PY" "$REF_DIR/tools.py" parse "$out" "$cpu" "$RAW_OUT" "$name"
}

# timed NAME SQL... : (optionally after untimed $TIMED_PRE) run SQL statements in one session
#   with \timing on; log in $RAW_OUT/NAME.log; appends "NAME<TAB>ms<TAB>cpu-json" to
#   $RAW_OUT/steps.tsv (ms = sum of the Time: lines; cpu-json = tools.py cpudiff over the step).
timed() {
  local name=$1; shift
  mkdir -p "$RAW_OUT"
  local args=()
  [ -n "${TIMED_PRE:-}" ] && args+=(-c "$TIMED_PRE")   # untimed set-up statement(s)
  args+=(-c '\timing on')
  for s in "$@"; do args+=(-c "$s"); done
  log "step: $name"
  local a b rc=0
  a=$("$PY" "$REF_DIR/tools.py" cpusnap start)
  psql_bench "${args[@]}" >"$RAW_OUT/$name.log" 2>&1 || rc=$?
  b=$("$PY" "$REF_DIR/tools.py" cpusnap end)
  if [ "$rc" != 0 ]; then
    printf '%s\trc=%s\t%s\n' "$name" "$rc" "$(tail -1 "$RAW_OUT/$name.log")" >>"$RAW_OUT/failed.tsv"
    log "step: $name FAILED (rc=$rc): $(tail -1 "$RAW_OUT/$name.log")"
    return "$rc"
  fi
  local ms; ms=$("$PY" "$REF_DIR/tools.py" stepms "$RAW_OUT/$name.log")
  printf '%s\t%s\t%s\n' "$name" "$ms" "$("$PY" "$REF_DIR/tools.py" cpudiff "$a" "$b")" >>"$RAW_OUT/steps.tsv"
  log "step: $name took $ms ms"
}
