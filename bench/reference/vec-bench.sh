#!/usr/bin/env bash
# pgvector reference benchmark for one data set.
#   vec-bench.sh LABEL        (LABEL = 100k or 1m; data in $DATA_DIR/vec-LABEL, made by gen-data.sh)
# Env: EXACT_WARMUP (default 200 for 100k, 20 otherwise) = warm-up queries before the exact passes,
#      EXACT_PASSES (default 3 for 100k, 2 otherwise), HNSW_PASSES (default 5) = measured passes
#      over the 200 queries (the pass with the least foreign CPU load is reported),
#      LOAD_REPEAT / BUILD_REPEAT (default 2 for 100k, 1 otherwise) = how often the COPY load and
#      the HNSW build are repeated (fresh table / dropped index each time),
#      BUILD_TIMEOUT (default 40min) = statement_timeout for the HNSW build; if it is hit, the
#      HNSW measurements are skipped and results/raw/vec-LABEL/failed.tsv says so,
#      KEEP=1 keeps the table afterwards (default: dropped to free shared buffers).
# Steps (all in database "bench" of the running throw-away cluster):
#   CREATE TABLE items_LABEL (id integer PRIMARY KEY, embedding vector(384) NOT NULL)
#   COPY (server-side, text format) -> VACUUM ANALYZE -> CHECKPOINT
#   exact top-10 (no vector index: seq scan + top-N sort) for the 200 queries
#   CREATE INDEX ... USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)
#   HNSW top-10 at hnsw.ef_search = 40, 100, 200; recall@10 vs the exact pass
. "$(dirname "$0")/lib.sh"

L=${1:?label}
T=items_$L
D=$DATA_DIR/vec-$L
RAW_OUT=$RAW/vec-$L
[ -f "$D/base.tsv" ] || { echo "missing $D/base.tsv (run gen-data.sh)" >&2; exit 1; }
rm -rf "$RAW_OUT"; mkdir -p "$RAW_OUT" "$DATA_DIR/work"
cp "$D/manifest.txt" "$RAW_OUT/data-manifest.txt"

NQ=$(wc -l <"$D/queries.tsv")
if [ "$L" = 100k ]; then EXW=${EXACT_WARMUP:-$NQ}; EXP=${EXACT_PASSES:-3}; else EXW=${EXACT_WARMUP:-20}; EXP=${EXACT_PASSES:-2}; fi
HP=${HNSW_PASSES:-5}
if [ "$L" = 100k ]; then LR=${LOAD_REPEAT:-2}; BR=${BUILD_REPEAT:-2}; else LR=${LOAD_REPEAT:-1}; BR=${BUILD_REPEAT:-1}; fi
Q=$DATA_DIR/work/vec-$L.sql
"$PY" "$REF_DIR/tools.py" vecsql "$D/queries.tsv" "$T" "$Q" "$DATA_DIR/work/vec-$L.warm-all.sql" "$NQ"
head -n "$EXW" "$DATA_DIR/work/vec-$L.warm-all.sql" >"$DATA_DIR/work/vec-$L.warm-exact.sql"
Q0=$(sed -n 2p "$Q")   # first query, for EXPLAIN

psql_bench -c "CREATE EXTENSION IF NOT EXISTS vector"
for r in $(seq 1 "$LR"); do
  psql_bench -c "DROP TABLE IF EXISTS $T" -c "CHECKPOINT" \
    -c "CREATE TABLE $T (id integer PRIMARY KEY, embedding vector(384) NOT NULL)"
  timed "load_r$r" "COPY $T FROM '$D/base.tsv'"
done
timed vacuum_analyze "VACUUM ANALYZE $T"
psql_bench -c "CHECKPOINT"
psql_bench -At -c "SELECT count(*), pg_relation_size('$T'), pg_total_relation_size('$T') FROM $T" >"$RAW_OUT/table-size.txt"

# exact (no vector index exists yet)
runq exact "$EXP" "$Q" "$DATA_DIR/work/vec-$L.warm-exact.sql"
psql_bench -At -c "EXPLAIN (ANALYZE, BUFFERS) ${Q0%;}" | sed -E 's/\[[-0-9.eE,]{200,}\]/[...]/g' >"$RAW_OUT/explain-exact.txt"

# HNSW build; DEBUG1 shows "using N parallel workers"
BUILT=1
for r in $(seq 1 "$BR"); do
  psql_bench -c "DROP INDEX IF EXISTS ${T}_hnsw" -c "CHECKPOINT"
  if ! TIMED_PRE="SET client_min_messages = debug1; SET statement_timeout = '${BUILD_TIMEOUT:-40min}'" \
    timed "hnsw_build_r$r" "CREATE INDEX ${T}_hnsw ON $T USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)"; then
    BUILT=0; break
  fi
done
if [ "$BUILT" = 1 ]; then
psql_bench -c "CHECKPOINT"
psql_bench -At -c "SELECT pg_relation_size('${T}_hnsw')" >"$RAW_OUT/index-size.txt"

for ef in 40 100 200; do
  runq "hnsw-ef$ef" "$HP" "$Q" "$DATA_DIR/work/vec-$L.warm-all.sql" "SET hnsw.ef_search = $ef;"
  psql_bench -At -c "SET hnsw.ef_search = $ef" -c "EXPLAIN (ANALYZE, BUFFERS) ${Q0%;}" | sed -E 's/\[[-0-9.eE,]{200,}\]/[...]/g' >"$RAW_OUT/explain-hnsw-ef$ef.txt"
done

# summaries: recall of HNSW vs PostgreSQL's own exact pass, and of both vs the generator's
# double-precision ground truth (gt10.tsv)
fi  # BUILT
for n in exact hnsw-ef40 hnsw-ef100 hnsw-ef200; do
  [ -f "$RAW_OUT/$n.tsv" ] || continue
  "$PY" "$REF_DIR/tools.py" summarize "$RAW_OUT/$n.tsv" --truth "$RAW_OUT/exact.tsv" --gt "$D/gt10.tsv" \
    --passes "$RAW_OUT/$n.passes.json" --json "$RAW_OUT/$n.json" >/dev/null
done
if [ "${KEEP:-0}" != 1 ]; then psql_bench -c "DROP TABLE $T"; fi
log "vec-bench $L done"
