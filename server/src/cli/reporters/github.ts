import type { Severity } from '@pyreview/shared-rules';
import { eachDiagnostic, type CheckReport } from './report';

const COMMAND_BY_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

// GitHub's workflow-command escaping: data escapes %, CR and LF; property values also `:` and `,`.
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
export function githubReport(report: CheckReport): string {
  let output = '';
  for (const [file, d] of eachDiagnostic(report)) {
    // A notebook's rows are its cells' rows, not the file's: the annotation goes on the file, the cell in its text.
    const position = d.cell === undefined
      ? [`line=${d.location.row}`, `col=${d.location.column}`, `endLine=${d.end_location.row}`, `endColumn=${d.end_location.column}`]
      : [];
    const properties = [`file=${escapeProperty(file.displayPath)}`, ...position, `title=${escapeProperty(d.code)}`].join(',');
    const where = d.cell === undefined ? '' : `cell ${d.cell}:${d.location.row}:${d.location.column}: `;
    output += `::${COMMAND_BY_SEVERITY[d.severity]} ${properties}::${escapeData(where + d.message)}\n`;
  }
  return output;
}
