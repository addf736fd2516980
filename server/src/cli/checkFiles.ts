import * as path from 'path';
import { isNotebookPath, tooLongToCheck, type ModuleSummary } from '@pyreview/shared-rules';
import { hashContent, type ResultCache } from './cache';
import type { CacheEntry } from './cacheShape';
import type { CliIo } from './cliIo';
import type { ConfigResolver, DirectoryConfig } from '../project/configResolver';
import type { CliDiagnostic } from './diagnostics';
import { notebookReadProblem } from './notebookTask';
import { cachedResultSuffices, type FileMode, type FileOutcome } from './fileTask';
import { ProgressBar } from './progress';
import type { TaskRunner } from './runner';
import { encodeSource, readSource, type SourceText } from '../project/sourceFile';
import { sameAnswers, shareWorkspace, workspaceIndexOf, type SharedWorkspace } from './workspaceShare';

/** One file on its way through the run. */
export interface Entry {
  path: string;
  displayPath: string;
  relativePath: string;
  config: DirectoryConfig;
  source: SourceText;
  contentHash: string;
  /** The cache key of everything but the content and the workspace. */
  cacheContext: string;
  summary?: ModuleSummary;
  diagnostics?: CliDiagnostic[];
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Reads the files; those that cannot be read, or are too long to check, are reported and left out. */
export function readEntries(
  files: readonly string[],
  configs: ConfigResolver,
  cache: ResultCache | undefined,
  io: CliIo,
): { entries: Entry[]; unchecked: number } {
  const entries: Entry[] = [];
  let unchecked = 0;
  for (const file of files) {
    const source = readSource(file);
    const tooLong = typeof source === 'string' ? undefined : tooLongToCheck(source.text.length);
    if (typeof source === 'string' || tooLong) {
      const problem = tooLong ? `was not checked: ${tooLong} (add it to \`extend-exclude\`)` : source;
      io.stderr(`error: ${displayPath(io.cwd, file)} ${problem}\n`);
      unchecked++;
      continue;
    }
    const problem = isNotebookPath(file) ? notebookReadProblem(source.text) : undefined;
    if (problem && 'error' in problem) {
      io.stderr(`error: ${displayPath(io.cwd, file)} ${problem.error}\n`);
      unchecked++;
      continue;
    }
    if (problem) {
      io.stderr(`warning: ${displayPath(io.cwd, file)} was skipped: ${problem.skipped}\n`);
      continue;
    }
    const config = configs.forFile(file);
    const relativePath = path.relative(config.root, file).split(path.sep).join('/');
    entries.push({
      path: file,
      displayPath: displayPath(io.cwd, file),
      relativePath,
      config,
      source,
      contentHash: hashContent(source.bytes),
      cacheContext: cache?.contextKey(config.resolved.fingerprint, file, relativePath) ?? '',
    });
  }
  return { entries, unchecked };
}

export interface CheckMode {
  mode: FileMode;
  unsafeFixes: boolean;
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
  { mode, unsafeFixes }: CheckMode,
): Promise<Array<{ entry: Entry; outcome: FileOutcome }>> {
  const jobs: Job[] = [];
  const dependent: Array<{ entry: Entry; cached: CacheEntry }> = [];
  for (const entry of entries) {
    const cached = cache?.entry(entry.path, entry.contentHash);
    entry.summary = cached?.summary;
    // Without its summary the file is parsed again anyway: the workspace index needs it.
    const valid =
      cached?.summary && cached.diagnostics && cached.context === entry.cacheContext && cachedResultSuffices(mode, cached.diagnostics, unsafeFixes);
    if (!valid) jobs.push({ entry });
    else if (cached.workspaceQueries) dependent.push({ entry, cached });
    else entry.diagnostics = cached.diagnostics;
  }

  const progress = new ProgressBar(jobs.length);
  const run = async (batch: Job[], workspace: SharedWorkspace, onDone: () => void): Promise<void> => {
    const outcomes = await runner.run(
      batch.map(({ entry }) => ({
        filePath: entry.path,
        relativePath: entry.relativePath,
        text: entry.source.text,
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
  await run(jobs, shareWorkspace(known()), () => progress.tick());
  progress.finish();

  const complete = shareWorkspace(known());
  const completeIndex = workspaceIndexOf(complete);
  // Findings that asked the index hold when the complete index gives the same answers.
  const again = jobs.filter((job) => job.workspace!.id !== complete.id && !sameAnswers(job.outcome!.workspaceQueries, completeIndex));
  for (const { entry, cached } of dependent) {
    if (sameAnswers(cached.workspaceQueries!, completeIndex)) entry.diagnostics = cached.diagnostics;
    else again.push({ entry });
  }
  await run(again, complete, () => undefined);
  const done = [...new Set([...jobs, ...again])];

  return done.map(({ entry, outcome }) => {
    const { diagnostics, newText, internalErrors, workspaceQueries } = outcome!;
    entry.diagnostics = diagnostics;
    // Findings of fixed text are cached under the fixed content; `--diff` wrote nothing, so nothing to cache.
    const written = newText === undefined ? entry.source.bytes : mode === 'diff' ? undefined : encodeSource(entry.source, newText);
    if (cache && written && !internalErrors.length) {
      cache.store(entry.path, {
        content: hashContent(written),
        summary: newText === undefined ? entry.summary : undefined,
        context: entry.cacheContext,
        workspaceQueries: workspaceQueries.length ? workspaceQueries : undefined,
        diagnostics,
      });
    }
    return { entry, outcome: outcome! };
  });
}
