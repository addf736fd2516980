import type { LineIndex } from '../../../text/lineIndex';
import type { TextChange } from '../../../text/dirtyRegion';
import { commonEnds, type TextReader } from '../../../text/pieceText';

/**
 * What each physical line of a file is, as Python's tokenizer sees it: inside
 * a string, inside brackets, after a `\` continuation, blank, a comment, or
 * code, and where each logical line ends. pycodestyle's indentation checks are
 * defined on exactly these facts. One pass over the characters, stopping only
 * at those that matter, gives them in a few milliseconds for 20k lines;
 * walking the syntax tree across the WASM boundary costs a hundred times more,
 * on every keystroke.
 */
export interface LineScan {
  lineCount: number;
  /** 1 when the line starts inside a string's text (not an f-string's `{…}`). */
  inString: Uint8Array;
  /** 1 when the line before ended with a `\` continuation outside strings and comments. */
  continued: Uint8Array;
  /** 1 when the line ends with a `\` continuation. */
  endsWithBackslash: Uint8Array;
  /** BLANK, COMMENT or CODE, from the line's first character after its indentation. */
  kind: Uint8Array;
  /** For the first line of a logical line (or a comment line at statement level): its last line; -1 elsewhere. */
  logicalEnd: Int32Array;
  /** For the first line of a logical line: 1 when its last token is `:`. */
  endsWithColon: Uint8Array;
  /**
   * The depth of brackets open where the line starts, or -1 where a scan
   * cannot start: inside a string or an f-string's field, or after a `\`
   * continuation. 0 is a line at statement level with nothing open.
   */
  depth: Int32Array;
  /**
   * After an incremental scan: lines from `from` to `to` (excluded) were read
   * again, starting inside the logical line begun at `logicalStart` (-1 when
   * none was open); the rest are the old scan's, `lineDelta` lines further.
   */
  rescanned: { from: number; to: number; lineDelta: number; logicalStart: number };
}

/** The scan of an earlier version of the text, to reuse what an edit did not touch. */
export interface PreviousScan {
  text: TextReader;
  lines: LineIndex;
  scan: LineScan;
}

export const BLANK = 0;
export const COMMENT = 1;
export const CODE = 2;

const NL = 10;
const CR = 13;
const HASH = 35;
const BACKSLASH = 92;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;

/** A string being read; in f-strings, `{…}` fields push a field frame. */
interface StringFrame {
  kind: 'string';
  quote: number;
  triple: boolean;
  formatted: boolean;
  raw: boolean;
  /** The characters that can end or split the string's text. */
  stop: Uint8Array;
}
/** An f-string replacement field's expression, with its own bracket depth. */
interface FieldFrame {
  kind: 'field';
  depth: number;
}
/** An f-string format spec (`{x:>10}`): text, possibly with nested fields. */
interface SpecFrame {
  kind: 'spec';
}
type Frame = StringFrame | FieldFrame | SpecFrame;

/** Tables of the ASCII characters a reader must stop at; everything else is skipped in a tight loop. */
function stopTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
const FIELD_STOP = stopTable('\n\r#\'"\\()[]{}:');
/** Outside f-string fields, brackets are counted in place: the loop stops only for these. */
const CODE_STOP = stopTable('\n\r#\'"\\');
const BRACKET = new Int8Array(128);
for (const c of '([{') BRACKET[c.charCodeAt(0)] = 1;
for (const c of ')]}') BRACKET[c.charCodeAt(0)] = -1;
const LINE_END = stopTable('\n\r');
const SPEC_STOP = stopTable('\n\r{}');
const STRING_STOPS = new Map<string, Uint8Array>([
  ['"', stopTable('"\\\n\r')],
  ["'", stopTable("'\\\n\r")],
  ['"f', stopTable('"\\\n\r{}')],
  ["'f", stopTable("'\\\n\r{}")],
]);

function isIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127;
}

/** The string prefix (`rb`, `f`, …) ending just before the quote at `quote`, if the word there is one. */
function stringPrefix(text: TextReader, quote: number): string | undefined {
  let start = quote;
  while (start > 0 && isIdentifierChar(text.charCodeAt(start - 1))) start--;
  if (start === quote) return '';
  const word = text.slice(start, quote).toLowerCase();
  return /^(?:r|u|b|f|br|rb|fr|rf)$/.test(word) ? word : undefined;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}

