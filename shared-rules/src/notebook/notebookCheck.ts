import type { CheckedSource, SourceChecker, SourceFile } from '../analysis/checkSource';
import type { ReportedFinding } from '../analysis/linter';
import type { ResolvedSettings } from '../config/settings';
import type { Fix } from '../findings/finding';
import { RULES } from '../rules/catalog';
import { LineIndex } from '../text/lineIndex';
import { NotebookModule } from './cellMap';
import { maskIPython, type MaskedCell } from './ipythonSyntax';

/** Rules that make no sense in a notebook (their docs say why). */
export const SKIPPED_IN_NOTEBOOKS: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.meta.skippedInNotebooks).map((rule) => rule.meta.code));

const notebookSettingsCache = new WeakMap<ResolvedSettings, ResolvedSettings>();

/** A file's settings for a notebook: IPython's names are defined, and the rules that make no sense there are off. */
export function notebookSettings(settings: ResolvedSettings): ResolvedSettings {
  if (settings.notebook) return settings;
  let adjusted = notebookSettingsCache.get(settings);
  if (!adjusted) {
    adjusted = {
      ...settings,
      enabled: new Set([...settings.enabled].filter((code) => !SKIPPED_IN_NOTEBOOKS.has(code))),
      notebook: true,
      fingerprint: `${settings.fingerprint}\u0000notebook`,
    };
    notebookSettingsCache.set(settings, adjusted);
  }
  return adjusted;
}

/** Spans of the module (whole lines) that hold IPython syntax: fixes leave them alone. */
export type IPythonLines = ReadonlyArray<{ start: number; end: number }>;

/** The lines of the module holding the masked spans of its cells; `lines` are the module's. */
export function ipythonLinesOf(notebook: NotebookModule, masked: readonly MaskedCell[], lines: LineIndex): IPythonLines {
  return masked.flatMap((cell, index) => cell.masked.map((span) => {
    const base = notebook.cellStart(index);
    return { start: lines.lineStart(lines.lineAt(base + span.start)), end: lines.lineContentEnd(lines.lineAt(base + span.end)) };
  }));
}

/**
 * The notebook's module as the linter sees it: IPython syntax masked cell by
 * cell (same lengths, so offsets are the notebook's), and the lines that
 * held it.
 */
export function maskedModule(notebook: NotebookModule): { text: string; ipythonLines: IPythonLines } {
  const masked = notebook.cells.map(maskIPython);
  const text = new NotebookModule(masked.map((cell) => cell.text)).text;
  const ipythonLines = masked.some((cell) => cell.masked.length) ? ipythonLinesOf(notebook, masked, new LineIndex(text)) : [];
  return { text, ipythonLines };
}

/** Whether a fix can be applied to a notebook: each edit within one cell, and none on a line of IPython syntax. */
export function fitsNotebook(fix: Fix, notebook: NotebookModule, ipythonLines: IPythonLines): boolean {
  if (!notebook.cellEdits(fix.edits)) return false;
  return !fix.edits.some((edit) => ipythonLines.some((line) => edit.start <= line.end && line.start <= edit.end));
}

/** Findings of a notebook's module, without the fixes that do not fit it. */
export function notebookFindings(findings: readonly ReportedFinding[], notebook: NotebookModule, ipythonLines: IPythonLines): ReportedFinding[] {
  return findings.map((finding) => {
    if (!finding.fix || fitsNotebook(finding.fix, notebook, ipythonLines)) return finding;
    const { fix: _dropped, ...rest } = finding;
    return rest;
  });
}

/**
 * Checks a notebook's code cells as one module (see `NotebookModule`); the
 * findings' offsets are the module's. `source` describes the notebook file;
 * `cellNumber` numbers a code cell as the user sees it, among all cells.
 */
export function checkNotebook(
  checker: SourceChecker,
  notebook: NotebookModule,
  source: Omit<SourceFile, 'text'>,
  cellNumber?: (cell: number) => number,
): CheckedSource {
  const { text, ipythonLines } = maskedModule(notebook);
  const lineName = (offset: number) => notebook.lineName(offset, cellNumber);
  const result = checker.check({ ...source, text, settings: notebookSettings(source.settings), lineName });
  return { ...result, findings: notebookFindings(result.findings, notebook, ipythonLines) };
}
