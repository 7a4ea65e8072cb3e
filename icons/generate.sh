#!/usr/bin/env bash
# Renders the Lakebench icon from its SVG sources into every file the installers and the app use:
#   icons/png/lakebench-<N>.png   N = 16 24 32 48 64 128 256 512 1024 (16-32 from src/lakebench-small.svg,
#                                 the rest from src/lakebench.svg)
#   icons/lakebench.ico           Windows: 16-256 px (PNG entries)
#   icons/lakebench.icns          macOS: 16-1024 px (PNG elements)
#   app/src/main/resources/dev/lakebench/app/icons/lakebench-<N>.png   N = 16 24 32 48 64 128 256 (window icons)
#   installers/linux/resources/lakebench.png   256 px, the Linux packages' menu icon (jpackage takes it from there)
# Needs rsvg-convert (Debian: librsvg2-bin) and a JDK 25 java (JAVA, default the Temurin 25 path or java on PATH).
# The outputs are committed; run this after changing the artwork. Same inputs and tool versions, same bytes.
set -euo pipefail
ICONS=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$ICONS/.." && pwd)
JAVA=${JAVA:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java || echo java )}
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing (Debian/Ubuntu: apt-get install librsvg2-bin)" >&2; exit 1; }

mkdir -p "$ICONS/png"
for n in 16 24 32 48 64 128 256 512 1024; do
  src=$ICONS/src/lakebench.svg
  [ "$n" -le 32 ] && src=$ICONS/src/lakebench-small.svg
  rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$src" --output "$ICONS/png/lakebench-$n.png"
done
png() { for n in "$@"; do echo "$ICONS/png/lakebench-$n.png"; done; }
"$JAVA" "$ICONS/tools/IconPack.java" ico "$ICONS/lakebench.ico" $(png 16 24 32 48 64 128 256)
"$JAVA" "$ICONS/tools/IconPack.java" icns "$ICONS/lakebench.icns" $(png 16 32 64 128 256 512 1024)

APP=$ROOT/app/src/main/resources/dev/lakebench/app/icons
mkdir -p "$APP"
for n in 16 24 32 48 64 128 256; do cp "$ICONS/png/lakebench-$n.png" "$APP/lakebench-$n.png"; done
cp "$ICONS/png/lakebench-256.png" "$ROOT/installers/linux/resources/lakebench.png"
(cd "$ICONS" && sha256sum png/*.png lakebench.ico lakebench.icns >SHA256SUMS)
echo "icons written to $ICONS and $APP"
