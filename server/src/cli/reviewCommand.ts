import * as os from 'os';
import * as path from 'path';
import { buildReview, isNotebookPath, moduleCellText, parseNotebook, renderReviewHtml, renderReviewMarkdown, RULES, type ReviewFile } from '@pyreview/shared-rules';
import { openResultCache } from './cache';
import { commandLineSettings, discoverWithConfigurations, writeOutput, type CheckOptions } from './checkCommand';
import { checkEntries, readEntries, sourceOf } from './checkFiles';
import type { CliIo } from './cliIo';
import { TaskRunner } from './runner';
import { analysisVersion } from '../version';

export const REVIEW_FORMATS = ['markdown', 'html'] as const;

export interface ReviewOptions extends Pick<CheckOptions, 'paths' | 'select' | 'extendSelect' | 'ignore' | 'targetVersion' | 'config' | 'outputFile' | 'jobs' | 'cache'> {
  format: (typeof REVIEW_FORMATS)[number];
}

const LINE_BREAK = /\r\n|\r|\n/;

/** A file's lines for the review; a notebook's are those of its code cells, also by cell number. */
function reviewedLines(filePath: string, text: string): Pick<ReviewFile, 'lines' | 'cells'> {
  if (!isNotebookPath(filePath)) return { lines: text.split(LINE_BREAK) };
  const { codeCells } = parseNotebook(text);
  return {
    lines: codeCells.map((cell) => moduleCellText(cell.source)).join('').split(LINE_BREAK),
    cells: new Map(codeCells.map((cell) => [cell.index + 1, cell.source.split(LINE_BREAK)])),
  };
}

/**
 * `pyreview review`: every category of the catalog is checked (a review
 * covers what `check`'s defaults leave out, such as docstrings), unless the
 * command line selects rules; the configuration's `ignore` still applies.
 * Writes a report shaped like a human code review. Exit status 0, or 2 when
 * a file could not be checked.
 */
export async function runReview(options: ReviewOptions, io: CliIo): Promise<number> {
  const selection = commandLineSettings(options);
  if (!selection.select) selection.extendSelect = [...(selection.extendSelect ?? []), 'ALL'];
  const discovered = discoverWithConfigurations(options, selection, io);
  if (!discovered) return 2;
  const { configs, files: paths } = discovered;
  const cache = options.cache ? openResultCache(io.cwd, analysisVersion(), (message) => io.stderr(`warning: ${message}\n`)) : undefined;
  const checkMode = { mode: 'check', unsafeFixes: false, findingObjects: true } as const;
  const { entries, unchecked } = readEntries(paths, configs, cache, checkMode, io, true);
  const runner = new TaskRunner({ jobs: options.jobs ?? os.availableParallelism(), explicit: options.jobs !== undefined });
  let incomplete = unchecked > 0;
  try {
    const outcomes = await checkEntries(entries, runner, cache, checkMode);
    for (const { entry, outcome } of outcomes) {
      for (const error of outcome.internalErrors) {
        io.stderr(`error: internal error while checking ${entry.displayPath}: ${error.split('\n')[0]}\n`);
        incomplete = true;
      }
    }
  } finally {
    await runner.close();
  }
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr(`warning: ${cacheProblem}\n`);

  const files: ReviewFile[] = entries.map((entry) => ({
    path: entry.displayPath.split(path.sep).join('/'),
    ...reviewedLines(entry.path, sourceOf(entry).text),
    findings: (entry.findings?.diagnostics ?? []).map((d) => ({
      code: d.code,
      message: d.message,
      line: d.location.row,
      column: d.location.column,
      severity: d.severity,
      fix: d.fix ? { title: d.fix.message, safety: d.fix.applicability } : undefined,
      cell: d.cell,
    })),
  }));
  const enabled = new Set(entries.flatMap((entry) => [...entry.config.resolved.enabled]));
  const review = buildReview(files, RULES, enabled);
  writeOutput(options.format === 'html' ? renderReviewHtml(review) : renderReviewMarkdown(review), options.outputFile, io);
  return incomplete ? 2 : 0;
}
