/**
 * Entry point of the npm package's `pyreview` command (`lib/pyreview.js`):
 * runs the CLI bundle beside it through a V8 code cache in the user's cache
 * directory, as the extension's server does (server/src/launcher.ts), so that only the
 * first run of a build compiles the code a run needs.
 */
import * as path from 'path';
import { codeCacheDirectory, requireWithCodeCache } from '../codeCache';
import type * as cli from './main';

/** The esbuild bundle of `cli/main.ts` (scripts/bundle.js writes both). */
const CLI_BUNDLE = 'pyreview-cli.js';

/** The cache is written after these, which compile what a check needs: one written after `--version` would hold little, and every later run would accept it. */
const COMMANDS_THAT_FILL_THE_CACHE = new Set(['check', 'review']);

const loaded = requireWithCodeCache(path.join(__dirname, CLI_BUNDLE), codeCacheDirectory());
void (loaded.exports as typeof cli).run().then(() => {
  if (COMMANDS_THAT_FILL_THE_CACHE.has(process.argv[2])) loaded.saveCache();
});
