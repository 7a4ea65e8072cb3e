#!/usr/bin/env bash
# Generate the deterministic data sets into $DATA_DIR (default bench/target/data, see lib.sh).
#   gen-data.sh 100k text        (default)
#   gen-data.sh 1m               (1,000,000 x 384; the first 100,000 rows equal the 100k set)
#   gen-data.sh uni-100k uni-1m  (uniformly random 384-d unit vectors: the recall benchmark's hard case)
# A set is skipped when its manifest.txt already exists (FORCE=1 regenerates).
# Seeds/parameters: see gen/VecGen.java and gen/TextGen.java (seed 20250601, sigma 0.04,
# 1000 clusters, 200 queries; Zipf s=1.0 over /usr/share/dict/words from Debian's wamerican).
# Every set's checksums are compared with data-sha256.txt (the bytes the generators produced when
# this folder was made); the result is written to $DATA_DIR/verify.txt and shown in the report.
. "$(dirname "$0")/lib.sh"

[ $# -gt 0 ] || set -- 100k text
mkdir -p "$DATA_DIR"
for what in "$@"; do
  case "$what" in
    100k|1m)
      n=$([ "$what" = 100k ] && echo 100000 || echo 1000000)
      out=$DATA_DIR/vec-$what
      if [ -f "$out/manifest.txt" ] && [ "${FORCE:-0}" != 1 ]; then log "vec-$what exists"; else
        log "generating vec-$what"
        heap=$([ "$what" = 100k ] && echo 2g || echo 8g)
        "$JAVA" "-Xmx$heap" "$REF_DIR/gen/VecGen.java" --n "$n" --dim 384 --clusters 1000 --queries 200 \
          --seed 20250601 --sigma 0.04 --out "$out"
        (cd "$out" && sha256sum base.f32 queries.f32 gt.i32 >sha256.txt)
      fi
      set_name=vec-$what
      ;;
    uni-100k|uni-1m)
      n=$([ "$what" = uni-100k ] && echo 100000 || echo 1000000)
      out=$DATA_DIR/$what
      if [ -f "$out/manifest.txt" ] && [ "${FORCE:-0}" != 1 ]; then log "$what exists"; else
        log "generating $what"
        heap=$([ "$what" = uni-100k ] && echo 2g || echo 8g)
        "$JAVA" "-Xmx$heap" "$REF_DIR/gen/VecGen.java" --n "$n" --dim 384 --clusters 0 --queries 200 \
          --seed 20250601 --out "$out"
        (cd "$out" && sha256sum base.f32 queries.f32 gt.i32 >sha256.txt)
      fi
      set_name=$what
      ;;
    text)
      out=$DATA_DIR/text-200k
      if [ -f "$out/manifest.txt" ] && [ "${FORCE:-0}" != 1 ]; then log "text-200k exists"; else
        [ -f /usr/share/dict/words ] || { echo "missing /usr/share/dict/words: apt-get install wamerican" >&2; exit 1; }
        log "generating text-200k"
        "$JAVA" "$REF_DIR/gen/TextGen.java" --docs 200000 --seed 20250601 --zipf 1.0 \
          --words /usr/share/dict/words --queries 200 --out "$out"
        (cd "$out" && sha256sum docs.tsv queries.tsv >sha256.txt && sha256sum /usr/share/dict/words >>sha256.txt)
      fi
      set_name=text-200k
      ;;
    *) echo "unknown data set $what" >&2; exit 2 ;;
  esac
  # Compare with the recorded checksums: "<set> <file> <sha256>" lines in data-sha256.txt.
  status=same
  while read -r sum file; do
    want=$(awk -v s="$set_name" -v f="$(basename "$file")" '$1 == s && $2 == f {print $3}' "$REF_DIR/data-sha256.txt")
    if [ -z "$want" ]; then status="unrecorded"; elif [ "$want" != "$sum" ]; then status="DIFFERENT ($(basename "$file"))"; break; fi
  done <"$out/sha256.txt"
  mkdir -p "$DATA_DIR"
  touch "$DATA_DIR/verify.txt"
  grep -v "^$set_name " "$DATA_DIR/verify.txt" >"$DATA_DIR/verify.tmp" || true
  echo "$set_name $status" >>"$DATA_DIR/verify.tmp"
  mv "$DATA_DIR/verify.tmp" "$DATA_DIR/verify.txt"
  log "$set_name: checksums vs data-sha256.txt: $status"
done
chmod -R a+rX "$DATA_DIR"
