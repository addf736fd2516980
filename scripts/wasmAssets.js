// The WebAssembly files every bundle ships beside its JavaScript (the parser looks for them there):
// the one list of them. scripts/bundle.js copies these; .vscodeignore (dist/*.wasm) and .npmignore (lib/)
// let them through by directory, not by name.
'use strict';

const WASM_ASSETS = [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), require.resolve('tree-sitter-python/tree-sitter-python.wasm')];

module.exports = { WASM_ASSETS };
