#!/usr/bin/env bash
# Builds shared-rules/wasm/pyreview-python.wasm: tree-sitter's C library and the Python grammar, compiled
# to WebAssembly with Debian's clang, lld and wasi-libc (no emscripten), with the entry points of
# shared-rules/wasm/binding.c. The result is committed; `npm run test:parser-build` checks that this
# script makes it again byte for byte.
#   Debian packages: clang lld wasi-libc libclang-rt-14-dev-wasm32
#   Sources: tree-sitter's library from the npm package tree-sitter@$TREE_SITTER_VERSION (vendored in
#   it), the grammar from node_modules/tree-sitter-python (package.json pins its version).
set -euo pipefail
cd "$(dirname "$0")/.."

TREE_SITTER_VERSION=0.25.1
TREE_SITTER_INTEGRITY=sha512-mrcEdkYtHfrK1A6fs3O6FxkBo0Qig5XUXqHhxUOQu0bmPo00QF4XaSx4edpazdHwxnSCjlGKGgIqWdaN4dvTLA==
output=${1:-shared-rules/wasm/pyreview-python.wasm}

for tool in clang wasm-ld; do
  command -v "$tool" >/dev/null || { echo "build-parser-wasm needs $tool: apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32" >&2; exit 1; }
done
[ -f /usr/include/wasm32-wasi/stdlib.h ] || { echo "build-parser-wasm needs wasi-libc: apt-get install -y wasi-libc" >&2; exit 1; }

# A fixed build directory: paths that end up in the binary do not depend on where the repository is.
work=/tmp/pyreview-parser-build
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && npm pack --silent "tree-sitter@$TREE_SITTER_VERSION" >/dev/null)
tarball="$work/tree-sitter-$TREE_SITTER_VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[ "$actual" = "$TREE_SITTER_INTEGRITY" ] || { echo "tree-sitter@$TREE_SITTER_VERSION: unexpected tarball ($actual)" >&2; exit 1; }
tar xzf "$tarball" -C "$work"
library="$work/package/vendor/tree-sitter/lib"
mkdir -p "$work/grammar" && cp node_modules/tree-sitter-python/src/{parser.c,scanner.c} "$work/grammar/"
cp -r node_modules/tree-sitter-python/src/tree_sitter "$work/grammar/"
cp shared-rules/wasm/binding.c "$work/"

(cd "$work" && clang --target=wasm32-wasi --sysroot=/usr -O2 -DNDEBUG -mexec-model=reactor \
  -Wl,-z,stack-size=1048576 -Wl,--strip-all \
  -I package/vendor/tree-sitter/lib/include -I package/vendor/tree-sitter/lib/src -I grammar \
  -o pyreview-python.wasm binding.c package/vendor/tree-sitter/lib/src/lib.c grammar/parser.c grammar/scanner.c 2>compile.log) \
  || { cat "$work/compile.log" >&2; exit 1; }
cp "$work/pyreview-python.wasm" "$output"
echo "built $output ($(stat -c %s "$output") bytes)"
