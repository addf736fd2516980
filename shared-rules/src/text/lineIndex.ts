/**
 * Converts between offsets in a text (UTF-16 code units, as JavaScript strings
 * and the parser count) and line/column positions in the three column
 * units in use: UTF-16 code units (LSP default), UTF-8 bytes (LSP when the
 * client negotiates it) and code points (the CLI's columns, as Ruff prints).
 * Every such conversion in pyreview goes through this class.
 */
import type { TextReader } from './pieceText';

export type ColumnUnit = 'utf-16' | 'utf-8' | 'utf-32';

export interface LinePosition {
  /** Zero-based line. */
  line: number;
  /** Zero-based column in the unit asked for. */
  character: number;
}

/** Whether a line starts at `offset` (> 0): after an LF, or after a CR that no LF follows. */
function startsLine(text: TextReader, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  return previous === 10 || (previous === 13 && text.charCodeAt(offset) !== 10);
}

export class LineIndex {
  /** A typed array: an edit copies the part before it and shifts the part after it at memory speed. */
  private readonly lineStarts: Int32Array;
  /** The line starts from index `shiftFrom` on are `shift` past what `lineStarts` holds (see `edited`). */
  private readonly shiftFrom: number;
  private readonly shift: number;

  /**
   * The index of `text` after replacing `[start, end)` of this index's text
   * by `inserted`, without scanning the rest of the text again (editors
   * call this on every keystroke). Whether an offset starts a line depends
   * on the characters on both sides of it (a CR followed by an LF is one
   * break): the line starts before the edit stay, those past the character
   * after it move, and those in between are found again. Typing within a
   * line moves the lines after it and changes no line start: the new index
   * then shares this one's array, with the lines after the edit shifted, as
   * long as successive edits shift from the same line.
   */
  edited(text: TextReader, start: number, end: number, inserted: string): LineIndex {
    const starts = this.lineStarts;
    const delta = inserted.length - (end - start);
    const kept = this.linesStartingBy(start - 1);
    const moved = this.linesStartingBy(end);
    const found: number[] = [];
    for (let offset = start, last = Math.min(start + inserted.length, text.length); offset <= last; offset++) {
      if (offset === 0 || startsLine(text, offset)) found.push(offset);
    }
    const shared = found.length === moved - kept && (this.shift === 0 || this.shiftFrom === moved) && found.every((offset, i) => offset === this.startAt(kept + i));
    if (shared) return new LineIndex(text, starts, moved, this.shift + delta);
    const next = new Int32Array(kept + found.length + starts.length - moved);
    const unshifted = this.shift === 0 ? kept : Math.min(kept, this.shiftFrom);
    next.set(starts.subarray(0, unshifted));
    for (let i = unshifted; i < kept; i++) next[i] = this.startAt(i);
    next.set(found, kept);
    for (let i = moved, j = kept + found.length; i < starts.length; i++, j++) next[j] = this.startAt(i) + delta;
    return new LineIndex(text, next);
  }

  /** `lineStarts`, when given, are those of `text`, the ones from `shiftFrom` on `shift` short. */
  constructor(readonly text: TextReader, lineStarts?: Int32Array, shiftFrom = 0, shift = 0) {
    this.lineStarts = lineStarts ?? lineStartsOf(text.toString());
    this.shiftFrom = shiftFrom;
    this.shift = shift;
  }

  /** Where line `line` (in range) starts. */
  private startAt(line: number): number {
    return this.lineStarts[line] + (line >= this.shiftFrom ? this.shift : 0);
  }

  /** How many lines start at or before `offset`. */
  private linesStartingBy(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.startAt(mid) <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.startAt(Math.max(0, Math.min(line, this.lineStarts.length - 1)));
  }

  /** Offset just past the line's content, before its line break. */
  lineContentEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.startAt(line + 1);
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  lineAt(offset: number): number {
    return Math.max(0, this.linesStartingBy(offset) - 1);
  }

  position(offset: number, unit: ColumnUnit = 'utf-16'): LinePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    const start = this.startAt(line);
    return { line, character: columnIn(this.text, start, clamped, unit) };
  }

  /**
   * Whether `position(offset, unit)` is `position`, told without searching
   * for the offset's line: a position published for an earlier text is
   * checked against this one's line starts.
   */
  isPosition(offset: number, position: LinePosition, unit: ColumnUnit = 'utf-16'): boolean {
    const { line } = position;
    if (offset < 0 || offset > this.text.length || line < 0 || line >= this.lineStarts.length) return false;
    const start = this.startAt(line);
    if (offset < start || (line + 1 < this.lineStarts.length && offset >= this.startAt(line + 1))) return false;
    return columnIn(this.text, start, offset, unit) === position.character;
  }

  /**
   * The offset of a position given in `unit`. Out-of-range lines and columns
   * are clamped to the text, as the LSP specification asks of servers.
   */
  offset(position: LinePosition, unit: ColumnUnit = 'utf-16'): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.startAt(position.line);
    const end = this.lineContentEnd(position.line);
    if (unit === 'utf-16') return Math.min(start + Math.max(0, position.character), end);
    let remaining = Math.max(0, position.character);
    let i = start;
    while (i < end && remaining > 0) {
      const code = this.text.codePointAt(i)!;
      const width = code > 0xffff ? 2 : 1;
      remaining -= unit === 'utf-8' ? utf8Length(code) : 1;
      if (remaining < 0) break; // a column inside a character snaps to its start
      i += width;
    }
    return i;
  }
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

function columnIn(text: TextReader, from: number, to: number, unit: ColumnUnit): number {
  if (unit === 'utf-16') return to - from;
  let column = 0;
  for (let i = from; i < to; ) {
    const code = text.codePointAt(i)!;
    column += unit === 'utf-8' ? utf8Length(code) : 1;
    i += code > 0xffff ? 2 : 1;
  }
  return column;
}

function lineStartsOf(text: string): Int32Array {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case, at native search speed.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        // A lone CR ends a line in Python too; CRLF counts once.
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
  }
  return Int32Array.from(starts);
}
