import type { LineIndex } from './lineIndex';
import { PieceText, type TextReader } from './pieceText';
import type { TextEdit } from './textEdit';

const LINE_BREAK = /\r\n|\r|\n/g;
const LONE_CR = /\r(?!\n)/;

/**
 * The text as the rules read it: Python ends a line at `\n`, `\r\n` or a lone
 * `\r` (old Mac files), so a lone `\r` is read as `\n`, one character for
 * one, and every offset stays that of the text. (The parser maps the same
 * way as it reads, see parsing/parserModule.ts.)
 */
export function loneCrAsLf(text: string): string;
export function loneCrAsLf(text: TextReader): TextReader;
export function loneCrAsLf(text: TextReader): TextReader {
  // The same text when there is none (CRLF files included): this runs on every lint.
  if (text instanceof PieceText) return text.loneCrs ? loneCrAsLf(text.toString()) : text;
  const whole = text.toString();
  return whole.includes('\r') && LONE_CR.test(whole) ? whole.replace(/\r(?!\n)/g, '\n') : whole;
}

/** The line break ending the line of `offset` (the one before it on a last line without one); `\n` in a one-line text. */
export function lineEndingAt(text: TextReader, lines: LineIndex, offset: number): string {
  const line = lines.lineAt(offset);
  const own = lines.lineContentEnd(line);
  const end = own < text.length ? own : line > 0 ? lines.lineContentEnd(line - 1) : -1;
  if (end < 0) return '\n';
  return text.slice(end, end + 2) === '\r\n' ? '\r\n' : text.slice(end, end + 1);
}

/**
 * The edits with the line breaks they insert written as the file writes them
 * where each edit goes: rules write `\n`, and a file keeps its own endings.
 * Python reads the three alike, even inside string literals. The same array
 * when nothing changes.
 */
export function withFileLineEndings(edits: readonly TextEdit[], text: TextReader, lines: LineIndex): readonly TextEdit[] {
  if (!edits.some((edit) => /[\r\n]/.test(edit.newText))) return edits;
  return edits.map((edit) => {
    if (!/[\r\n]/.test(edit.newText)) return edit;
    const ending = lineEndingAt(text, lines, edit.start);
    const newText = edit.newText.replace(LINE_BREAK, ending);
    return newText === edit.newText ? edit : { ...edit, newText };
  });
}
