import * as path from 'path';
import { isNotebookPath, tooLongToCheck, type ModuleSummary, type WorkspaceIndex } from '@pyreview/shared-rules';
import { hashContent, type ResultCache } from './cache';
import type { CacheEntry } from './cacheShape';
import type { CliIo } from './cliIo';
import type { ConfigResolver, DirectoryConfig } from '../project/configResolver';
import type { CliDiagnostic } from './diagnostics';
import { notebookReadProblem } from './notebookTask';
import { cachedResultSuffices, type FileMode, type FileOutcome } from './fileTask';
import { ProgressBar } from './progress';
import type { TaskRunner } from './runner';
import { decodeSource, encodeSource, ScratchReader, type SourceText } from '../project/sourceFile';
import { sameAnswers, shareWorkspace, workspaceIndexOf, type SharedWorkspace, type WorkspaceQuery } from './workspaceShare';

/** One file on its way through the run. */
export interface Entry {
  path: string;
  displayPath: string;
  relativePath: string;
  config: DirectoryConfig;
  /** Read and decoded unless its cached findings hold whatever the workspace: then this run never checks it. */
  source?: SourceText;
  contentHash: string;
  /** The cache key of everything but the content and the workspace. */
  cacheContext: string;
  /** Its cache entry, when that describes this content. */
  cached?: CacheEntry;
  summary?: ModuleSummary;
  diagnostics?: CliDiagnostic[];
}

export interface CheckMode {
  mode: FileMode;
  unsafeFixes: boolean;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Whether an entry's cached findings are its findings in this run, the workspace aside. */
function cachedFindingsHold(entry: Entry, { mode, unsafeFixes }: CheckMode): boolean {
  const { cached } = entry;
  // Without its summary the file is parsed again anyway: the workspace index needs it.
  return !!cached?.summary && !!cached.diagnostics && cached.context === entry.cacheContext && cachedResultSuffices(mode, cached.diagnostics, unsafeFixes);
}

/** The text of an entry this run checks. */
export function sourceOf(entry: Entry): SourceText {
  if (!entry.source) throw new Error(`${entry.displayPath} was checked without being decoded`);
  return entry.source;
}

/**
 * Reads the files; those that cannot be read, or are too long to check, are
 * reported and left out. A file whose cached findings hold whatever the
 * workspace is only hashed: it was decoded and checked before, and this run
 * does not check it.
 */
export function readEntries(
  files: readonly string[],
  configs: ConfigResolver,
  cache: ResultCache | undefined,
  checkMode: CheckMode,
  io: CliIo,
): { entries: Entry[]; unchecked: number } {
  const entries: Entry[] = [];
  let unchecked = 0;
  const reader = new ScratchReader();
  for (const file of files) {
    const read = reader.read(file);
    if (typeof read === 'string') {
      io.stderr(`error: ${displayPath(io.cwd, file)} ${read}\n`);
      unchecked++;
      continue;
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
      cached: cache?.entry(file, contentHash),
    };
    // Findings that hold only while the workspace's answers do may need the file checked after all.
    if (cachedFindingsHold(entry, checkMode) && !entry.cached!.workspaceQueries) {
      entries.push(entry);
      continue;
    }
    const source = decodeSource(Buffer.from(read));
    const tooLong = typeof source === 'string' ? undefined : tooLongToCheck(source.text.length);
    if (typeof source === 'string' || tooLong) {
      const problem = tooLong ? `was not checked: ${tooLong} (add it to \`extend-exclude\`)` : source;
      io.stderr(`error: ${entry.displayPath} ${problem}\n`);
      unchecked++;
      continue;
    }
    const problem = isNotebookPath(file) ? notebookReadProblem(source.text) : undefined;
    if (problem && 'error' in problem) {
      io.stderr(`error: ${entry.displayPath} ${problem.error}\n`);
      unchecked++;
      continue;
    }
    if (problem) {
      io.stderr(`warning: ${entry.displayPath} was skipped: ${problem.skipped}\n`);
      continue;
    }
    entries.push({ ...entry, source });
  }
  return { entries, unchecked };
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
  const jobs: Job[] = [];
  const dependent: Array<{ entry: Entry; cached: CacheEntry }> = [];
  for (const entry of entries) {
    const { cached } = entry;
    entry.summary = cached?.summary;
    if (!cached || !cachedFindingsHold(entry, checkMode)) jobs.push({ entry });
    else if (cached.workspaceQueries) dependent.push({ entry, cached });
    else entry.diagnostics = cached.diagnostics;
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
    });
  };
  const known = (): ModuleSummary[] => entries.flatMap((entry) => (entry.summary ? [entry.summary] : []));
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
    entry.diagnostics = cached.diagnostics;
    if (cached.workspace !== complete.id) cache!.store(entry.path, { ...cached, workspace: complete.id });
  }
  await run(again, complete, () => undefined);
  const done = [...new Set([...jobs, ...again])];

  return done.map(({ entry, outcome }) => {
    const { diagnostics, newText, internalErrors, workspaceQueries } = outcome!;
    entry.diagnostics = diagnostics;
    // Findings of fixed text are cached under the fixed content; `--diff` wrote nothing, so nothing to cache.
    const written = newText === undefined ? sourceOf(entry).bytes : mode === 'diff' ? undefined : encodeSource(sourceOf(entry), newText);
    if (cache && written && !internalErrors.length) {
      cache.store(entry.path, {
        content: hashContent(written),
        summary: newText === undefined ? entry.summary : undefined,
        context: entry.cacheContext,
        workspaceQueries: workspaceQueries.length ? workspaceQueries : undefined,
        workspace: workspaceQueries.length ? complete.id : undefined,
        diagnostics,
      });
    }
    return { entry, outcome: outcome! };
  });
}
