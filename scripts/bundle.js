#!/usr/bin/env node
// Bundles what the extension runs (`node scripts/bundle.js [DIR]`, default dist/; run `npm run build` first):
//   extension.js       the client
//   server.js          the launcher (server/src/launcher.ts): runs server-bundle.js through a V8 code cache
//   server-bundle.js   the language server
//   *.wasm             the tree-sitter runtime and the Python grammar, which pythonParser.ts looks for beside the bundle
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const CLIENT_ENTRY = path.join(root, 'client', 'out', 'extension.js');
const SERVER_ENTRY = path.join(root, 'server', 'out', 'server.js');
const LAUNCHER_ENTRY = path.join(root, 'server', 'out', 'launcher.js');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'server', 'package.json'), 'utf8'));
const WASM_FILES = [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), require.resolve('tree-sitter-python/tree-sitter-python.wasm')];

async function bundle(entry, outfile, external = []) {
  if (!fs.existsSync(entry)) throw new Error(`${path.relative(root, entry)} is missing: run \`npm run build\` first`);
  // Bundling the compiled CommonJS makes esbuild pick web-tree-sitter's `.cjs` build (no import.meta.url).
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    external,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { PYREVIEW_BUNDLED_VERSION: JSON.stringify(version) },
  });
}

/** The server as the extension starts it: `node DIR/server.js --stdio` (or `--node-ipc`). */
async function bundleServer(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  await bundle(SERVER_ENTRY, path.join(outDir, 'server-bundle.js'));
  await bundle(LAUNCHER_ENTRY, path.join(outDir, 'server.js'));
  for (const wasm of WASM_FILES) fs.copyFileSync(wasm, path.join(outDir, path.basename(wasm)));
}

/** Everything the `.vsix` runs, in a fresh directory. */
async function bundleExtension(outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  await bundle(CLIENT_ENTRY, path.join(outDir, 'extension.js'), ['vscode']);
  await bundleServer(outDir);
}

module.exports = { bundleServer, bundleExtension };

if (require.main === module) {
  bundleExtension(path.resolve(process.argv[2] ?? path.join(root, 'dist'))).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
