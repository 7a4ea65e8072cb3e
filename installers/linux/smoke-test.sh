#!/usr/bin/env bash
# Smoke test of the Linux package on this machine (as root): install the .deb with dpkg, start the workbench
# under a virtual display and take a screenshot, run the command line from the installed image, then purge.
#   installers/linux/smoke-test.sh [PACKAGE.deb] [OUT_DIR]
# Defaults: installers/target/dist/lakebench_*_amd64.deb, installers/target/smoke. Needs xvfb and imagemagick
# (import) besides the package's own dependencies. The workbench and the CLI use a throw-away data folder
# (LAKEBENCH_HOME) and HOME, so nothing of the user's is touched.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEB=${1:-$(ls "$ROOT"/installers/target/dist/lakebench_*_amd64.deb | head -1)}
OUT=${2:-$ROOT/installers/target/smoke}
APP=/opt/lakebench/bin/lakebench
DISPLAY_NO=${SMOKE_DISPLAY:-97}
[ "$(id -u)" = 0 ] || { echo "run as root (dpkg -i / dpkg -P)" >&2; exit 1; }
mkdir -p "$OUT"
log() { printf '[smoke] %s\n' "$*" >&2; }

log "package: $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb -f "$DEB" Package Version Architecture Depends Section Installed-Size | tee "$OUT/control.txt"
trap 'log "dpkg -P lakebench"; dpkg -P lakebench >/dev/null || true' EXIT
log "dpkg -i"
if ! dpkg -i "$DEB"; then
  # dpkg does not fetch dependencies; apt does (users would run apt install ./lakebench_*.deb)
  log "installing the missing dependencies with apt-get -f install"
  DEBIAN_FRONTEND=noninteractive apt-get -f install -y -q
fi
dpkg -s lakebench | grep -q '^Status: install ok installed' || { log "lakebench is not installed"; exit 1; }
test -x "$APP"
du -sh /opt/lakebench | tee "$OUT/installed-size.txt"
grep -H . /usr/share/applications/*lakebench*.desktop 2>/dev/null | tee "$OUT/desktop-entry.txt" || log "no desktop entry installed"

SCRATCH=$(mktemp -d)
export HOME=$SCRATCH/home LAKEBENCH_HOME=$SCRATCH/data
mkdir -p "$HOME"

log "CLI from the installed image"
printf '{"title": ["a lake", "a bench"], "score": [1, 2]}' >"$SCRATCH/cols.json"
"$APP" ingest smoke --columns "$SCRATCH/cols.json" --json 2>"$OUT/cli-stderr.txt" | tee "$OUT/cli-ingest.txt"
"$APP" tables 2>>"$OUT/cli-stderr.txt" | tee "$OUT/cli-tables.txt"
grep -qx smoke "$OUT/cli-tables.txt"
"$APP" query 'SELECT title, score FROM smoke ORDER BY score' --json 2>>"$OUT/cli-stderr.txt" | tee "$OUT/cli-query.txt"

log "the launcher asks no package manager about itself"
mkdir -p "$SCRATCH/spy"
for tool in dpkg rpm; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 1\n' "$tool" "$SCRATCH/spy.log" >"$SCRATCH/spy/$tool"
  chmod +x "$SCRATCH/spy/$tool"
done
PATH="$SCRATCH/spy:$PATH" "$APP" --version | tee "$OUT/cli-version.txt"
ln -s "$APP" "$SCRATCH/lakebench-link" # as a user's symlink on PATH would start it
PATH="$SCRATCH/spy:$PATH" "$SCRATCH/lakebench-link" tables >/dev/null
[ ! -s "$SCRATCH/spy.log" ] || { log "the launcher ran: $(cat "$SCRATCH/spy.log")"; exit 1; }
# the library path: the image's folders, then LD_LIBRARY_PATH, then the system's
JDK_JAVA_OPTIONS=-XshowSettings:properties LD_LIBRARY_PATH=/opt/extra-libs "$APP" --version 2>&1 \
  | grep -A3 'java.library.path = ' | tee "$OUT/library-path.txt"
printf '%s\n' '    java.library.path = /opt/lakebench/lib/app/lib' '        /opt/lakebench/lib/app' \
  '        /opt/extra-libs' '        /usr/java/packages/lib' | diff - "$OUT/library-path.txt" \
  || { log "java.library.path is not the image's folders, LD_LIBRARY_PATH, the system's"; exit 1; }
[ ! -s "$OUT/cli-stderr.txt" ] || { log "the CLI wrote on stderr: $(cat "$OUT/cli-stderr.txt")"; exit 1; }

log "workbench under Xvfb :$DISPLAY_NO"
Xvfb ":$DISPLAY_NO" -screen 0 1280x800x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB=$!
export DISPLAY=":$DISPLAY_NO"
sleep 1
# the installed workbench starts with its own AOT cache required (the JVM refuses to start if it does not fit);
# the startup probe closes the window once the workspace is listed
if [ -f /opt/lakebench/lib/app/lakebench-workbench.aot ]; then
  JDK_JAVA_OPTIONS="-XX:AOTMode=on -Dlakebench.startupProbe=true" "$APP" --data-dir "$SCRATCH/probe" \
    >"$OUT/probe.log" 2>&1 || { log "the workbench refused its AOT cache; see $OUT/probe.log"; exit 1; }
  log "workbench with its AOT cache: $(grep lakebench-window-ms "$OUT/probe.log")"
else
  log "no workbench AOT cache: the package was built without a display (build it under xvfb-run -a)"
fi
START=$(date +%s.%N)
"$APP" >"$OUT/gui.log" 2>&1 &
GUI=$!
shown=""
for _ in $(seq 1 120); do
  if xwininfo -root -tree 2>/dev/null | grep -qi 'lakebench'; then shown=yes; break; fi
  kill -0 "$GUI" 2>/dev/null || break
  sleep 0.5
done
if [ -n "$shown" ]; then
  log "window shown after $(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s"
  sleep 4   # let the first layout and the table list settle
  xwininfo -root -tree | grep -i lakebench | tee "$OUT/windows.txt"
  WID=$(xwininfo -root -tree | grep -i lakebench | head -1 | awk '{print $1}')
  xprop -id "$WID" WM_CLASS WM_NAME _NET_WM_ICON 2>/dev/null | cut -c1-200 | tee "$OUT/window-props.txt" || true
  import -window root "$OUT/workbench.png"
  log "screenshot: $OUT/workbench.png"
fi
kill "$GUI" 2>/dev/null || true
wait "$GUI" 2>/dev/null || true
kill "$XVFB" 2>/dev/null || true
wait "$XVFB" 2>/dev/null || true
rm -rf "$SCRATCH"
[ -n "$shown" ] || { log "the workbench window did not appear; see $OUT/gui.log"; exit 1; }
trap - EXIT
log "dpkg -P lakebench"
dpkg -P lakebench
[ ! -e /opt/lakebench ] || { log "/opt/lakebench is still there after dpkg -P"; exit 1; }
log "ok"
