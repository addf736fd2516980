// The WebAssembly files every bundle ships beside its JavaScript (the parser looks for them there):
// the one list that scripts/bundle.js copies and that .vscodeignore and .npmignore let through as *.wasm.
'use strict';

const WASM_ASSETS = [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), require.resolve('tree-sitter-python/tree-sitter-python.wasm')];

module.exports = { WASM_ASSETS };
