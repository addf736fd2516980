import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { createFileOnce, makeOwnDirectory, readOwnFile, replaceFile, untrustedDirectory } from '../safeFiles';
import type { ModuleSummary } from '@pyreview/shared-rules';
import { isModuleSummary, isStoredEntry, type StoredEntry } from './cacheShape';
import { FileFindings } from './fileFindings';
import { summaryHash } from './workspaceShare';

export const CACHE_DIRECTORY = '.pyreview_cache';
/**
 * The entries: a line with the hash of the rest of the file, a line of JSON
 * (the version, and each entry with where its findings' text is), then the
 * findings' texts, as the JSON report prints them: a cached run copies them
 * into its report without reading them (see FileFindings).
 */
const RESULTS_FILE = 'results.bin';
/** Where earlier versions kept the entries, as JSON; removed when the cache is written. */
const FORMER_RESULTS_FILE = 'results.json';
/** The files' summaries by hash, apart: a run whose files all hit the cache builds no workspace index, and reads none. */
const SUMMARIES_FILE = 'summaries.json';
const NEWLINE = 0x0a;

/** What one file's last check left behind. */
export type CacheEntry = Omit<StoredEntry, 'findings'> & { findings: FileFindings };

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

function emptyRecords<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * The records under `field` of JSON this version wrote; records of another
 * shape are left out (their files are checked again).
 */
function recordsOf<T>(json: string, version: string, field: string, valid: (key: string, value: unknown) => boolean): Record<string, T> {
  const records = emptyRecords<T>();
  try {
    const stored = JSON.parse(json) as Record<string, unknown> | null;
    const found = stored?.[field];
    if (stored?.version !== version || typeof found !== 'object' || found === null) return records;
    for (const [key, value] of Object.entries(found)) if (valid(key, value)) records[key] = value as T;
  } catch {
    // No usable cache: every file is checked again.
  }
  return records;
}

/** What follows a file's first line, when that line is its hash (the file is written whole: one whose rest does not match was edited, or damaged). */
function unchangedBody(bytes: Buffer | undefined): Buffer | undefined {
  const end = bytes?.indexOf(NEWLINE) ?? -1;
  if (end < 0) return undefined;
  const body = bytes!.subarray(end + 1);
  return bytes!.toString('latin1', 0, end) === hashContent(body) ? body : undefined;
}

/** The entries of a results file this version wrote, unchanged since (see RESULTS_FILE). */
function readResults(file: string, version: string): Record<string, CacheEntry> {
  const entries = emptyRecords<CacheEntry>();
  const body = unchangedBody(readOwnFile(file));
  const headerEnd = body?.indexOf(NEWLINE) ?? -1;
  if (headerEnd < 0) return entries;
  const texts = body!.subarray(headerEnd + 1);
  const inTexts = (_file: string, entry: unknown) => isStoredEntry(entry) && entry.findings[0] + entry.findings[1] <= texts.length;
  const stored = recordsOf<StoredEntry>(body!.toString('utf8', 0, headerEnd), version, 'entries', inTexts);
  for (const filePath of Object.keys(stored)) {
    const [offset, length] = stored[filePath].findings;
    entries[filePath] = { ...stored[filePath], findings: FileFindings.ofJson(filePath, texts.subarray(offset, offset + length)) };
  }
  return entries;
}

/** A results file of these entries (see readResults). */
function resultsFile(version: string, entries: Record<string, CacheEntry>): Buffer {
  const stored: Record<string, StoredEntry> = {};
  const texts: Uint8Array[] = [];
  let offset = 0;
  for (const filePath of Object.keys(entries)) {
    const entry = entries[filePath];
    const text = entry.findings.json;
    stored[filePath] = { ...entry, findings: [offset, text.length] };
    texts.push(text);
    offset += text.length;
  }
  const rest = Buffer.concat([Buffer.from(`${JSON.stringify({ version, entries: stored })}\n`), ...texts]);
  return Buffer.concat([Buffer.from(`${hashContent(rest)}\n`), rest]);
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
    return new ResultCache(directory, { version, entries: readResults(path.join(directory, RESULTS_FILE), version) });
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
    if (!this.summaries) {
      const json = readOwnFile(path.join(this.directory, SUMMARIES_FILE))?.toString('utf8') ?? 'null';
      this.summaries = { version: this.data.version, summaries: recordsOf<ModuleSummary>(json, this.data.version, 'summaries', isSummaryOf) };
    }
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
      replaceFile(path.join(this.directory, RESULTS_FILE), resultsFile(this.data.version, this.data.entries));
      fs.rmSync(path.join(this.directory, FORMER_RESULTS_FILE), { force: true });
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
