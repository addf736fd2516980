#!/usr/bin/env node
// Builds the VS Code extension: the bundles of scripts/bundle.js in dist/ (npm run build runs first),
// the extension's page (EXTENSION.md with its images inlined) as dist/README.md, then `vsce package`
// into pyreview-<version>.vsix.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { bundleExtension } = require('./bundle');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const VSCE = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const EXTENSION_PAGE = 'EXTENSION.md';
/** Where the page is written for vsce, which packages it as the extension's README. */
const PACKAGED_PAGE = path.join('dist', 'README.md');

const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/**
 * EXTENSION.md with each relative image turned into a data: URL. VS Code shows an installed
 * extension's README in a webview that loads only https: and data: images and resolves no
 * relative path, and there is no repository to serve the images from.
 */
function writePackagedPage(outDir = dist) {
  const page = fs.readFileSync(path.join(root, EXTENSION_PAGE), 'utf8');
  const inlined = page.replace(/(!\[[^\]]*\]\()([^)\s]+)\)/g, (link, start, target) => {
    if (/^[a-z]+:/i.test(target)) return link;
    const type = IMAGE_TYPES[path.extname(target).toLowerCase()];
    if (!type) throw new Error(`${EXTENSION_PAGE}: ${target} is not a PNG, JPEG or GIF image`);
    return `${start}data:${type};base64,${fs.readFileSync(path.join(root, target)).toString('base64')})`;
  });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'README.md'), inlined);
}

async function main() {
  await bundleExtension(dist);
  writePackagedPage();

  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `pyreview-${version}.vsix`);
  // Everything that runs is bundled, so vsce must not collect node_modules.
  const license = fs.existsSync(path.join(root, 'LICENSE')) ? [] : ['--skip-license'];
  // The page's images are inlined; there is no repository to point at.
  const pageOptions = ['--readme-path', PACKAGED_PAGE, '--no-rewrite-relative-links', '--allow-missing-repository'];
  execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', ...pageOptions, ...license, '--out', vsix], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(`pyreview: ${path.relative(root, vsix)} ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);
}

module.exports = { VSCE, PACKAGED_PAGE, writePackagedPage };

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
