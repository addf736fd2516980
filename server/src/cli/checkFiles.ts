import * as path from 'path';
import { isNotebookPath, tooLongToCheck, type ModuleSummary, type ResolvedSettings, type WorkspaceIndex } from '@pyreview/shared-rules';
import { hashContent, type CacheEntry, type ResultCache } from './cache';
import type { CliIo } from './cliIo';
import type { ConfigResolver, DirectoryConfig } from '../project/configResolver';
import { FileFindings } from './fileFindings';
import { notebookReadProblem } from './notebookTask';
import { cachedResultSuffices, type FileMode, type FileOutcome } from './fileTask';
import { ProgressBar } from './progress';
import type { TaskRunner } from './runner';
import { decodeSource, encodeSource, ScratchReader, type SourceText } from '../project/sourceFile';
import { sameAnswers, shareWorkspace, summaryHash, workspaceId, workspaceIndexOf, type SharedWorkspace, type WorkspaceQuery } from './workspaceShare';

/** One file on its way through the run. */
export interface Entry {
  path: string;
  displayPath: string;
  relativePath: string;
  config: DirectoryConfig;
  /** Read and decoded unless its cached findings hold (see `readEntries`). */
  source?: SourceText;
  contentHash: string;
  /** The cache key of everything but the content and the workspace. */
  cacheContext: string;
  /** Its cache entry, when that describes this content. */
  cached?: CacheEntry;
  summary?: ModuleSummary;
  /** `summaryHash(summary)`. */
  summaryHash?: string;
  findings?: FileFindings;
}

