/**
 * D100–D107 and D419 against Debian's pydocstyle (6.2.3). pydocstyle judges
 * module privacy by the path up to the nearest `sys.path` entry, so pyreview
 * is given paths relative to the corpus root (itself on `sys.path` for the
 * standard library).
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFile } from 'child_process';
import { PythonParser, resolveSettings, RULES, SourceChecker } from '@pyreview/shared-rules';
import { matchFindings, type CodeAgreement, type LineFinding } from './findingComparison';
import { decodePythonSource } from './pythonCorpus';

export const DOCSTRING_CODES = ['D100', 'D101', 'D102', 'D103', 'D104', 'D105', 'D106', 'D107', 'D419'];

export interface DocstringComparison {
  byCode: Map<string, CodeAgreement>;
  files: number;
  skipped: string[];
}

interface PydocstyleRun {
  output: string;
  /** pydocstyle stops at the first file it crashes on (an f-string docstring, for one). */
  crashed: boolean;
}

function runPydocstyle(files: readonly string[]): Promise<PydocstyleRun> {
  return new Promise((resolve, reject) => {
    execFile(
      'pydocstyle',
      [`--select=${DOCSTRING_CODES.join(',')}`, '--match=.*\\.py', ...files],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // pydocstyle exits 1 when it reports anything.
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ output: stdout, crashed: stderr.includes('Traceback') });
      },
    );
  });
}

/** Runs a batch; when pydocstyle crashes, runs its files one by one and reports those it crashes on. */
async function runBatch(files: readonly string[], crashedOn: string[]): Promise<string> {
  const run = await runPydocstyle(files);
  if (!run.crashed) return run.output;
  if (files.length === 1) {
    crashedOn.push(files[0]);
    return '';
  }
  const outputs: string[] = [];
  for (const file of files) outputs.push(await runBatch([file], crashedOn));
  return outputs.join('\n');
}

/** pydocstyle's findings by file: `path:LINE in …:` followed by `    CODE: message`. */
function parsePydocstyle(output: string): Map<string, LineFinding[]> {
  const byFile = new Map<string, LineFinding[]>();
  let current: { file: string; line: number } | undefined;
  for (const line of output.split('\n')) {
    const header = /^(.+?):(\d+)\b.*:$/.exec(line);
    if (header && !line.startsWith(' ')) {
      current = { file: header[1], line: Number(header[2]) };
      continue;
    }
    const body = /^\s+(D\d{3}): (.*)$/.exec(line);
    if (body && current) {
      const list = byFile.get(current.file) ?? [];
      list.push({ file: current.file, code: body[1], line: current.line, message: body[2] });
      byFile.set(current.file, list);
    }
  }
  return byFile;
}

/**
 * `root` is the `sys.path` entry the files are under (pydocstyle stops its
 * search for private packages there); files outside it are judged by name.
 */
export async function compareDocstrings(files: readonly string[], root: string, concurrency = 2): Promise<DocstringComparison> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += 40) batches.push(files.slice(i, i + 40));
  const outputs: string[] = [];
  const crashedOn: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) outputs.push(await runBatch(batches[next++], crashedOn));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const theirs = parsePydocstyle(outputs.join('\n'));

  const checker = new SourceChecker(new PythonParser(), RULES);
  const settings = resolveSettings(RULES, { select: DOCSTRING_CODES });
  const byCode = new Map<string, CodeAgreement>();
  const skipped = crashedOn.map((file) => `${file}: pydocstyle crashes on it`);
  for (const file of files) {
    if (crashedOn.includes(file)) continue;
    const text = decodePythonSource(fs.readFileSync(file));
    const inside = !path.relative(root, file).startsWith('..');
    const ours = checker.check({ text, filePath: file, relativePath: inside ? path.relative(root, file) : undefined, settings });
    if (ours.hasSyntaxError) {
      skipped.push(`${file}: syntax error`);
      continue;
    }
    const mine = ours.findings.map((f) => ({ file, code: f.code, line: ours.lines.lineAt(f.start) + 1, message: f.message }));
    matchFindings(mine, theirs.get(file) ?? [], byCode);
  }
  return { byCode, files: files.length, skipped };
}

/**
 * An `@overload` signature pydocstyle reports: it exempts only a bare `@overload` and only from D102 and
 * D103, while pyreview exempts every signature decorated with typing's `overload`, however imported
 * (`typing.overload`, `t.overload`, `ov` after `from typing import overload as ov`), as Ruff does
 * (docs/annotations-docstrings-differences.md).
 */
export function overloadSignature(difference: LineFinding, side: 'pyreview' | 'reference', lines: readonly string[]): string | undefined {
  if (side !== 'reference' || !['D102', 'D103', 'D105', 'D107'].includes(difference.code)) return undefined;
  const aliases = lines.flatMap((line) => [.../\boverload as (\w+)/.exec(line)?.slice(1) ?? []]);
  for (let row = difference.line - 2; row >= 0 && /^\s*@/.test(lines[row]); row--) {
    const decorator = /^\s*@([\w.]+)\s*$/.exec(lines[row])?.[1] ?? '';
    if (/(^|\.)overload$/.test(decorator) || aliases.includes(decorator)) return 'an @overload signature (pydocstyle exempts only a bare @overload, from D102 and D103)';
  }
  return undefined;
}
