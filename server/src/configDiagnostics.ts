import * as fs from 'fs';
import { LineIndex, type ConfigProblem } from '@pyreview/shared-rules';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { rangeOf, type PositionEncoding } from './positionEncoding';

/**
 * The mistakes of a configuration file as diagnostics where they are: on the
 * key at fault, or on the line of a whole-file error (the first line when the
 * line is not known).
 */
export function configProblemDiagnostics(file: string, problems: readonly ConfigProblem[], encoding: PositionEncoding): Diagnostic[] {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Gone since it was read: the problems go on the first line.
  }
  const lines = new LineIndex(text);
  return problems.map(({ key, line, detail }) => {
    const row = Math.min(Math.max((line ?? 1) - 1, 0), lines.lineCount - 1);
    const lineStart = lines.lineStart(row);
    const lineText = lines.lineText(row);
    const column = key ? lineText.indexOf(key) : -1;
    const start = column >= 0 ? lineStart + column : lineStart + lineText.length - lineText.trimStart().length;
    const end = column >= 0 ? start + key!.length : lines.lineContentEnd(row);
    return {
      range: rangeOf(lines, start, end, encoding),
      severity: DiagnosticSeverity.Warning,
      source: 'pyreview',
      message: key ? `${key}: ${detail}; pyreview leaves it out` : `${detail}; pyreview uses its default configuration`,
    };
  });
}
