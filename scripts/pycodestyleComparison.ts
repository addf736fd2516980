/**
 * pycodestyle's indentation codes against Debian's `pycodestyle` (2.10): one
 * pycodestyle process for all files, findings matched by file, code and line;
 * the column is shown with each disagreement.
 */
import * as fs from 'fs';
import { execFileSync } from 'child_process';
import { PythonParser, resolveSettings, RULES, SourceChecker } from '@pyreview/shared-rules';
import { LineIndex } from '@pyreview/shared-rules';
import { scanLines, type LineScan } from '@pyreview/shared-rules/out/rules/pycodestyle/indentation/lineScan';
import { matchFindings, type CodeAgreement, type LineFinding } from './findingComparison';

export const INDENTATION_CODES = ['E101', 'E111', 'E114', 'E117', 'W191'];

/** pycodestyle's `path:row:col: CODE text` lines, for the files given. */
function runPycodestyle(files: readonly string[]): LineFinding[] {
  let output: string;
  try {
    output = execFileSync('pycodestyle', [`--select=${INDENTATION_CODES.join(',')}`, ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  } catch (error) {
    // pycodestyle exits 1 when it reports anything.
    output = (error as { stdout?: string }).stdout ?? '';
  }
  const findings: LineFinding[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.*):(\d+):(\d+): ([A-Z]\d+) (.*)$/.exec(line);
    if (match) findings.push({ file: match[1], code: match[4], line: Number(match[2]), message: `col ${match[3]}: ${match[5]}` });
  }
  return findings;
}

export async function comparePycodestyle(files: readonly string[]): Promise<Map<string, CodeAgreement>> {
  const checker = new SourceChecker(new PythonParser(), RULES);
  const settings = resolveSettings(RULES, { select: INDENTATION_CODES });
  const theirs = new Map<string, LineFinding[]>();
  for (const finding of runPycodestyle(files)) {
    const list = theirs.get(finding.file);
    if (list) list.push(finding);
    else theirs.set(finding.file, [finding]);
  }
  const byCode = new Map<string, CodeAgreement>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const ours = checker.check({ text, filePath: file, settings });
    const mine: LineFinding[] = ours.findings.map((f) => {
      const position = ours.lines.position(f.start, 'utf-32');
      return { file, code: f.code, line: position.line + 1, message: `col ${position.character + 1}: ${f.message}` };
    });
    matchFindings(mine.filter((f) => INDENTATION_CODES.includes(f.code)), theirs.get(file) ?? [], byCode);
  }
  return byCode;
}

const scans = new Map<string, LineScan>();

/** Whether line `line` (1-based) of `file` starts inside a string, as pyreview's indentation rules see it. */
export function startsInString(file: string, line: number): boolean {
  let scan = scans.get(file);
  if (!scan) {
    const text = fs.readFileSync(file, 'utf8');
    scans.set(file, (scan = scanLines(text, new LineIndex(text))));
  }
  return scan.inString[line - 1] === 1;
}