/** Offset of the next character in `table` from `from`, or the text's length. */
function search(table: Uint8Array, text: TextReader, from: number): number {
  const length = text.length;
  let p = from;
  while (p < length) {
    const c = text.charCodeAt(p);
    if (c < 128 && table[c] === 1) return p;
    p++;
  }
  return length;
}

/**
 * Scans `text`. Given the scan of an earlier version, only the lines around
 * the edit are read again: from the last line before the edit where nothing
 * was open, up to the first line after it where the old scan had nothing open
 * either and the texts agree to the end (what follows is then the same).
 */
export function scanLines(text: TextReader, lines: LineIndex, previous?: PreviousScan, change?: TextChange): LineScan {
  const scanner = new Scanner(text, lines);
  if (!previous || previous.text.length === 0 || text.length === 0) return scanner.run(0);
  // Comparing the texts grows with the file; the linter usually knows where they differ.
  const { prefix, suffix } = change?.previousText === previous.text
    ? { prefix: change.region.start, suffix: text.length - change.region.newEnd }
    : commonEnds(previous.text, text);
  const old = previous.scan;
  const edited = lines.lineAt(prefix);
  let from = edited;
  while (from > 0 && old.depth[from] < 0) from--;
  // Inside brackets, the scan resumes in the logical line open there; failing that, at a line with nothing open.
  const logicalStart = old.depth[from] > 0 ? openLogicalLine(old, from) : -1;
  if (logicalStart < 0) while (from > 0 && old.depth[from] !== 0) from--;
  return scanner.resume({ from, logicalStart, edited }, old, previous.lines, text.length - suffix, text.length - previous.text.length);
}

/**
 * The first line of the logical line open at `line`, inside its brackets, or
 * -1 when the scan has none that ends (brackets left open to the end).
 */
function openLogicalLine(scan: LineScan, line: number): number {
  let start = line - 1;
  while (start >= 0 && scan.logicalEnd[start] < 0) start--;
  return start >= 0 && scan.logicalEnd[start] >= line ? start : -1;
}

/** Where a scan resumes: at line `from`, inside the logical line begun at `logicalStart` (or -1); `edited` is the first line the edit changed. */
interface ResumePoint {
  from: number;
  logicalStart: number;
  edited: number;
}

/** The old scan to join once the edit is behind: lines starting at or after `joinOffset` may be taken from it. */
interface Join {
  old: LineScan;
  oldLines: LineIndex;
  joinOffset: number;
  offsetDelta: number;
  /** The first line the edit changed: a logical line begun before it begins on the same line in both scans. */
  edited: number;
}

const PER_LINE = ['inString', 'continued', 'endsWithBackslash', 'kind', 'logicalEnd', 'endsWithColon', 'depth'] as const;

class Scanner {
  private readonly scan: LineScan;
  private join: Join | undefined;
  private finished = false;
  private readonly frames: Frame[] = [];
  private depth = 0;
  private line = 0;
  private logicalStart = -1;
  /** Where the current line's comment starts (the line's end when it has none). */
  private commentStart = -1;
  private backslash = false;

  constructor(
    private readonly text: TextReader,
    private readonly lines: LineIndex,
  ) {
    const lineCount = lines.lineCount;
    this.scan = {
      lineCount,
      inString: new Uint8Array(lineCount),
      continued: new Uint8Array(lineCount),
      endsWithBackslash: new Uint8Array(lineCount),
      kind: new Uint8Array(lineCount),
      logicalEnd: new Int32Array(lineCount).fill(-1),
      endsWithColon: new Uint8Array(lineCount),
      depth: new Int32Array(lineCount).fill(-1),
      rescanned: { from: 0, to: lineCount, lineDelta: 0, logicalStart: -1 },
    };
  }

  /** Takes the old scan's lines before `from` and scans on from there, inside the brackets open at `from`. */
  resume({ from, logicalStart, edited }: ResumePoint, old: LineScan, oldLines: LineIndex, joinOffset: number, offsetDelta: number): LineScan {
    const scan = this.scan;
    for (const key of PER_LINE) scan[key].set(old[key].subarray(0, from));
    if (logicalStart >= 0) {
      // Where the open logical line ends is found again.
      scan.logicalEnd[logicalStart] = -1;
      scan.endsWithColon[logicalStart] = 0;
      this.depth = old.depth[from];
      this.logicalStart = logicalStart;
    }
    this.line = from;
    this.join = { old, oldLines, joinOffset, offsetDelta, edited };
    scan.rescanned.from = from;
    scan.rescanned.logicalStart = logicalStart;
    return this.run(this.lines.lineStart(from));
  }

