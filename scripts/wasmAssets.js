// The WebAssembly files every bundle ships beside its JavaScript (the parser looks for them there):
// the one list of them. scripts/bundle.js copies these; .vscodeignore (dist/*.wasm) and .npmignore (lib/)
// let them through by directory, not by name.
'use strict';
const path = require('path');

const WASM_ASSETS = [path.join(__dirname, '..', 'shared-rules', 'wasm', 'pyreview-python.wasm')];

module.exports = { WASM_ASSETS };
