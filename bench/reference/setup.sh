#!/usr/bin/env bash
# Idempotent installation of what the reference benchmarks need (Debian 12 "bookworm"):
#   * Debian packages: postgresql-15 (server, already pulled in by "postgresql"), wamerican
#     (/usr/share/dict/words).
#   * pgvector for PostgreSQL 15.  Debian 12 has no pgvector binary package, so the Debian
#     source package "pgvector" (0.8.0-1, from the Debian 13 "trixie" source archive) is fetched
#     with `apt-get source`, using a private apt configuration in a temp dir (the system's apt
#     sources are not modified; the mirror URI is taken from the system's debian.sources), and
#     built with the package's own debian/rules into postgresql-15-pgvector_0.8.0-1_amd64.deb,
#     which is installed with dpkg.  Debian's build does not use -march=native (patch
#     "no-native"); flags are -O2 -ftree-vectorize -fassociative-math -fno-signed-zeros
#     -fno-trapping-math (baseline x86-64 SIMD).
# Build dir: ${PGVECTOR_BUILD:-bench/target/pgvector-build} of this repository.  Needs root.
set -euo pipefail

need=()
for p in postgresql-15 postgresql-client-15 wamerican; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"
fi

if [ -f /usr/share/postgresql/15/extension/vector.control ]; then
  echo "pgvector already installed: $(dpkg-query -W -f='${Package} ${Version}' postgresql-15-pgvector 2>/dev/null || grep default_version /usr/share/postgresql/15/extension/vector.control)"
  exit 0
fi

DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  build-essential debhelper postgresql-server-dev-15 postgresql-server-dev-all dpkg-dev

B=${PGVECTOR_BUILD:-$(cd "$(dirname "$0")/.." && pwd)/target/pgvector-build}
mkdir -p "$B"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
MIRROR=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
[ -n "$MIRROR" ] || { echo "cannot find the Debian mirror URI in /etc/apt/sources.list.d/debian.sources" >&2; exit 1; }
mkdir -p "$T/lists/partial" "$T/cache/archives/partial"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main" >"$T/sources.list"
APTO=(-o "Dir::Etc::SourceList=$T/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$T/lists" -o "Dir::Cache=$T/cache")
apt-get "${APTO[@]}" update
(cd "$B" && apt-get "${APTO[@]}" source --download-only pgvector=0.8.0-1)
cd "$B"
rm -rf pgvector-0.8.0
dpkg-source -x pgvector_0.8.0-1.dsc
cd pgvector-0.8.0
pg_buildext updatecontrol          # debian/control for the installed server version (15)
DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -b -uc -us -d
dpkg -i "$B/postgresql-15-pgvector_0.8.0-1_amd64.deb"
echo "installed postgresql-15-pgvector 0.8.0-1 (built from Debian source)"