  run(start: number): LineScan {
    const { text, frames } = this;
    const length = text.length;
    // A byte order mark is not indentation.
    let pos = this.startLine(start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start);
    while (pos < length) {
      const top = frames[frames.length - 1];
      if (top && top.kind !== 'field') {
        pos = top.kind === 'spec' ? this.readSpec(pos) : this.readString(top, pos);
        continue;
      }
      pos = top ? search(FIELD_STOP, text, pos) : this.skipCode(pos);
      if (pos >= length) break;
      const c = text.charCodeAt(pos);
      if (c === NL || c === CR) pos = this.lineBreak(pos);
      else if (c === HASH) {
        this.commentStart = pos;
        pos = search(LINE_END, text, pos);
      } else if (c === 34 || c === 39) pos = this.openString(pos, c);
      else if (c === BACKSLASH) {
        const next = text.charCodeAt(pos + 1);
        // The line break itself is handled next; elsewhere `\` is an error token.
        if (next === NL || next === CR) this.backslash = true;
        pos++;
      } else {
        this.bracketOrColon(top, c);
        pos++;
      }
    }
    if (!this.finished) this.endLine(length);
    return this.scan;
  }

  /**
   * At the start of a line past the edit, with no string open: if the old
   * scan was in the same state at the same text (the same brackets open in
   * the same logical line, begun before the edit), copies its remaining lines.
   */
  private tryJoin(at: number): boolean {
    const join = this.join;
    if (!join || at - 1 < join.joinOffset || this.frames.length || this.backslash) return false;
    const open = this.logicalStart;
    if (open >= join.edited) return false;
    const oldOffset = at - join.offsetDelta;
    const oldLine = join.oldLines.lineAt(oldOffset);
    if (join.oldLines.lineStart(oldLine) !== oldOffset || join.old.depth[oldLine] !== this.depth) return false;
    if (open >= 0 && join.old.logicalEnd[open] < oldLine) return false;
    const lineDelta = this.line - oldLine;
    if (join.old.lineCount - oldLine !== this.scan.lineCount - this.line) return false;
    const scan = this.scan;
    for (const key of PER_LINE) {
      if (key !== 'logicalEnd') scan[key].set(join.old[key].subarray(oldLine), this.line);
    }
    const ends = join.old.logicalEnd;
    for (let line = oldLine; line < join.old.lineCount; line++) {
      scan.logicalEnd[line + lineDelta] = ends[line] >= 0 ? ends[line] + lineDelta : -1;
    }
    if (open >= 0) {
      scan.logicalEnd[open] = ends[open] + lineDelta;
      scan.endsWithColon[open] = join.old.endsWithColon[open];
    }
    scan.rescanned.to = this.line;
    scan.rescanned.lineDelta = lineDelta;
    this.finished = true;
    return true;
  }

  /** Skips code outside strings and fields, counting brackets; returns the next offset that needs attention. */
  private skipCode(from: number): number {
    const text = this.text;
    const length = text.length;
    let depth = this.depth;
    let p = from;
    for (; p < length; p++) {
      const c = text.charCodeAt(p);
      if (c >= 128) continue;
      if (CODE_STOP[c] === 1) break;
      const bracket = BRACKET[c];
      if (bracket > 0) depth++;
      else if (bracket < 0 && depth > 0) depth--;
    }
    this.depth = depth;
    return p;
  }

  private bracketOrColon(top: FieldFrame | undefined, c: number): void {
    const opens = c === 40 || c === 91 || c === LBRACE;
    if (top) {
      if (opens) top.depth++;
      else if (c === COLON) {
        // A `:` outside brackets starts the format spec.
        if (top.depth === 0) this.frames[this.frames.length - 1] = { kind: 'spec' };
      } else if (top.depth > 0) top.depth--;
      else this.frames.pop();
    } else if (opens) this.depth++;
    else if (c !== COLON && this.depth > 0) this.depth--;
  }

  private openString(at: number, quote: number): number {
    const prefix = stringPrefix(this.text, at);
    const triple = this.text.charCodeAt(at + 1) === quote && this.text.charCodeAt(at + 2) === quote;
    const formatted = prefix !== undefined && prefix.includes('f');
    this.frames.push({
      kind: 'string',
      quote,
      triple,
      formatted,
      raw: prefix !== undefined && prefix.includes('r'),
      stop: STRING_STOPS.get(String.fromCharCode(quote) + (formatted ? 'f' : ''))!,
    });
    return at + (triple ? 3 : 1);
  }

