/**
 * Entry point of the server the extension ships (`dist/server.js`): runs the
 * server bundle beside it through a V8 code cache in the user's cache
 * directory, so that only the first start of a build compiles its code.
 */
import * as path from 'path';
import { codeCacheDirectory, requireWithCodeCache } from './codeCache';
import { exposeGarbageCollector } from './garbageCollection';
import { limitInlining } from './jitFlags';
import type * as server from './server';

/** The esbuild bundle of `server.ts` (scripts/bundle.js writes both). */
const SERVER_BUNDLE = 'server-bundle.js';

/** The cache is written this long after the first lint: off the path of the first diagnostics, with the lint's code compiled. */
const SAVE_DELAY_MS = 1000;

exposeGarbageCollector();
limitInlining();
const directory = codeCacheDirectory();
const loaded = requireWithCodeCache(path.join(__dirname, SERVER_BUNDLE), directory);
const connection = (loaded.exports as typeof server).startServer(undefined, {
  firstLintDone: () => {
    setTimeout(() => {
      if (loaded.saveCache()) connection.console.log(`pyreview: code cache written in ${directory}`);
    }, SAVE_DELAY_MS).unref();
  },
});
connection.console.log(directory ? `pyreview: code cache ${loaded.cache} in ${directory}` : 'pyreview: no code cache (no cache directory)');
