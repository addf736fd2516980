import { ruleDocsUrl } from '@pyreview/shared-rules';
import type { Output } from '../cliIo';
import type { CliDiagnostic } from '../diagnostics';
import { eachDiagnostic, type CheckReport } from './report';

/**
 * A finding in the shape of Ruff's JSON output, so that tools written for Ruff read ours; in a notebook, `cell` says
 * whose rows and columns they are (elsewhere it is undefined, which JSON leaves out: every finding's object has the
 * same fields, which builds and serializes faster than objects of two shapes).
 */
function ruffShape(filePath: string, d: CliDiagnostic): object {
  return {
    cell: d.cell,
    code: d.code,
    end_location: d.end_location,
    filename: filePath,
    fix: d.fix,
    location: d.location,
    message: d.message,
    noqa_row: d.noqa_row,
    url: ruleDocsUrl(d.code),
  };
}

/**
 * What the JSON report prints for one file's findings: their items, indented as in the report's array, without
 * its brackets ('' for none). The cache keeps this text, and a cached run splices it into the report as it is.
 */
export function jsonFindings(filePath: string, diagnostics: readonly CliDiagnostic[]): string {
  // Not map(): thousands of findings pass before the code is optimized, and the interpreter's callbacks are slow.
  const items: object[] = [];
  for (let i = 0; i < diagnostics.length; i++) items.push(ruffShape(filePath, diagnostics[i]));
  // `[\n` and `\n]` cut off: what is left is the items as they appear inside any array of this indentation.
  return JSON.stringify(items, null, 2).slice(2, -2);
}

const OPENING = Buffer.from('[\n');
const SEPARATOR = Buffer.from(',\n');
const CLOSING = Buffer.from('\n]\n');

/** `JSON.stringify(items, null, 2)` of every file's items, in pieces: each file's are its `jsonFindings`. */
export function jsonReport(report: CheckReport): Output {
  if (!report.files.length) return '[]\n';
  const pieces: Uint8Array[] = [OPENING];
  for (let i = 0; i < report.files.length; i++) {
    if (i) pieces.push(SEPARATOR);
    pieces.push(report.files[i].findings.json);
  }
  pieces.push(CLOSING);
  return pieces;
}

export function jsonLinesReport(report: CheckReport): string {
  return [...eachDiagnostic(report)].map(([file, d]) => `${JSON.stringify(ruffShape(file.path, d))}\n`).join('');
}
