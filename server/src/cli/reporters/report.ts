import type { CliDiagnostic } from '../diagnostics';

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Relative to the working directory when inside it, as users type paths. */
  displayPath: string;
  diagnostics: CliDiagnostic[];
}

/** Everything a reporter prints, in a deterministic order. */
export interface CheckReport {
  /** Files with findings, sorted by path; each file's findings sorted by position. */
  files: FileReport[];
  /** Number of findings `--fix` fixed. */
  fixed: number;
  unsafeFixes: boolean;
  cwd: string;
  version: string;
}

export type Reporter = (report: CheckReport) => string;

export function* eachDiagnostic(report: CheckReport): Generator<[FileReport, CliDiagnostic]> {
  for (const file of report.files) for (const diagnostic of file.diagnostics) yield [file, diagnostic];
}

/** `path:` and, in a notebook, `cell N:`: where a finding's row and column are, as the text reporter prints it. */
export function locationPrefix(displayPath: string, diagnostic: CliDiagnostic): string {
  return diagnostic.cell === undefined ? `${displayPath}:` : `${displayPath}:cell ${diagnostic.cell}:`;
}

export function countDiagnostics(report: CheckReport): number {
  return report.files.reduce((sum, file) => sum + file.diagnostics.length, 0);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
