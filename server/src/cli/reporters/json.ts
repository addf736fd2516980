import { ruleDocsUrl } from '@pyreview/shared-rules';
import type { CliDiagnostic } from '../diagnostics';
import { eachDiagnostic, type CheckReport, type FileReport } from './report';

/**
 * A finding in the shape of Ruff's JSON output, so that tools written for Ruff read ours; in a notebook, `cell` says
 * whose rows and columns they are (elsewhere it is undefined, which JSON leaves out: every finding's object has the
 * same fields, which builds and serializes faster than objects of two shapes).
 */
function ruffShape(file: FileReport, d: CliDiagnostic): object {
  return {
    cell: d.cell,
    code: d.code,
    end_location: d.end_location,
    filename: file.path,
    fix: d.fix,
    location: d.location,
    message: d.message,
    noqa_row: d.noqa_row,
    url: ruleDocsUrl(d.code),
  };
}

export function jsonReport(report: CheckReport): string {
  // Not eachDiagnostic(): thousands of findings pass before the code is optimized, and the interpreter's generators are slow.
  const items = report.files.flatMap((file) => file.diagnostics.map((d) => ruffShape(file, d)));
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function jsonLinesReport(report: CheckReport): string {
  return [...eachDiagnostic(report)].map(([file, d]) => `${JSON.stringify(ruffShape(file, d))}\n`).join('');
}
