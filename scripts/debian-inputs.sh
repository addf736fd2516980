#!/usr/bin/env bash
# Downloads Debian packages and unpacks them into .debian-inputs/PACKAGE/ without installing them (nor
# their dependencies): real files nobody wrote for pyreview, read by the corpus tests. A package already
# unpacked is kept.  Usage: bash scripts/debian-inputs.sh PACKAGE...
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=.debian-inputs
mkdir -p "$inputs/downloads"
for package in "$@"; do
  [ -d "$inputs/$package" ] && continue
  # apt-get download needs the package lists: read them once if they are missing or stale.
  (cd "$inputs/downloads" && { apt-get download -q "$package" 2>/dev/null || { apt-get update -q && apt-get download -q "$package"; }; })
  rm -rf "$inputs/$package.partial"
  dpkg -x "$inputs/downloads/${package}"_*.deb "$inputs/$package.partial"
  mv "$inputs/$package.partial" "$inputs/$package"
  rm -f "$inputs/downloads/${package}"_*.deb
done