  /** Reads a string's text up to its end, a line break or an f-string field. */
  private readString(frame: StringFrame, at: number): number {
    const text = this.text;
    let p = at;
    for (;;) {
      p = search(frame.stop, text, p);
      if (p >= text.length) return p;
      const c = text.charCodeAt(p);
      if (c === NL || c === CR) {
        // A single-quoted string cannot span lines without `\`: recover at the line's end.
        if (!frame.triple) this.frames.pop();
        return this.lineBreak(p);
      }
      if (c === BACKSLASH) {
        const next = text.charCodeAt(p + 1);
        // `\` before a line break joins the lines; the string goes on.
        if (next === NL || next === CR) return this.lineBreak(p + 1);
        // `\N{…}` names a character in a non-raw f-string; other `\{` leave the brace a field.
        if (frame.formatted && !frame.raw && next === 78 && text.charCodeAt(p + 2) === LBRACE) {
          const close = text.indexOf('}', p + 3);
          p = close < 0 ? p + 3 : close + 1;
        } else p += next === LBRACE || next === RBRACE ? 1 : 2;
        continue;
      }
      if (c === frame.quote) {
        if (!frame.triple) return this.closeString(p + 1);
        if (text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === c) return this.closeString(p + 3);
        p++;
        continue;
      }
      // `{` or `}` in an f-string; doubled, they are text.
      if (text.charCodeAt(p + 1) === c) {
        p += 2;
        continue;
      }
      if (c === RBRACE) {
        p++;
        continue;
      }
      this.frames.push({ kind: 'field', depth: 0 });
      return p + 1;
    }
  }

  private closeString(after: number): number {
    this.frames.pop();
    return after;
  }

  private readSpec(at: number): number {
    const p = search(SPEC_STOP, this.text, at);
    if (p >= this.text.length) return p;
    const c = this.text.charCodeAt(p);
    if (c === NL || c === CR) return this.lineBreak(p);
    if (c === LBRACE) this.frames.push({ kind: 'field', depth: 0 });
    else this.frames.pop();
    return p + 1;
  }

  /** Consumes the line break at `at` (CR, LF or CRLF) and classifies the next line. */
  private lineBreak(at: number): number {
    const text = this.text;
    const after = text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === NL ? at + 2 : at + 1;
    this.endLine(at);
    this.line++;
    if (this.tryJoin(after)) return text.length;
    return this.startLine(after);
  }

  private endLine(at: number): void {
    const scan = this.scan;
    const line = this.line;
    if (this.backslash) scan.endsWithBackslash[line] = 1;
    else if (this.frames.length === 0 && this.depth === 0 && this.logicalStart >= 0) {
      scan.logicalEnd[this.logicalStart] = line;
      scan.endsWithColon[this.logicalStart] = this.endsWithColon(at) ? 1 : 0;
      this.logicalStart = -1;
    }
  }

  /** Whether the last token before `at` (the line's end, ignoring its comment) is `:`. */
  private endsWithColon(at: number): boolean {
    let p = this.commentStart >= 0 ? this.commentStart : at;
    while (p > 0 && isSpaceOrTab(this.text.charCodeAt(p - 1))) p--;
    // A string closing there would end in a quote, so this `:` is a token.
    return this.text.charCodeAt(p - 1) === COLON;
  }

  private startLine(at: number): number {
    const scan = this.scan;
    const line = this.line;
    this.commentStart = -1;
    if (line >= scan.lineCount) return at;
    const continued = this.backslash;
    this.backslash = false;
    const top = this.frames[this.frames.length - 1];
    if (top && top.kind !== 'field') {
      scan.inString[line] = 1;
      return at;
    }
    if (continued) scan.continued[line] = 1;
    else if (this.frames.length === 0) scan.depth[line] = this.depth;
    const text = this.text;
    let first = at;
    while (isSpaceOrTab(text.charCodeAt(first))) first++;
    const c = first < text.length ? text.charCodeAt(first) : NL;
    const kind = c === NL || c === CR ? BLANK : c === HASH ? COMMENT : CODE;
    scan.kind[line] = kind;
    if (this.frames.length === 0 && this.depth === 0 && !continued) {
      if (kind === COMMENT) scan.logicalEnd[line] = line;
      else if (kind === CODE && this.logicalStart < 0) this.logicalStart = line;
    }
    return first;
  }
}
