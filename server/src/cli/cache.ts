import { createHash } from 'crypto';
import * as path from 'path';
import { createFileOnce, makeOwnDirectory, readOwnFile, replaceFile, untrustedDirectory } from '../safeFiles';
import { isCacheEntry, type CacheEntry } from './cacheShape';

export const CACHE_DIRECTORY = '.pyreview_cache';
const CACHE_FILE = 'results.json';

interface CacheData {
  version: string;
  entries: Record<string, CacheEntry>;
}

export function hashContent(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The entries of a cache file this version wrote; entries of another shape are left out (their files are checked again). */
function readEntries(directory: string, version: string): Record<string, CacheEntry> {
  const entries: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>;
  try {
    const stored = JSON.parse(readOwnFile(path.join(directory, CACHE_FILE))?.toString('utf8') ?? 'null') as Partial<CacheData> | null;
    if (stored?.version !== version || typeof stored.entries !== 'object' || stored.entries === null) return entries;
    for (const [file, entry] of Object.entries(stored.entries)) if (isCacheEntry(entry)) entries[file] = entry;
  } catch {
    // No usable cache: every file is checked again.
  }
  return entries;
}

/** Per-file results of earlier runs, keyed by absolute path. */
export class ResultCache {
  private dirty = false;
  private readonly settingsKeys = new Map<string, string>();

  private constructor(
    private readonly directory: string,
    private readonly data: CacheData,
  ) {}

  /**
   * Opens the cache in `directory`; a missing, unreadable or other-version
   * cache starts empty. A directory that is a symbolic link, or another
   * user's, is not used: the reason is returned instead.
   */
  static open(directory: string, version: string): ResultCache | string {
    const untrusted = untrustedDirectory(directory);
    if (untrusted) return `${directory} ${untrusted}: the cache is not used`;
    return new ResultCache(directory, { version, entries: readEntries(directory, version) });
  }

  /**
   * What a file's findings depend on besides its content and the workspace:
   * the settings (one hash per configuration, not per file) and the path the
   * rules see. The file's own path is its entry's key, and the version the
   * whole file's.
   */
  contextKey(fingerprint: string, relativePath: string): string {
    let settings = this.settingsKeys.get(fingerprint);
    if (settings === undefined) {
      settings = createHash('sha256').update(fingerprint).digest('hex');
      this.settingsKeys.set(fingerprint, settings);
    }
    return `${settings}\0${relativePath}`;
  }

  /** The entry of a file, if it describes this content. */
  entry(filePath: string, content: string): CacheEntry | undefined {
    const entry = this.data.entries[filePath];
    return entry?.content === content ? entry : undefined;
  }

  store(filePath: string, entry: CacheEntry): void {
    this.data.entries[filePath] = entry;
    this.dirty = true;
  }

  /** Writes the cache atomically (another run may be reading it), never through a link; failures only cost speed. */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const untrusted = makeOwnDirectory(this.directory);
    if (untrusted) return `${this.directory} ${untrusted}: the cache is not written`;
    try {
      createFileOnce(path.join(this.directory, '.gitignore'), '# Created by pyreview\n*\n');
      replaceFile(path.join(this.directory, CACHE_FILE), JSON.stringify(this.data));
      this.dirty = false;
      return undefined;
    } catch (error) {
      return `cannot write the cache in ${this.directory}: ${(error as Error).message}`;
    }
  }
}

/** The cache of a run in `cwd`, or none (with a warning) when its directory must not be used. */
export function openResultCache(cwd: string, version: string, warn: (message: string) => void): ResultCache | undefined {
  const cache = ResultCache.open(path.join(cwd, CACHE_DIRECTORY), version);
  if (typeof cache === 'string') {
    warn(cache);
    return undefined;
  }
  return cache;
}
