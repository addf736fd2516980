import { findRule } from '@pyreview/shared-rules';
import { isFixable } from '../diagnostics';
import { eachDiagnostic, type CheckReport } from './report';

interface CodeCount {
  code: string;
  name: string;
  count: number;
  fixable: boolean;
}

function countByCode(report: CheckReport): CodeCount[] {
  const counts = new Map<string, CodeCount>();
  for (const [, d] of eachDiagnostic(report)) {
    const entry = counts.get(d.code) ?? { code: d.code, name: findRule(d.code)?.meta.name ?? '', count: 0, fixable: false };
    entry.count++;
    entry.fixable ||= isFixable(d, report.unsafeFixes);
    counts.set(d.code, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** `--statistics`: how many findings of each code, most frequent first, `[*]` where `--fix` helps. */
export function statisticsReport(report: CheckReport): string {
  const counts = countByCode(report);
  const countWidth = Math.max(0, ...counts.map((c) => String(c.count).length));
  const codeWidth = Math.max(0, ...counts.map((c) => c.code.length));
  return counts
    .map((c) => `${String(c.count).padStart(countWidth)}\t${c.code.padEnd(codeWidth)}\t${c.fixable ? '[*]' : '[ ]'} ${c.name}\n`)
    .join('');
}

export function statisticsJsonReport(report: CheckReport): string {
  return `${JSON.stringify(countByCode(report), null, 2)}\n`;
}
