/**
 * pyreview's pyflakes family against flake8's pyflakes plugin: both run over
 * the same files, findings are matched by file, code, line and name.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { Linter, NONE, parseUnits, PythonParser, RULES, resolveSettings, T, type LineIndex, type NodeId, type SyntaxTree } from '@pyreview/shared-rules';
import type { CodeAgreement } from './findingComparison';

export const PYFLAKES_CODES = ['F401', 'F811', 'F821', 'F822', 'F823', 'F841', 'F403', 'F405'];
/** The codes whose agreement must reach the target (F811 differences are listed only). */
export const TARGET_CODES = ['F401', 'F821', 'F822', 'F823', 'F841'];

export interface NamedFinding {
  file: string;
  code: string;
  line: number;
  name: string;
  message: string;
}

/** The quoted name of a pyflakes message (`'os' imported but unused` → `os`). */
export function messageName(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? /"([^"]*)"/.exec(message)?.[1] ?? message;
}

/** flake8's F findings, and the files it cannot parse (E999). */
export function runFlake8(files: readonly string[]): { findings: NamedFinding[]; unparsable: Set<string> } {
  const findings: NamedFinding[] = [];
  const unparsable = new Set<string>();
  const codes = new Set(PYFLAKES_CODES);
  for (let i = 0; i < files.length; i += 200) {
    const result = spawnSync(
      'flake8',
      ['--select', `${PYFLAKES_CODES.join(',')},E999`, '--format', '%(path)s\t%(row)d\t%(code)s\t%(text)s', ...files.slice(i, i + 200)],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    if (result.error) throw result.error;
    for (const line of result.stdout.split('\n')) {
      const [file, row, code, message] = line.split('\t');
      if (!message) continue;
      if (code === 'E999') unparsable.add(file);
      else if (codes.has(code)) findings.push({ file, code, line: Number(row), name: messageName(message), message });
    }
  }
  return { findings, unparsable };
}

/** Statements pyflakes reports at their first line rather than at the name. */
const STATEMENT_TYPES = new Set<number>([T.import_statement, T.import_from_statement, T.future_import_statement, T.expression_statement]);

function reportedLine(tree: SyntaxTree, lines: LineIndex, node: NodeId, fallback: number): number {
  for (let current = node; current !== NONE; current = tree.parent(current)) {
    if (STATEMENT_TYPES.has(tree.type(current))) return lines.lineAt(tree.start(current)) + 1;
  }
  return fallback;
}

/** pyreview's findings of the pyflakes codes for each file, in-process. */
export function runPyreview(files: readonly string[], skip: ReadonlySet<string>): NamedFinding[] {
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, { select: PYFLAKES_CODES, targetVersion: '3.11' });
  const findings: NamedFinding[] = [];
  for (const file of files) {
    if (skip.has(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const units = parseUnits(parser, text);
    const { tree } = units;
    const result = new Linter(RULES).lint({ units, text, filePath: file, settings });
    for (const finding of result.findings) {
      const own = result.lines.lineAt(finding.start) + 1;
      // pyflakes places imports, `__all__` entries and redefinitions at their statement.
      const atStatement = finding.code === 'F401' || finding.code === 'F811' || finding.code === 'F822' || finding.code === 'F403' ||
        (finding.code === 'F405' && finding.message.includes('__all__'));
      const line = atStatement ? reportedLine(tree, result.lines, tree.descendantForRange(finding.start), own) : own;
      findings.push({ file, code: finding.code, line, name: messageName(finding.message), message: finding.message });
    }
  }
  return findings;
}

/** Matches both sides per file, code, line and name (as multisets). */
export function compareFindings(ours: readonly NamedFinding[], theirs: readonly NamedFinding[]): Map<string, CodeAgreement> {
  const byCode = new Map<string, CodeAgreement>();
  for (const code of PYFLAKES_CODES) byCode.set(code, { code, agreed: 0, onlyPyreview: [], onlyReference: [] });
  const key = (f: NamedFinding) => `${f.file}\u0000${f.code}\u0000${f.line}\u0000${f.name}`;
  const pending = new Map<string, NamedFinding[]>();
  for (const finding of theirs) {
    const list = pending.get(key(finding));
    if (list) list.push(finding);
    else pending.set(key(finding), [finding]);
  }
  for (const finding of ours) {
    const entry = byCode.get(finding.code)!;
    if (pending.get(key(finding))?.pop()) entry.agreed++;
    else entry.onlyPyreview.push(finding);
  }
  for (const list of pending.values()) for (const finding of list) byCode.get(finding.code)!.onlyReference.push(finding);
  return byCode;
}

/**
 * Why a disagreement is expected, when it is one of the documented
 * differences (docs/pyflakes-differences.md): pyflakes 2.5 ignores names
 * added with `__all__.extend(…)` / `__all__.append(…)`, so it calls those
 * re-exports unused.
 */
export function documentedReason(finding: NamedFinding, side: 'pyreview' | 'reference'): string | undefined {
  if (finding.code !== 'F401' || side !== 'reference') return undefined;
  const short = finding.name.split(' as ').pop()!.split('.').pop()!;
  const text = fs.readFileSync(finding.file, 'utf8');
  const mutation = /__all__\.(?:extend|append)\(([^)]*)\)/g;
  for (const match of text.matchAll(mutation)) {
    if (new RegExp(`['"]${short}['"]`).test(match[1])) return '__all__.extend/append re-export';
  }
  return undefined;
}

/** The same figures with the documented differences counted as agreement. */
export function withoutDocumented(byCode: Map<string, CodeAgreement>): Map<string, CodeAgreement> {
  const result = new Map<string, CodeAgreement>();
  for (const [code, agreement] of byCode) {
    const onlyPyreview = agreement.onlyPyreview.filter((f) => !documentedReason(f as NamedFinding, 'pyreview'));
    const onlyReference = agreement.onlyReference.filter((f) => !documentedReason(f as NamedFinding, 'reference'));
    const documented = agreement.onlyPyreview.length - onlyPyreview.length + agreement.onlyReference.length - onlyReference.length;
    result.set(code, { code, agreed: agreement.agreed + documented, onlyPyreview, onlyReference });
  }
  return result;
}
