import { createHash } from 'crypto';
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { makeOwnDirectory, readOwnFile, replaceFile, untrustedDirectory } from './safeFiles';

/**
 * What became of a module's code cache: `missing` (first start of this
 * build), `rejected` (corrupt, or V8 refused it: another V8 version or
 * flags), `accepted`, or `disabled` (no cache directory, or one that is a
 * symbolic link or another user's).
 */
export type CodeCacheState = 'disabled' | 'missing' | 'rejected' | 'accepted';

export interface CachedModule {
  exports: unknown;
  cache: CodeCacheState;
  /**
   * Writes the cache when it was missing or rejected, with every function
   * compiled so far: call it once the code that matters has run. Never
   * throws; returns whether a cache was written.
   */
  saveCache(): boolean;
}

const CACHE_EXTENSION = '.v8cache';
const DIGEST_BYTES = 32;

function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** The user's home directory, or '' where there is none (os.homedir() throws without HOME and passwd entry). */
function homeDirectory(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

/**
 * The per-user cache directory (`PYREVIEW_CODE_CACHE_DIR` wins; set it empty
 * to disable the cache), or undefined when there is none.
 */
export function codeCacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homeDirectory()): string | undefined {
  const override = env.PYREVIEW_CODE_CACHE_DIR;
  if (override !== undefined) return override === '' ? undefined : path.resolve(override);
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'pyreview', 'Cache') : undefined;
  if (!home) return undefined;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'pyreview');
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'pyreview');
}

/**
 * V8 checks a code cache only against the source's length, and release
 * builds skip its checksum (a damaged payload crashes the process), so the
 * file name carries a hash of the source and the file a hash of its payload:
 * a cache of another build, or a damaged one, is never handed to V8.
 */
function readCache(file: string): Buffer | 'missing' | 'damaged' {
  const bytes = readOwnFile(file);
  if (!bytes) return 'missing';
  const data = bytes.subarray(DIGEST_BYTES);
  return bytes.length > DIGEST_BYTES && sha256(data).equals(bytes.subarray(0, DIGEST_BYTES)) ? data : 'damaged';
}

/** Written beside, then renamed (see replaceFile); not in a directory that is a link or another user's. */
function writeCache(file: string, data: Buffer): void {
  const untrusted = makeOwnDirectory(path.dirname(file));
  if (untrusted) throw new Error(`the cache directory ${untrusted}`);
  replaceFile(file, Buffer.concat([sha256(data), data]));
}

/** Caches of earlier builds of the same file are of no further use; removing them is best effort. */
function removeOtherBuilds(file: string): void {
  const directory = path.dirname(file);
  const prefix = path.basename(file).slice(0, path.basename(file).lastIndexOf('-') + 1);
  try {
    for (const name of fs.readdirSync(directory)) {
      if (name !== path.basename(file) && name.startsWith(prefix) && name.endsWith(CACHE_EXTENSION)) fs.rmSync(path.join(directory, name), { force: true });
    }
  } catch {
    // Another process may be cleaning up too.
  }
}

/**
 * Runs a CommonJS file (a bundle that requires only Node's own modules) as
 * `require` would, compiled with the V8 code cache kept for it in
 * `cacheDirectory`: a start then skips parsing and compiling the functions
 * an earlier run compiled.
 */
export function requireWithCodeCache(file: string, cacheDirectory: string | undefined): CachedModule {
  const source = fs.readFileSync(file, 'utf8');
  // Code from a cache someone else can write would run as ours: such a directory is not used.
  const cacheFile = cacheDirectory && !untrustedDirectory(cacheDirectory)
    ? path.join(cacheDirectory, `${path.basename(file, '.js')}-${sha256(source).toString('hex').slice(0, 16)}${CACHE_EXTENSION}`)
    : undefined;
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData: Buffer.isBuffer(cached) ? cached : undefined,
    // Lets `import()` in the bundle work as in a module Node loaded itself (Node ≥ 20.12).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache: CodeCacheState = cached === undefined ? 'disabled'
    : cached === 'missing' ? 'missing'
      : cached === 'damaged' || script.cachedDataRejected ? 'rejected'
        : 'accepted';

  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;

  let saved = false;
  return {
    exports: module.exports,
    cache,
    saveCache: () => {
      if (!cacheFile || cache === 'accepted' || saved) return false;
      saved = true;
      try {
        writeCache(cacheFile, script.createCachedData());
      } catch {
        return false;
      }
      removeOtherBuilds(cacheFile);
      return true;
    },
  };
}
