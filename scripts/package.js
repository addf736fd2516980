#!/usr/bin/env node
// Builds the VS Code extension: the bundles of scripts/bundle.js in dist/ (npm run build runs first),
// then `vsce package` into pyreview-<version>.vsix.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { bundleExtension } = require('./bundle');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const VSCE = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
/** The extension's own page as its README (`vsce package` and `vsce ls`). */
const VSCE_README = ['--readme-path', 'EXTENSION.md'];

async function main() {
  await bundleExtension(dist);

  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `pyreview-${version}.vsix`);
  // Everything that runs is bundled, so vsce must not collect node_modules.
  const license = fs.existsSync(path.join(root, 'LICENSE')) ? [] : ['--skip-license'];
  // Relative image links stay relative: the images are inside the .vsix. There is no repository to point at.
  const pageOptions = [...VSCE_README, '--no-rewrite-relative-links', '--allow-missing-repository'];
  execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', ...pageOptions, ...license, '--out', vsix], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(`pyreview: ${path.relative(root, vsix)} ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);
}

module.exports = { VSCE, VSCE_README };

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
