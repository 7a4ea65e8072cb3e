#!/usr/bin/env bash
# PostgreSQL full-text-search reference benchmark.
#   text-bench.sh            (data in $DATA_DIR/text-200k, made by gen-data.sh)
# Env: NOINDEX=0 skips the no-index run, NOINDEX_WARMUP (default 5), NOINDEX_PASSES (default 1; each no-index
#      query scans all docs, ~5 s), GIN_PASSES (default 3),
#      LOAD_REPEAT / BUILD_REPEAT (default 2) = repeats of the COPY load / GIN build,
#      TSVCOL=0 skips the extra stored-tsvector-column variant, KEEP=1 keeps the table.
# Steps (database "bench"):
#   CREATE TABLE docs (id integer PRIMARY KEY, body text NOT NULL); COPY; VACUUM ANALYZE
#   no index:  WHERE to_tsvector('english', body) @@ plainto_tsquery('english', '<words>')
#              ORDER BY ts_rank_cd(to_tsvector('english', body), plainto_tsquery(...)) DESC LIMIT 10
#   CREATE INDEX docs_body_fts ON docs USING gin (to_tsvector('english', body)); same queries
#   extra: stored generated column tsv = to_tsvector('english', body) + GIN(tsv); same queries on tsv
. "$(dirname "$0")/lib.sh"

D=$DATA_DIR/text-200k
RAW_OUT=$RAW/text-200k
[ -f "$D/docs.tsv" ] || { echo "missing $D/docs.tsv (run gen-data.sh)" >&2; exit 1; }
rm -rf "$RAW_OUT"; mkdir -p "$RAW_OUT" "$DATA_DIR/work"
cp "$D/manifest.txt" "$RAW_OUT/data-manifest.txt"
cp "$D/queries.tsv" "$RAW_OUT/queries.tsv"
W=$DATA_DIR/work
NQ=$(wc -l <"$D/queries.tsv")
"$PY" "$REF_DIR/tools.py" textsql "$D/queries.tsv" expr "$W/fts-expr.sql" "$W/fts-expr.warm-all.sql" "$NQ"
"$PY" "$REF_DIR/tools.py" textsql "$D/queries.tsv" col "$W/fts-col.sql" "$W/fts-col.warm-all.sql" "$NQ"
head -n "${NOINDEX_WARMUP:-5}" "$W/fts-expr.warm-all.sql" >"$W/fts-expr.warm-noindex.sql"
# EXPLAIN samples: first query whose words are all "common", and first with a "rare" word
QC=$(awk -F'\t' '$3 !~ /mid|rare/ {print $1; exit}' "$D/queries.tsv")
QR=$(awk -F'\t' '$3 ~ /rare/ {print $1; exit}' "$D/queries.tsv")
sqlof() { grep -A1 -x "\\\\echo Q $2" "$1" | tail -1; }

for r in $(seq 1 "${LOAD_REPEAT:-2}"); do
  psql_bench -c "DROP TABLE IF EXISTS docs" -c "CHECKPOINT" -c "CREATE TABLE docs (id integer PRIMARY KEY, body text NOT NULL)"
  timed "load_r$r" "COPY docs FROM '$D/docs.tsv'"
done
timed vacuum_analyze "VACUUM ANALYZE docs"
psql_bench -c "CHECKPOINT"
psql_bench -At -c "SELECT count(*), pg_relation_size('docs'), pg_total_relation_size('docs') FROM docs" >"$RAW_OUT/table-size.txt"

# no index
if [ "${NOINDEX:-1}" = 1 ]; then
  runq fts-noindex "${NOINDEX_PASSES:-1}" "$W/fts-expr.sql" "$W/fts-expr.warm-noindex.sql"
  for q in "$QC" "$QR"; do
    psql_bench -At -c "EXPLAIN (ANALYZE, BUFFERS) $(sqlof "$W/fts-expr.sql" "$q")" >"$RAW_OUT/explain-noindex-q$q.txt"
  done
fi

# GIN expression index
for r in $(seq 1 "${BUILD_REPEAT:-2}"); do
  psql_bench -c "DROP INDEX IF EXISTS docs_body_fts" -c "CHECKPOINT"
  timed "gin_build_r$r" "CREATE INDEX docs_body_fts ON docs USING gin (to_tsvector('english', body))"
done
psql_bench -c "ANALYZE docs" -c "CHECKPOINT"
psql_bench -At -c "SELECT pg_relation_size('docs_body_fts')" >"$RAW_OUT/index-size.txt"
runq fts-gin "${GIN_PASSES:-3}" "$W/fts-expr.sql" "$W/fts-expr.warm-all.sql"
for q in "$QC" "$QR"; do
  psql_bench -At -c "EXPLAIN (ANALYZE, BUFFERS) $(sqlof "$W/fts-expr.sql" "$q")" >"$RAW_OUT/explain-gin-q$q.txt"
done
# number of matching documents per query (untimed; context for the latency figures)
awk -F'\t' '{printf "SELECT %d, count(*) FROM docs WHERE to_tsvector('\''english'\'', body) @@ plainto_tsquery('\''english'\'', '\''%s'\'');\n", $1, $2}' \
  "$D/queries.tsv" | psql_bench -At -F $'\t' >"$RAW_OUT/match-counts.tsv"

if [ "${TSVCOL:-1}" = 1 ]; then
  timed tsvcol_add "ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED"
  timed tsvcol_gin_build "CREATE INDEX docs_tsv_gin ON docs USING gin (tsv)"
  psql_bench -c "VACUUM ANALYZE docs" -c "CHECKPOINT"
  psql_bench -At -c "SELECT pg_relation_size('docs_tsv_gin'), pg_total_relation_size('docs')" >"$RAW_OUT/tsvcol-size.txt"
  runq fts-tsvcol-gin "${GIN_PASSES:-3}" "$W/fts-col.sql" "$W/fts-col.warm-all.sql"
  for q in "$QC" "$QR"; do
    psql_bench -At -c "EXPLAIN (ANALYZE, BUFFERS) $(sqlof "$W/fts-col.sql" "$q")" >"$RAW_OUT/explain-tsvcol-q$q.txt"
  done
fi

for n in fts-noindex fts-gin fts-tsvcol-gin; do
  [ -f "$RAW_OUT/$n.tsv" ] || continue
  "$PY" "$REF_DIR/tools.py" summarize "$RAW_OUT/$n.tsv" --passes "$RAW_OUT/$n.passes.json" --json "$RAW_OUT/$n.json" >/dev/null
done
if [ "${KEEP:-0}" != 1 ]; then psql_bench -c "DROP TABLE docs"; fi
log "text-bench done"
