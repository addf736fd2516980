import type { Rule } from '../analysis/rule';
import type { Severity } from '../findings/finding';
import type { Category } from '../findings/ruleMeta';
import { CATEGORIES, type CategoryInfo } from '../rules/categories';

/** One finding as the report shows it: 1-based line and column (characters). */
export interface ReviewFinding {
  code: string;
  message: string;
  line: number;
  column: number;
  severity: Severity;
  fix?: { title: string; safety: 'safe' | 'unsafe' };
  /** In a notebook: the cell (1-based) whose line and column these are. */
  cell?: number;
}

export interface ReviewFile {
  /** As shown in the report (relative to where the review ran). */
  path: string;
  /** The file's lines (a notebook's: its code cells'), to count them and quote the offending code. */
  lines: readonly string[];
  /** A notebook's code lines by cell number, to quote its findings' code. */
  cells?: ReadonlyMap<number, readonly string[]>;
  findings: readonly ReviewFinding[];
}

export interface ReviewExample {
  /** The file, and in a notebook the cell (`analysis.ipynb:cell 3`). */
  path: string;
  line: number;
  code: string;
  message: string;
  source: string;
}

export interface ReviewSection {
  category: CategoryInfo;
  count: number;
  /** Findings per rule code, most frequent first. */
  byCode: Array<{ code: string; name: string; count: number }>;
  examples: ReviewExample[];
  safeFixes: number;
  unsafeFixes: number;
}

export interface Review {
  files: number;
  lines: number;
  /** Enabled security rules that ran on every file. */
  securityChecks: string[];
  sections: ReviewSection[];
  total: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
const EXAMPLES_PER_SECTION = 3;

/** Groups the findings of a run by review category, with the worst examples first. */
export function buildReview(files: readonly ReviewFile[], rules: readonly Rule[], enabledCodes: ReadonlySet<string>): Review {
  const ruleByCode = new Map(rules.map((rule) => [rule.meta.code, rule]));
  const byCategory = new Map<Category, Array<{ file: ReviewFile; finding: ReviewFinding }>>();
  for (const file of files) {
    for (const finding of file.findings) {
      const category = ruleByCode.get(finding.code)?.meta.category;
      if (!category) continue;
      const list = byCategory.get(category) ?? [];
      list.push({ file, finding });
      byCategory.set(category, list);
    }
  }
  const sections = CATEGORIES.map((category): ReviewSection => {
    const items = byCategory.get(category.id) ?? [];
    const counts = new Map<string, number>();
    for (const { finding } of items) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
    const worst = [...items].sort((a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      a.file.path.localeCompare(b.file.path) || (a.finding.cell ?? 0) - (b.finding.cell ?? 0) || a.finding.line - b.finding.line);
    return {
      category,
      count: items.length,
      byCode: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code, count]) => ({ code, name: ruleByCode.get(code)!.meta.name, count })),
      examples: worst.slice(0, EXAMPLES_PER_SECTION).map(({ file, finding }) => ({
        path: finding.cell === undefined ? file.path : `${file.path}:cell ${finding.cell}`,
        line: finding.line,
        code: finding.code,
        message: finding.message,
        source: ((finding.cell === undefined ? file.lines : file.cells?.get(finding.cell))?.[finding.line - 1] ?? '').trim(),
      })),
      safeFixes: items.filter(({ finding }) => finding.fix?.safety === 'safe').length,
      unsafeFixes: items.filter(({ finding }) => finding.fix?.safety === 'unsafe').length,
    };
  });
  const securityChecks = rules.filter((rule) => rule.meta.category === 'security' && enabledCodes.has(rule.meta.code)).map((rule) => rule.meta.code);
  return {
    files: files.length,
    // A final line break ends the last line; it does not start another.
    lines: files.reduce((sum, file) => sum + file.lines.length - (file.lines[file.lines.length - 1] === '' ? 1 : 0), 0),
    securityChecks,
    sections,
    total: sections.reduce((sum, section) => sum + section.count, 0),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The first line of a review: the security verdict, with its evidence. */
export function securityVerdict(review: Review): string {
  const security = review.sections.find((section) => section.category.id === 'security')!;
  const scope = `${count(review.securityChecks.length, 'security check')} (${review.securityChecks.join(', ')}) on ${count(review.files, 'file')}, ${count(review.lines, 'line')}`;
  if (!review.securityChecks.length) return 'Security was not checked: no security rule is enabled.';
  return security.count === 0
    ? `No security defects were found: ${scope}.`
    : `${security.count} possible security defect${security.count === 1 ? '' : 's'} found by ${scope}.`;
}

/** What applying the fixes would do, in a sentence. */
export function fixSummary(section: Pick<ReviewSection, 'safeFixes' | 'unsafeFixes' | 'count'>): string {
  if (!section.safeFixes && !section.unsafeFixes) return 'No automatic fix is available: these need a reviewer\'s judgement.';
  const parts: string[] = [];
  if (section.safeFixes) parts.push(`\`pyreview check --fix\` fixes ${section.safeFixes} of ${section.count}`);
  if (section.unsafeFixes) parts.push(`${section.unsafeFixes} more can be fixed with \`--unsafe-fixes\` (review the change)`);
  return `${parts.join('; ')}.`;
}

export function closingSummary(review: Review): string {
  const fixable = review.sections.reduce((sum, s) => sum + s.safeFixes, 0);
  const withIssues = review.sections.filter((s) => s.count > 0 && s.category.id !== 'security').length;
  if (review.total === 0) return `Overall, the code is clean: ${count(review.files, 'file')} and ${count(review.lines, 'line')} passed every enabled rule.`;
  return `Overall: ${count(review.total, 'finding')} in ${withIssues} categor${withIssues === 1 ? 'y' : 'ies'} across ${count(review.files, 'file')}; ${fixable} can be fixed automatically and safely.`;
}
