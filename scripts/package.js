#!/usr/bin/env node
// Builds the VS Code extension: esbuild bundles of the compiled client and server (npm run build
// runs first), both .wasm files beside the server bundle, then `vsce package` into pyreview-<version>.vsix.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const SERVER_ENTRY = path.join(root, 'server', 'out', 'server.js');
const CLIENT_ENTRY = path.join(root, 'client', 'out', 'extension.js');
// pythonParser.ts looks for both files next to the running bundle first.
const WASM_FILES = [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), require.resolve('tree-sitter-python/tree-sitter-python.wasm')];

async function bundle(entry, outfile, external) {
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
  });
}

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist);
  await bundle(CLIENT_ENTRY, path.join(dist, 'extension.js'), ['vscode']);
  await bundle(SERVER_ENTRY, path.join(dist, 'server.js'), []);
  for (const wasm of WASM_FILES) fs.copyFileSync(wasm, path.join(dist, path.basename(wasm)));

  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `pyreview-${version}.vsix`);
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  // Everything that runs is bundled, so vsce must not collect node_modules.
  const license = fs.existsSync(path.join(root, 'LICENSE')) ? [] : ['--skip-license'];
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', ...license, '--out', vsix], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(`pyreview: ${path.relative(root, vsix)} ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
