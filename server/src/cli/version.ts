import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Set by scripts/bundle.js in the extension's bundle, which has no package.json beside it. */
declare const PYREVIEW_BUNDLED_VERSION: string | undefined;

/** pyreview's version, from the server package's manifest (out/cli/ → package.json). */
export const PYREVIEW_VERSION: string = typeof PYREVIEW_BUNDLED_VERSION === 'string'
  ? PYREVIEW_BUNDLED_VERSION
  : (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

function javascriptFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return javascriptFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

/**
 * What cached results are keyed by besides the files and the settings: the
 * version and a digest of the analysis code itself, so that a changed rule
 * never serves results its previous logic computed, even without a release.
 */
export function analysisVersion(): string {
  const digest = createHash('sha256');
  const rulesEntry = require.resolve('@pyreview/shared-rules');
  for (const file of javascriptFiles(path.dirname(rulesEntry)).sort()) digest.update(fs.readFileSync(file));
  return `${PYREVIEW_VERSION}+${digest.digest('hex').slice(0, 16)}`;
}
