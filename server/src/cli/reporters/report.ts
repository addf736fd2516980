import type { Output } from '../cliIo';
import type { CliDiagnostic } from '../diagnostics';

/** A file's findings, as objects and as the text the JSON report prints for them (see FileFindings). */
export interface ReportedFindings {
  readonly diagnostics: readonly CliDiagnostic[];
  readonly json: Uint8Array;
}

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Relative to the working directory when inside it, as users type paths. */
  displayPath: string;
  /** Not empty. */
  findings: ReportedFindings;
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

export type Reporter = (report: CheckReport) => Output;

export function* eachDiagnostic(report: CheckReport): Generator<[FileReport, CliDiagnostic]> {
  for (const file of report.files) for (const diagnostic of file.findings.diagnostics) yield [file, diagnostic];
}

/** `path:` and, in a notebook, `cell N:`: where a finding's row and column are, as the text reporter prints it. */
export function locationPrefix(displayPath: string, diagnostic: CliDiagnostic): string {
  return diagnostic.cell === undefined ? `${displayPath}:` : `${displayPath}:cell ${diagnostic.cell}:`;
}

export function countDiagnostics(report: CheckReport): number {
  return report.files.reduce((sum, file) => sum + file.findings.diagnostics.length, 0);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
