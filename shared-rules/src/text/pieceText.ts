/**
 * What the readers of a document's text need of it. A string is one; so is
 * a `PieceText`, which makes the whole string only when asked (`toString`).
 */
export interface TextReader {
  readonly length: number;
  charCodeAt(offset: number): number;
  codePointAt(offset: number): number | undefined;
  slice(start?: number, end?: number): string;
  toString(): string;
}

/** Pieces are cut this long; an edit splits a piece that grew past twice that. */
const PIECE_LENGTH = 8192;

/** Whether `text` has a CR at `offset` that no LF follows (a line break of its own). */
function loneCrAt(text: TextReader, offset: number): boolean {
  return text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) !== 10;
}

function countLoneCrs(text: TextReader, from: number, to: number): number {
  let count = 0;
  for (let i = Math.max(0, from); i < to; i++) if (loneCrAt(text, i)) count++;
  return count;
}

/**
 * An open document's text as pieces of a few kilobytes, each a string of its
 * own. An edit makes a new `PieceText` that shares the pieces it does not
 * touch: a keystroke in a large file then makes no string as large as the
 * file. (A string that large is allocated apart from the others, on pages of
 * its own, which costs more than the edit.) The whole string is made on the
 * first `toString` and kept.
 */
export class PieceText implements TextReader {
  /** How many whole strings were made from pieces (tests check a keystroke makes none). */
  static joins = 0;
  private whole: string | undefined;
  /** The piece the last read fell in: reads come in runs. */
  private last = 0;
  private loneCrCount = 0;

  private constructor(
    private readonly pieces: readonly string[],
    /** Where each piece starts, and the length after the last. */
    private readonly starts: Int32Array,
    whole: string | undefined,
  ) {
    this.whole = whole;
  }

  /** How many CRs no LF follows (see `loneCrAsLf`). */
  get loneCrs(): number {
    return this.loneCrCount;
  }

  static of(text: string): PieceText {
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += PIECE_LENGTH) pieces.push(text.slice(at, at + PIECE_LENGTH));
    const pieceText = new PieceText(pieces, startsOf(pieces), text);
    if (text.includes('\r')) pieceText.loneCrCount = countLoneCrs(text, 0, text.length);
    return pieceText;
  }

  get length(): number {
    return this.starts[this.starts.length - 1];
  }

  /** The index of the piece holding `offset` (0 ≤ offset < length). */
  private pieceAt(offset: number): number {
    const starts = this.starts;
    const last = this.last;
    if (starts[last] <= offset && offset < starts[last + 1]) return last;
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    this.last = low;
    return low;
  }

  charCodeAt(offset: number): number {
    if (!(offset >= 0 && offset < this.length)) return NaN;
    const piece = this.pieceAt(offset);
    return this.pieces[piece].charCodeAt(offset - this.starts[piece]);
  }

  codePointAt(offset: number): number | undefined {
    const first = this.charCodeAt(offset);
    if (Number.isNaN(first)) return undefined;
    if (first < 0xd800 || first > 0xdbff) return first;
    const second = this.charCodeAt(offset + 1);
    return second >= 0xdc00 && second <= 0xdfff ? (first - 0xd800) * 0x400 + second - 0xdc00 + 0x10000 : first;
  }

  /** As `String.prototype.slice`; a slice within one piece is cut from that piece alone. */
  slice(start = 0, end = this.length): string {
    const length = this.length;
    const from = start < 0 ? Math.max(0, length + start) : Math.min(start, length);
    const to = end < 0 ? Math.max(0, length + end) : Math.min(end, length);
    if (to <= from) return '';
    if (this.whole !== undefined) return this.whole.slice(from, to);
    const first = this.pieceAt(from);
    const last = this.pieceAt(to - 1);
    const starts = this.starts;
    if (first === last) return this.pieces[first].slice(from - starts[first], to - starts[first]);
    let text = this.pieces[first].slice(from - starts[first]);
    for (let i = first + 1; i < last; i++) text += this.pieces[i];
    return text + this.pieces[last].slice(0, to - starts[last]);
  }

  /** The text with `[start, end)` replaced by `inserted`; the pieces the edit does not touch are shared. */
  edited(start: number, end: number, inserted: string): PieceText {
    const pieces = this.pieces;
    if (!pieces.length) return PieceText.of(inserted);
    const first = this.pieceAt(Math.min(start, this.length - 1));
    const last = end > start ? this.pieceAt(end - 1) : first;
    const starts = this.starts;
    const merged = pieces[first].slice(0, start - starts[first]) + inserted + pieces[last].slice(end - starts[last]);
    const replacement = merged.length > 2 * PIECE_LENGTH ? PieceText.of(merged).pieces : merged ? [merged] : [];
    const next = [...pieces.slice(0, first), ...replacement, ...pieces.slice(last + 1)];
    const text = new PieceText(next, startsOf(next), undefined);
    // Whether a CR is lone changes with its own character or the next one: only those from just before the edit are counted again.
    text.loneCrCount = this.loneCrCount - countLoneCrs(this, start - 1, end) + countLoneCrs(text, start - 1, start + inserted.length);
    text.last = first;
    return text;
  }

  /** The whole text, made on the first call. */
  toString(): string {
    if (this.whole === undefined) {
      PieceText.joins++;
      this.whole = this.pieces.join('');
    }
    return this.whole;
  }
}

function startsOf(pieces: readonly string[]): Int32Array {
  const starts = new Int32Array(pieces.length + 1);
  for (let i = 0; i < pieces.length; i++) starts[i + 1] = starts[i] + pieces[i].length;
  return starts;
}
