#!/usr/bin/env bash
# @vscode/ripgrep's postinstall downloads rg from GitHub; give it Debian's rg from its cache instead.
set -euo pipefail
rg_path="$(command -v rg)"
cache_dir="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
archive="$cache_dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
[ -f "$archive" ] && exit 0
mkdir -p "$cache_dir"
staging="$(mktemp -d)"
cp "$rg_path" "$staging/rg"
tar -czf "$archive" -C "$staging" rg
rm -rf "$staging"
