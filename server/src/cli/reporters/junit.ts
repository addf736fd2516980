import { countDiagnostics, type CheckReport } from './report';

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');
}

/** JUnit XML for CI test-report viewers: one suite per file with findings, one failed case per finding. */
export function junitReport(report: CheckReport): string {
  const total = countDiagnostics(report);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pyreview" tests="${Math.max(total, 1)}" failures="${total}" errors="0">`,
  ];
  if (!total) {
    lines.push('  <testsuite name="pyreview" tests="1" failures="0" errors="0">');
    lines.push('    <testcase name="No errors found" classname="pyreview"/>');
    lines.push('  </testsuite>');
  }
  for (const file of report.files) {
    const name = escapeXml(file.displayPath);
    const { diagnostics } = file.findings;
    const count = diagnostics.length;
    lines.push(`  <testsuite name="${name}" tests="${count}" failures="${count}" errors="0">`);
    for (const d of diagnostics) {
      const { row, column } = d.location;
      // A notebook's rows are its cells' rows: the case names no line of the file.
      const line = d.cell === undefined ? ` line="${row}"` : '';
      const cell = d.cell === undefined ? '' : `cell ${d.cell}, `;
      lines.push(`    <testcase name="org.pyreview.${escapeXml(d.code)}" classname="${name}" file="${name}"${line}>`);
      lines.push(`      <failure message="${escapeXml(d.message)}" type="${escapeXml(d.code)}">${cell}line ${row}, col ${column}, ${escapeXml(d.message)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
