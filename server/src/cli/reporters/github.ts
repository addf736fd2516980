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
    const properties = [
      `file=${escapeProperty(file.displayPath)}`,
      `line=${d.location.row}`,
      `col=${d.location.column}`,
      `endLine=${d.end_location.row}`,
      `endColumn=${d.end_location.column}`,
      `title=${escapeProperty(d.code)}`,
    ].join(',');
    output += `::${COMMAND_BY_SEVERITY[d.severity]} ${properties}::${escapeData(d.message)}\n`;
  }
  return output;
}
