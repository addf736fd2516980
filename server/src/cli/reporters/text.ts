import { isFixable } from '../diagnostics';
import { countDiagnostics, eachDiagnostic, locationPrefix, plural, type CheckReport } from './report';

/** The closing lines, worded as Ruff's so that users recognise them. */
function summary(report: CheckReport): string[] {
  const remaining = countDiagnostics(report);
  if (!remaining && !report.fixed) return ['All checks passed!'];
  const lines = [
    report.fixed
      ? `Found ${plural(remaining + report.fixed, 'error')} (${report.fixed} fixed, ${remaining} remaining).`
      : `Found ${plural(remaining, 'error')}.`,
  ];
  let fixable = 0;
  let hidden = 0;
  for (const [, diagnostic] of eachDiagnostic(report)) {
    if (isFixable(diagnostic, report.unsafeFixes)) fixable++;
    else if (isFixable(diagnostic, true)) hidden++;
  }
  const hint = hidden ? `${plural(hidden, 'hidden fix', 'hidden fixes')} can be enabled with the \`--unsafe-fixes\` option` : '';
  if (fixable) lines.push(`[*] ${fixable} fixable with the \`--fix\` option${hint ? ` (${hint})` : ''}.`);
  else if (hint) lines.push(`No fixes available (${hint}).`);
  return lines;
}

/** `path:row:col: CODE message` (`path:cell N:row:col: …` in a notebook), one finding per line, then the summary. */
export function textReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const [file, d] of eachDiagnostic(report)) {
    lines.push(`${locationPrefix(file.displayPath, d)}${d.location.row}:${d.location.column}: ${d.code} ${d.message}`);
  }
  return [...lines, ...summary(report)].join('\n') + '\n';
}
