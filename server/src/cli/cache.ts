import { createHash } from 'crypto';
import * as path from 'path';
import { createFileOnce, makeOwnDirectory, readOwnFile, replaceFile, untrustedDirectory } from '../safeFiles';
import type { ModuleSummary } from '@pyreview/shared-rules';
import { isCacheEntry, isModuleSummary, type CacheEntry } from './cacheShape';
import { summaryHash } from './workspaceShare';

export const CACHE_DIRECTORY = '.pyreview_cache';
const CACHE_FILE = 'results.json';
/** The files' summaries by hash, apart: a run whose files all hit the cache builds no workspace index, and reads none. */
const SUMMARIES_FILE = 'summaries.json';

interface CacheData {
  version: string;
  entries: Record<string, CacheEntry>;
}

interface SummariesData {
  version: string;
  summaries: Record<string, ModuleSummary>;
}

export function hashContent(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The records of a cache file this version wrote, under `field`; records of
 * another shape are left out (their files are checked again).
 */
function readRecords<T>(file: string, version: string, field: string, valid: (key: string, value: unknown) => boolean): Record<string, T> {
  const records: Record<string, T> = Object.create(null) as Record<string, T>;
  try {
    const stored = JSON.parse(readOwnFile(file)?.toString('utf8') ?? 'null') as Record<string, unknown> | null;
    const found = stored?.[field];
    if (stored?.version !== version || typeof found !== 'object' || found === null) return records;
    for (const [key, value] of Object.entries(found)) if (valid(key, value)) records[key] = value as T;
  } catch {
    // No usable cache: every file is checked again.
  }
  return records;
}

/** A summary is kept under its own hash: one that does not match it was edited, and is not believed. */
function isSummaryOf(hash: string, value: unknown): boolean {
  return isModuleSummary(value) && summaryHash(value) === hash;
}

/** Per-file results of earlier runs, keyed by absolute path. */
export class ResultCache {
  private dirty = false;
  private readonly settingsKeys = new Map<string, string>();
  /** Read on first use. */
  private summaries?: SummariesData;
  private summariesDirty = false;

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
    const entries = readRecords<CacheEntry>(path.join(directory, CACHE_FILE), version, 'entries', (_file, entry) => isCacheEntry(entry));
    return new ResultCache(directory, { version, entries });
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

  private storedSummaries(): SummariesData {
    this.summaries ??= { version: this.data.version, summaries: readRecords<ModuleSummary>(path.join(this.directory, SUMMARIES_FILE), this.data.version, 'summaries', isSummaryOf) };
    return this.summaries;
  }

  /** The summary an entry names, if the summaries file holds it as written. */
  summary(hash: string): ModuleSummary | undefined {
    return this.storedSummaries().summaries[hash];
  }

  storeSummary(hash: string, summary: ModuleSummary): void {
    const { summaries } = this.storedSummaries();
    if (summaries[hash]) return;
    summaries[hash] = summary;
    this.summariesDirty = true;
  }

  /** The summaries the entries name (those of replaced entries are dropped). */
  private namedSummaries(): SummariesData {
    const { version, summaries } = this.storedSummaries();
    const named: Record<string, ModuleSummary> = {};
    for (const { summary } of Object.values(this.data.entries)) if (summary && summaries[summary]) named[summary] = summaries[summary];
    return { version, summaries: named };
  }

  /** Writes the cache atomically (another run may be reading it), never through a link; failures only cost speed. */
  save(): string | undefined {
    if (!this.dirty && !this.summariesDirty) return undefined;
    const untrusted = makeOwnDirectory(this.directory);
    if (untrusted) return `${this.directory} ${untrusted}: the cache is not written`;
    try {
      createFileOnce(path.join(this.directory, '.gitignore'), '# Created by pyreview\n*\n');
      // Summaries first: entries written before the summaries they name would be checked again.
      if (this.summariesDirty) replaceFile(path.join(this.directory, SUMMARIES_FILE), JSON.stringify(this.namedSummaries()));
      replaceFile(path.join(this.directory, CACHE_FILE), JSON.stringify(this.data));
      this.dirty = false;
      this.summariesDirty = false;
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