export interface CheckMode {
  mode: FileMode;
  unsafeFixes: boolean;
  /** Whether the run reads findings as objects (any report but the JSON one, any mode but check), or only prints their JSON text. */
  findingObjects: boolean;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Whether an entry's cached findings are its findings in this run, the workspace aside. */
function cachedFindingsHold(entry: Entry, { mode, unsafeFixes }: CheckMode): boolean {
  const { cached } = entry;
  // Without its summary the file is parsed again anyway: the workspace index needs it.
  return !!cached?.summary && cached.context === entry.cacheContext && cachedResultSuffices(mode, cached.findings, unsafeFixes);
}

/** A file's cache entry, its findings read as objects when the run needs them; none when they cannot be. */
function readableEntry(cached: CacheEntry | undefined, { findingObjects }: CheckMode, settings: ResolvedSettings): CacheEntry | undefined {
  if (!cached || !findingObjects) return cached;
  const findings = cached.findings.withObjects(settings);
  return findings && { ...cached, findings };
}

/** The text of an entry this run checks. */
export function sourceOf(entry: Entry): SourceText {
  if (!entry.source) throw new Error(`${entry.displayPath} was checked without being decoded`);
  return entry.source;
}

/**
 * The id of the workspace index when every file's cached findings hold and
 * those that asked the index were confirmed for this one: the run then needs
 * no index, nor the summaries it is built from.
 */
function unchangedWorkspace(entries: readonly Entry[], checkMode: CheckMode): string | undefined {
  if (!entries.every((entry) => cachedFindingsHold(entry, checkMode))) return undefined;
  const id = workspaceId(entries.map((entry) => entry.cached!.summary!));
  return entries.every(({ cached }) => !cached!.workspaceQueries || cached!.workspace === id) ? id : undefined;
}

/**
 * Reads the files; those that cannot be read, or are too long to check, are
 * reported and left out. A file whose cached findings hold is only hashed:
 * it was decoded and checked before. When the workspace index is built, the
 * cached summaries are read, and the files whose findings may then change
 * (those whose rules asked the index, those whose summary is gone) are read
 * again and decoded.
 */
export function readEntries(
  files: readonly string[],
  configs: ConfigResolver,
  cache: ResultCache | undefined,
  checkMode: CheckMode,
  io: CliIo,
  /** Decode every file, its findings cached or not (the review quotes their lines). */
  everyText = false,
): { entries: Entry[]; unchecked: number } {
  let unchecked = 0;
  const reader = new ScratchReader();
  const readEntry = (file: string, decode: boolean): Entry | undefined => {
    const read = reader.read(file);
    if (typeof read === 'string') {
      io.stderr(`error: ${displayPath(io.cwd, file)} ${read}\n`);
      unchecked++;
      return undefined;
    }
    const config = configs.forFile(file);
    const relativePath = path.relative(config.root, file).split(path.sep).join('/');
    const contentHash = hashContent(read);
    const entry: Entry = {
      path: file,
      displayPath: displayPath(io.cwd, file),
      relativePath,
      config,
      contentHash,
      cacheContext: cache?.contextKey(config.resolved.fingerprint, relativePath) ?? '',
      cached: readableEntry(cache?.entry(file, contentHash), checkMode, config.resolved),
    };
    if (!decode && cachedFindingsHold(entry, checkMode)) return entry;
    const source = decodeSource(Buffer.from(read));
    const tooLong = typeof source === 'string' ? undefined : tooLongToCheck(source.text.length);
    if (typeof source === 'string' || tooLong) {
      const problem = tooLong ? `was not checked: ${tooLong} (add it to \`extend-exclude\`)` : source;
      io.stderr(`error: ${entry.displayPath} ${problem}\n`);
      unchecked++;
      return undefined;
    }
    const problem = isNotebookPath(file) ? notebookReadProblem(source.text) : undefined;
    if (problem && 'error' in problem) {
      io.stderr(`error: ${entry.displayPath} ${problem.error}\n`);
      unchecked++;
      return undefined;
    }
    if (problem) {
      io.stderr(`warning: ${entry.displayPath} was skipped: ${problem.skipped}\n`);
      return undefined;
    }
    return { ...entry, source };
  };
  const entries = files.flatMap((file) => readEntry(file, everyText) ?? []);
  if (!cache || unchangedWorkspace(entries, checkMode)) return { entries, unchecked };

  const withSummary = (entry: Entry): Entry => {
    const hash = entry.cached?.summary;
    const summary = hash === undefined ? undefined : cache.summary(hash);
    // Without its summary the file is parsed again: the index needs it.
    if (!summary) return entry.cached ? { ...entry, cached: { ...entry.cached, summary: undefined } } : entry;
    return { ...entry, summary, summaryHash: hash };
  };
  const withSummaries = entries.flatMap((entry) => {
    const loaded = withSummary(entry);
    if (loaded.source || (loaded.summary && !loaded.cached!.workspaceQueries)) return [loaded];
    const decoded = readEntry(entry.path, true);
    return decoded ? [withSummary(decoded)] : [];
  });
  return { entries: withSummaries, unchecked };
}

/** A file whose check this run does (again). */
interface Job {
  entry: Entry;
  outcome?: FileOutcome;
  /** The workspace index its findings hold for. */
  workspace?: SharedWorkspace;
}

/**
 * Checks the files whose cached findings are no longer valid. Files are
 * checked and summarized in one parse, with the workspace index of the
 * summaries known so far; the few whose rules read that index are checked
 * again if the complete index answers their questions differently. Findings
 * of a file that read the index are cached with the index's id, those of the
 * others without.
 */
export async function checkEntries(
  entries: Entry[],
  runner: TaskRunner,
  cache: ResultCache | undefined,
  checkMode: CheckMode,
): Promise<Array<{ entry: Entry; outcome: FileOutcome }>> {
  const { mode, unsafeFixes } = checkMode;
  if (unchangedWorkspace(entries, checkMode)) {
    for (const entry of entries) entry.findings = entry.cached!.findings;
    return [];
  }
  const jobs: Job[] = [];
  const dependent: Array<{ entry: Entry; cached: CacheEntry }> = [];
  for (const entry of entries) {
    const { cached } = entry;
    if (!cached || !cachedFindingsHold(entry, checkMode)) jobs.push({ entry });
    else if (cached.workspaceQueries) dependent.push({ entry, cached });
    else entry.findings = cached.findings;
  }

  const progress = new ProgressBar(jobs.length);
  const run = async (batch: Job[], workspace: SharedWorkspace, onDone: () => void): Promise<void> => {
    const outcomes = await runner.run(
      batch.map(({ entry }) => ({
        filePath: entry.path,
        relativePath: entry.relativePath,
        text: sourceOf(entry).text,
        settings: entry.config.settings,
        mode,
        unsafeFixes,
        workspace,
      })),
      onDone,
    );
    batch.forEach((job, index) => {
      job.outcome = outcomes[index];
      job.workspace = workspace;
      job.entry.summary = outcomes[index].summary;
      job.entry.summaryHash = summaryHash(outcomes[index].summary);
    });
  };
  const known = (): Array<{ summary: ModuleSummary; hash: string }> =>
    entries.flatMap(({ summary, summaryHash: hash }) => (summary ? [{ summary, hash: hash! }] : []));
  const first = shareWorkspace(known());
  await run(jobs, first, () => progress.tick());
  progress.finish();

  const complete = jobs.length ? shareWorkspace(known()) : first;
  let completeIndex: WorkspaceIndex | undefined;
  // Findings that asked the index hold for the index they were found (or last confirmed) with, and for any that gives the same answers.
  const hold = (queries: readonly WorkspaceQuery[], workspaceId: string | undefined): boolean =>
    workspaceId === complete.id || sameAnswers(queries, (completeIndex ??= workspaceIndexOf(complete)));
  const again = jobs.filter((job) => !hold(job.outcome!.workspaceQueries, job.workspace!.id));
  for (const { entry, cached } of dependent) {
    if (!hold(cached.workspaceQueries!, cached.workspace)) {
      again.push({ entry });
      continue;
    }
    entry.findings = cached.findings;
    if (cached.workspace !== complete.id) cache!.store(entry.path, { ...cached, workspace: complete.id });
  }
  await run(again, complete, () => undefined);
  const done = [...new Set([...jobs, ...again])];

  return done.map(({ entry, outcome }) => {
    const { diagnostics, newText, internalErrors, workspaceQueries } = outcome!;
    entry.findings = FileFindings.of(entry.path, diagnostics);
    // Findings of fixed text are cached under the fixed content; `--diff` wrote nothing, so nothing to cache.
    const written = newText === undefined ? sourceOf(entry).bytes : mode === 'diff' ? undefined : encodeSource(sourceOf(entry), newText);
    if (cache && written && !internalErrors.length) {
      const keepSummary = newText === undefined;
      if (keepSummary) cache.storeSummary(entry.summaryHash!, entry.summary!);
      cache.store(entry.path, {
        content: hashContent(written),
        summary: keepSummary ? entry.summaryHash : undefined,
        context: entry.cacheContext,
        workspaceQueries: workspaceQueries.length ? workspaceQueries : undefined,
        workspace: workspaceQueries.length ? complete.id : undefined,
        findings: entry.findings,
      });
    }
    return { entry, outcome: outcome! };
  });
}
