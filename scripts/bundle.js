#!/usr/bin/env node
// Bundles what the extension runs (`node scripts/bundle.js extension [DIR]`, default dist/), or the npm
// package's command (`node scripts/bundle.js cli [DIR]`, default lib/); build with tsc first.
// The extension's dist/:
//   extension.js       the client
//   server.js          the launcher (server/src/launcher.ts): runs server-bundle.js through a V8 code cache
//   server-bundle.js   the language server
// The npm package's lib/:
//   pyreview.js        the `pyreview` command (server/src/cli/launcher.ts): runs pyreview-cli.js through a V8
//                      code cache
//   pyreview-cli.js    the CLI (server/src/cli/main.ts), the language server, and the script of the CLI's
//                      worker threads
// Both: the .wasm files of scripts/wasmAssets.js, which parserModule.ts looks for beside the bundle.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { WASM_ASSETS } = require('./wasmAssets');

const root = path.join(__dirname, '..');
const CLIENT_ENTRY = path.join(root, 'client', 'out', 'extension.js');
const SERVER_ENTRY = path.join(root, 'server', 'out', 'server.js');
const LAUNCHER_ENTRY = path.join(root, 'server', 'out', 'launcher.js');
const CLI_LAUNCHER_ENTRY = path.join(root, 'server', 'out', 'cli', 'launcher.js');
const CLI_ENTRY = path.join(root, 'server', 'out', 'cli', 'main.js');

async function bundle(entry, outfile, { external = [], banner } = {}) {
  if (!fs.existsSync(entry)) throw new Error(`${path.relative(root, entry)} is missing: run \`npm run build\` first`);
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    external,
    banner: banner && { js: banner },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** The server as the extension starts it: `node DIR/server.js --stdio` (or `--node-ipc`). */
async function bundleServer(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  await bundle(SERVER_ENTRY, path.join(outDir, 'server-bundle.js'));
  await bundle(LAUNCHER_ENTRY, path.join(outDir, 'server.js'));
  copyWasmAssets(outDir);
}

function copyWasmAssets(outDir) {
  for (const wasm of WASM_ASSETS) fs.copyFileSync(wasm, path.join(outDir, path.basename(wasm)));
}

/** Everything the `.vsix` runs, in a fresh directory. */
async function bundleExtension(outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  await bundle(CLIENT_ENTRY, path.join(outDir, 'extension.js'), { external: ['vscode'] });
  await bundleServer(outDir);
}

/** The npm package's `bin` (its package.json names lib/pyreview.js), in a fresh directory. */
async function bundleCli(outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  await bundle(CLI_LAUNCHER_ENTRY, path.join(outDir, 'pyreview.js'), { banner: '#!/usr/bin/env node' });
  await bundle(CLI_ENTRY, path.join(outDir, 'pyreview-cli.js'));
  fs.chmodSync(path.join(outDir, 'pyreview.js'), 0o755);
  copyWasmAssets(outDir);
}

module.exports = { bundleServer, bundleExtension, bundleCli };

const TARGETS = { extension: [bundleExtension, 'dist'], cli: [bundleCli, 'lib'] };

if (require.main === module) {
  const [target = 'extension', dir] = process.argv.slice(2);
  const [bundleTarget, defaultDir] = TARGETS[target] ?? [];
  if (!bundleTarget) {
    console.error(`usage: node scripts/bundle.js ${Object.keys(TARGETS).join('|')} [DIR]`);
    process.exit(2);
  }
  bundleTarget(path.resolve(dir ?? path.join(root, defaultDir))).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
