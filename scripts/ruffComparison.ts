/**
 * pyreview against Ruff's WebAssembly build for a list of codes: both sides
 * check each file with only those codes selected; findings are matched by
 * file, code and line. Files with syntax errors on either side are skipped.
 */
import * as fs from 'fs';
import { PythonParser, resolveSettings, RULES, SourceChecker } from '@pyreview/shared-rules';
import { matchFindings, type CodeAgreement, type LineFinding } from './findingComparison';

interface RuffDiagnostic {
  code: string | null;
  message: string;
  start_location: { row: number; column: number };
}

export interface RuffComparison {
  byCode: Map<string, CodeAgreement>;
  skipped: string[];
  version: string;
}

/**
 * `relativePath` gives pyreview the path it judges module privacy by; Ruff's
 * wasm build knows no path, so comparisons of privacy-dependent codes pass a
 * neutral one.
 */
export async function compareWithRuff(
  files: readonly string[],
  codes: readonly string[],
  relativePath?: (file: string) => string,
): Promise<RuffComparison> {
  // Loaded lazily: the module instantiates 10 MB of WebAssembly.
  const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');
  const workspace = new Workspace({ lint: { select: codes } }, PositionEncoding.Utf16);
  const checker = new SourceChecker(new PythonParser(), RULES);
  const settings = resolveSettings(RULES, { select: [...codes] });
  const byCode = new Map<string, CodeAgreement>();
  const skipped: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const ours = checker.check({ text, filePath: file, relativePath: relativePath?.(file), settings });
    const theirs = workspace.check(text) as RuffDiagnostic[];
    if (ours.hasSyntaxError || theirs.some((d) => !d.code)) {
      skipped.push(`${file}: syntax error`);
      continue;
    }
    const mine: LineFinding[] = ours.findings
      .filter((f) => codes.includes(f.code))
      .map((f) => ({ file, code: f.code, line: ours.lines.lineAt(f.start) + 1, message: f.message }));
    const reference: LineFinding[] = theirs
      .filter((d) => codes.includes(d.code!))
      .map((d) => ({ file, code: d.code!, line: d.start_location.row, message: d.message }));
    matchFindings(mine, reference, byCode);
  }
  const version: string = Workspace.version();
  workspace.free();
  return { byCode, skipped, version };
}
