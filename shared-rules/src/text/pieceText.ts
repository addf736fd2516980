/**
 * What the readers of a document's text need of it. A string is one; so is
 * a `PieceText`, which makes the whole string only when asked (`toString`).
 */
export interface TextReader {
  readonly length: number;
  charCodeAt(offset: number): number;
  codePointAt(offset: number): number | undefined;
  slice(start?: number, end?: number): string;
  indexOf(search: string, position?: number): number;
  lastIndexOf(search: string, position?: number): number;
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

  /** As `String.prototype.indexOf`: each piece is searched in place, and only the few characters around its end together with the next. */
  indexOf(search: string, position = 0): number {
    if (this.whole !== undefined) return this.whole.indexOf(search, position);
    const length = this.length;
    const from = Math.min(Math.max(0, position), length);
    if (from === length) return search ? -1 : length;
    const { pieces, starts } = this;
    const reach = search.length - 1;
    for (let piece = this.pieceAt(from); piece < pieces.length; piece++) {
      const start = starts[piece];
      const found = pieces[piece].indexOf(search, from - start);
      if (found !== -1) return start + found;
      if (reach <= 0) continue;
      // A match starting near the piece's end reads on into the next pieces.
      const end = starts[piece + 1];
      const edge = Math.max(from, end - reach);
      const across = this.slice(edge, end + reach).indexOf(search);
      if (across !== -1 && edge + across < end) return edge + across;
    }
    return -1;
  }

  /** As `String.prototype.lastIndexOf`, piece by piece from the end as `indexOf` does from the start. */
  lastIndexOf(search: string, position = Infinity): number {
    if (this.whole !== undefined) return this.whole.lastIndexOf(search, position);
    let from = Math.min(Math.max(0, position), this.length - search.length);
    if (from < 0) return -1;
    if (!search) return from;
    const { pieces, starts } = this;
    const reach = search.length - 1;
    for (let piece = this.pieceAt(from); piece >= 0; piece--) {
      const start = starts[piece];
      // Matches reading on into the next pieces start after those inside this one.
      const edge = Math.max(start, starts[piece + 1] - reach);
      if (reach > 0 && from >= edge) {
        const across = this.slice(edge, from + search.length).lastIndexOf(search);
        if (across !== -1) return edge + across;
      }
      const found = pieces[piece].lastIndexOf(search, from - start);
      if (found !== -1) return start + found;
      from = start - 1;
    }
    return -1;
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

  /** How many characters the two texts' shared pieces make up at their starts and at their ends (not overlapping). */
  static sharedEnds(before: PieceText, after: PieceText): { prefix: number; suffix: number } {
    const [a, b] = [before.pieces, after.pieces];
    const limit = Math.min(a.length, b.length);
    let first = 0;
    while (first < limit && a[first] === b[first]) first++;
    let last = 0;
    while (last < limit - first && a[a.length - 1 - last] === b[b.length - 1 - last]) last++;
    return { prefix: before.starts[first], suffix: before.length - before.starts[a.length - last] };
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

/**
 * Lengths of the longest common prefix and suffix of two texts (not
 * overlapping). Two versions of a document share the pieces no edit touched:
 * those are skipped whole, and only the rest is compared.
 */
export function commonEnds(before: TextReader, after: TextReader): { prefix: number; suffix: number } {
  const limit = Math.min(before.length, after.length);
  const shared = before instanceof PieceText && after instanceof PieceText ? PieceText.sharedEnds(before, after) : { prefix: 0, suffix: 0 };
  const CHUNK = 1024;
  let prefix = shared.prefix;
  // Native comparisons of slices first, then character by character.
  while (prefix + CHUNK <= limit && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = limit - prefix;
  let suffix = Math.min(shared.suffix, room);
  while (
    suffix + CHUNK <= room &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)
  ) suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
  return { prefix, suffix };
}
