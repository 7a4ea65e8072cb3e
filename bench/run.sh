#!/usr/bin/env bash
# One command for every benchmark: Lakebench next to the reference engines, same data, same run.
#   bench/run.sh [--quick] [--with-1m] [--no-reference] [--no-build] [NAME...]
# 1. builds bench/target/lakebench-bench.jar (mvn -pl bench -am -DskipTests package)
# 2. generates the shared data sets once into bench/target/data (100k and, with --with-1m, 1M x 384 clustered
#    vectors with queries and exact ground truth; 200k Zipf documents with queries), checked against
#    bench/reference/data-sha256.txt
# 3. as root: installs PostgreSQL 15 + pgvector (reference/setup.sh) and measures them (reference/run-engines.sh);
#    otherwise, or with --no-reference, the report says the reference engines did not run
# 4. runs the Lakebench harness (all benchmarks, or the NAMEs given) with the reference results at hand
# 5. writes one report: bench/target/REPORT.md
# --quick: one repetition everywhere and no un-indexed full-text pass (a smoke run, minutes instead of ~40 min).
# Env: BENCH_NICE (default 10; every step runs under nice so that a shared machine stays usable, the same
# level for Lakebench and the references), BENCH_HEAP (default 8g), BENCH_DATA / BENCH_OUT / BENCH_PG (see
# reference/lib.sh), JAVA (a JDK 25 java), MVN (default mvn).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
QUICK=0 WITH_1M=0 REFERENCE=1 BUILD=1
NAMES=()
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --with-1m) WITH_1M=1 ;;
    --no-reference) REFERENCE=0 ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $a (see --help)" >&2; exit 2 ;;
    *) NAMES+=("$a") ;;
  esac
done
. "$BENCH/reference/lib.sh"
NICE=(nice -n "${BENCH_NICE:-10}")
COMMAND="bench/run.sh${*:+ $*}"
cd "$ROOT"
log "benchmark run: $COMMAND"

# 1. the harness
if [ "$BUILD" = 1 ]; then
  log "building the harness"
  "${NICE[@]}" "${MVN:-mvn}" -q -pl bench -am -DskipTests package
fi
[ -f "$BENCH/target/lakebench-bench.jar" ] || { echo "missing bench/target/lakebench-bench.jar (drop --no-build)" >&2; exit 1; }
"$JAVA" -version 2>&1 | grep -q '"25' || { echo "JAVA=$JAVA is not a JDK 25; set JAVA=/path/to/jdk-25/bin/java" >&2; exit 1; }

# 2. the shared data sets
if [ ! -f /usr/share/dict/words ] && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wamerican >/dev/null
fi
sets=(100k text)
[ "$WITH_1M" = 1 ] && sets+=(1m)
"${NICE[@]}" bash "$BENCH/reference/gen-data.sh" "${sets[@]}"

# 3. the reference engines (their results must be from this run: old ones are removed first)
rm -rf "$RAW"
mkdir -p "$RAW"
"${NICE[@]}" bash "$BENCH/reference/machine.sh" >/dev/null
SKIPPED=""
if [ "$REFERENCE" = 0 ]; then
  SKIPPED="--no-reference was given"
elif [ "$(id -u)" != 0 ]; then
  SKIPPED="they need root (apt/dpkg for PostgreSQL and pgvector, and a throw-away cluster run as OS user postgres); run bench/run.sh as root"
else
  "${NICE[@]}" bash "$BENCH/reference/setup.sh"
  "${NICE[@]}" bash "$BENCH/reference/machine.sh" >/dev/null   # again, now with the PostgreSQL and pgvector versions
  one_m=()
  [ "$WITH_1M" = 1 ] && one_m=(--with-1m)
  QUICK=$QUICK "${NICE[@]}" bash "$BENCH/reference/run-engines.sh" "${one_m[@]}"
fi
[ -n "$SKIPPED" ] && log "reference engines not run: $SKIPPED"

# 4. Lakebench
quick=()
[ "$QUICK" = 1 ] && quick=(--quick)
rc=0
"${NICE[@]}" "$JAVA" "-Xmx${BENCH_HEAP:-8g}" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -jar "$BENCH/target/lakebench-bench.jar" "${quick[@]}" --data "$DATA_DIR" --reference "$RAW" \
  --out "$BENCH_TARGET/results" "${NAMES[@]}" || rc=$?

# 5. one report
"$PY" "$BENCH/reference/report.py" --lakebench "$BENCH_TARGET/results/RESULTS.md" --out "$BENCH_TARGET/REPORT.md" \
  --command "$COMMAND" --data-verify "$DATA_DIR/verify.txt" ${SKIPPED:+--skipped "$SKIPPED"}
log "report: $BENCH_TARGET/REPORT.md"
exit "$rc"
