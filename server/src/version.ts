import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ANALYSIS_CODE_DIRECTORY, parserWasmPath } from '@pyreview/shared-rules';

/** The one manifest that carries the version: the repository root's, which is also the installed package's and the extension's. */
const MANIFEST_NAME = 'pyreview';

/**
 * The version in the nearest `package.json` named pyreview above this code:
 * the repository root from server/out/cli/, and the package root from the
 * bundles (lib/ of the npm package, dist/ of the extension).
 */
function readVersion(): string {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name === MANIFEST_NAME && version) return version;
    }
    if (path.dirname(directory) === directory) throw new Error(`no package.json named ${MANIFEST_NAME} above ${__dirname}`);
  }
}

export const PYREVIEW_VERSION: string = readVersion();

function javascriptFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return javascriptFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

/**
 * What cached results are keyed by besides the files and the settings: the
 * version and a digest of the analysis code itself and of the parser, so that a changed rule
 * never serves results its previous logic computed, even without a release.
 */
export function analysisVersion(): string {
  const digest = createHash('sha256');
  for (const file of javascriptFiles(ANALYSIS_CODE_DIRECTORY).sort()) digest.update(fs.readFileSync(file));
  // The parser decides the trees the rules see.
  digest.update(fs.readFileSync(parserWasmPath()));
  return `${PYREVIEW_VERSION}+${digest.digest('hex').slice(0, 16)}`;
}
