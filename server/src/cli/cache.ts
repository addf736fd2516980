import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ModuleSummary } from '@pyreview/shared-rules';
import type { CliDiagnostic } from './diagnostics';
import type { WorkspaceQuery } from './workspaceShare';

export const CACHE_DIRECTORY = '.pyreview_cache';
const CACHE_FILE = 'results.json';

/** What one file's last check left behind. */
export interface CacheEntry {
  /** Hash of the file's bytes: the rest of the entry describes this content. */
  content: string;
  /** What the file contributes to the workspace index. */
  summary?: ModuleSummary;
  /** Hash of what else the findings depend on: settings, paths, pyreview's version. */
  context?: string;
  /** What the rules asked the workspace index, when they asked: the findings hold while the answers do. */
  workspaceQueries?: WorkspaceQuery[];
  diagnostics?: CliDiagnostic[];
}

interface CacheData {
  version: string;
  entries: Record<string, CacheEntry>;
}

export function hashContent(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Per-file results of earlier runs, keyed by absolute path. */
export class ResultCache {
  private dirty = false;

  private constructor(
    private readonly directory: string,
    private readonly version: string,
    private readonly data: CacheData,
  ) {}

  /** Opens the cache in `directory`; a missing, unreadable or other-version cache starts empty. */
  static open(directory: string, version: string): ResultCache {
    let data: CacheData = { version, entries: {} };
    try {
      const stored = JSON.parse(fs.readFileSync(path.join(directory, CACHE_FILE), 'utf8')) as CacheData;
      if (stored.version === version && stored.entries && typeof stored.entries === 'object') data = stored;
    } catch {
      // No usable cache: every file is checked again.
    }
    return new ResultCache(directory, version, data);
  }

  contextKey(fingerprint: string, filePath: string, relativePath: string): string {
    return createHash('sha256').update(`${this.version}\0${fingerprint}\0${filePath}\0${relativePath}`).digest('hex');
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

  /** Writes the cache atomically (another run may be reading it); failures only cost speed. */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    try {
      fs.mkdirSync(this.directory, { recursive: true });
      const ignoreFile = path.join(this.directory, '.gitignore');
      if (!fs.existsSync(ignoreFile)) fs.writeFileSync(ignoreFile, '# Created by pyreview\n*\n');
      const temporary = path.join(this.directory, `${CACHE_FILE}.${process.pid}.tmp`);
      fs.writeFileSync(temporary, JSON.stringify(this.data));
      fs.renameSync(temporary, path.join(this.directory, CACHE_FILE));
      this.dirty = false;
      return undefined;
    } catch (error) {
      return `cannot write the cache in ${this.directory}: ${(error as Error).message}`;
    }
  }
}
