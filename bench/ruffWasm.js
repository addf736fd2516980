'use strict';
// Lints the files listed (one path per line) in argv[2] with Ruff's
// WebAssembly build and prints a JSON summary. Run in its own node process
// with --liftoff-only: V8's default tiering recompiles the 10 MB module in
// the background, which costs seconds of CPU and hundreds of MB.
const fs = require('fs');
const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');

// Ruff's counterparts of the rule families pyreview implements.
const SELECT = ['E', 'W', 'F', 'C90', 'N', 'ANN', 'ARG', 'D', 'S', 'B', 'BLE', 'TRY', 'PL', 'I'];

const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const started = process.hrtime.bigint();
const workspace = new Workspace({ lint: { select: SELECT } }, PositionEncoding.Utf16);
const loaded = process.hrtime.bigint();
let findings = 0;
for (const file of files) findings += workspace.check(fs.readFileSync(file, 'utf8')).length;
const finished = process.hrtime.bigint();
process.stdout.write(JSON.stringify({
  version: Workspace.version(),
  select: SELECT,
  files: files.length,
  findings,
  setupSeconds: Number(loaded - started) / 1e9,
  lintSeconds: Number(finished - loaded) / 1e9,
}));
