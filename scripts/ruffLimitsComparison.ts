/**
 * Compares pyreview's PLR0912, PLR0913 and PLR0915 with Ruff's own (its
 * WebAssembly build, a dev dependency), every limit at 0 so that each
 * function's count is reported and compared: line, column, code and message.
 */
import * as fs from 'fs';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { PythonParser, RULES, SourceChecker, resolveSettings } from '@pyreview/shared-rules';
import { decodePythonSource } from './pythonCorpus';

export const LIMIT_CODES = ['PLR0912', 'PLR0913', 'PLR0915'];
const LIMITS = { 'max-args': 0, 'max-branches': 0, 'max-statements': 0 };

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

export interface RuffComparison {
  files: number;
  /** Findings both report identically. */
  agreed: number;
  /** `file:row:column: CODE message (Ruff only | pyreview only)`. */
  differences: string[];
}

export async function compareWithRuff(files: readonly string[]): Promise<RuffComparison> {
  const ruff = new Workspace({ lint: { select: LIMIT_CODES, pylint: LIMITS } }, PositionEncoding.Utf16);
  const checker = new SourceChecker(new PythonParser(), RULES);
  const settings = resolveSettings(RULES, { select: LIMIT_CODES, options: LIMITS });
  const result: RuffComparison = { files: files.length, agreed: 0, differences: [] };
  try {
    for (const file of files) {
      const text = decodePythonSource(fs.readFileSync(file));
      const theirs = new Set(
        (ruff.check(text) as RuffDiagnostic[])
          .filter((d) => d.code !== null && LIMIT_CODES.includes(d.code))
          .map((d) => `${d.start_location.row}:${d.start_location.column}: ${d.code} ${d.message}`),
      );
      const checked = checker.check({ text, filePath: file, settings });
      const ours = new Set(
        checked.findings.map((f) => {
          const position = checked.lines.position(f.start, 'utf-16');
          return `${position.line + 1}:${position.character + 1}: ${f.code} ${f.message}`;
        }),
      );
      for (const item of theirs) {
        if (ours.has(item)) result.agreed++;
        else result.differences.push(`${file}:${item} (Ruff only)`);
      }
      for (const item of ours) if (!theirs.has(item)) result.differences.push(`${file}:${item} (pyreview only)`);
    }
  } finally {
    ruff.free();
  }
  return result;
}
