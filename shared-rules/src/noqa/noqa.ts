import { T } from '../syntax/grammar';
import type { SyntaxTree } from '../syntax/tree';
import type { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../text/textEdit';
import { selectorMatches } from '../config/settings';
import type { DirtyRegion } from '../text/dirtyRegion';
import type { TextReader } from '../text/pieceText';

/** Codes listed by a directive, or `all` for a blanket `# noqa`. */
export type NoqaCodes = 'all' | string[];

export interface NoqaDirective {
  line: number;
  codes: NoqaCodes;
  /** Offsets of the directive text (`# noqa: …`) inside its comment. */
  start: number;
  end: number;
}

export interface NoqaIndex {
  /** From `# pyreview: noqa` or `# flake8: noqa` anywhere in the file. */
  file?: NoqaCodes;
  lines: Map<number, NoqaDirective>;
  /** The file-level directives by line, which `file` combines. */
  fileDirectives: Map<number, NoqaCodes>;
}

// flake8's syntax: `# noqa`, `# noqa:E1,W2`, `# NOQA: E501 W291`; codes match by prefix.
// Only spaces and tabs separate codes: a directive never runs into the next line.
const LINE_DIRECTIVE = /#[ \t]*noqa(?::[ \t]?((?:[a-z]+[0-9]+(?:[, \t]+)?)+))?/gi;
const FILE_DIRECTIVE = /#[ \t]*(?:pyreview|flake8)[ \t]*:[ \t]*noqa(?::[ \t]?((?:[a-z]+[0-9]+(?:[, \t]+)?)+))?/gi;

function parseCodes(list: string | undefined): NoqaCodes {
  if (!list) return 'all';
  return list.split(/[,\s]+/).filter(Boolean).map((code) => code.toUpperCase());
}

/** Whether the character at an offset belongs to a comment. */
export type CommentTest = (offset: number) => boolean;

/** The comment test of a tree. */
export function commentsOf(tree: SyntaxTree): CommentTest {
  return (offset) => tree.type(tree.descendantForRange(offset)) === T.comment;
}

/** Adds the directives on lines `first`..`last` to the index. */
function scanLines(text: TextReader, isComment: CommentTest, lines: LineIndex, first: number, last: number, index: NoqaIndex): void {
  const from = lines.lineStart(first);
  const to = lines.lineContentEnd(last);
  const span = from === 0 && to === text.length ? text.toString() : text.slice(from, to);
  // A cheap textual pre-check keeps this at one regex pass for most files.
  if (!/noqa/i.test(span)) return;
  for (const match of span.matchAll(FILE_DIRECTIVE)) {
    const start = from + match.index!;
    if (isComment(start)) index.fileDirectives.set(lines.lineAt(start), parseCodes(match[1]));
  }
  for (const match of span.matchAll(LINE_DIRECTIVE)) {
    const start = from + match.index!;
    if (!isComment(start)) continue;
    const line = lines.lineAt(start);
    index.lines.set(line, { line, codes: parseCodes(match[1]), start, end: start + match[0].length });
  }
}

/** Sets `file` from the file-level directives, in line order. */
function combineFileDirectives(index: NoqaIndex): NoqaIndex {
  const ordered = [...index.fileDirectives].sort(([a], [b]) => a - b);
  for (const [, codes] of ordered) {
    index.file = codes === 'all' || index.file === 'all' ? 'all' : [...(index.file ?? []), ...codes];
  }
  return index;
}

export function scanNoqa(text: TextReader, isComment: CommentTest, lines: LineIndex): NoqaIndex {
  const index: NoqaIndex = { lines: new Map(), fileDirectives: new Map() };
  scanLines(text, isComment, lines, 0, lines.lineCount - 1, index);
  return combineFileDirectives(index);
}

/** The directives of one line (what `addNoqaEdit` and hovers need), without scanning the whole text. */
export function scanNoqaLine(text: TextReader, isComment: CommentTest, lines: LineIndex, line: number): NoqaIndex {
  const index: NoqaIndex = { lines: new Map(), fileDirectives: new Map() };
  scanLines(text, isComment, lines, line, line, index);
  return combineFileDirectives(index);
}

/**
 * The index of the text after an edit, from the index before it: directives
 * outside the dirty region move with their lines, and only the region's lines
 * are scanned again (a whole-text scan per keystroke would grow with the file).
 */
export function updateNoqa(previous: NoqaIndex, previousLineCount: number, text: TextReader, isComment: CommentTest, lines: LineIndex, dirty: DirtyRegion): NoqaIndex {
  const lineDelta = lines.lineCount - previousLineCount;
  const offsetDelta = dirty.newEnd - dirty.oldEnd;
  // A line of margin on each side: an edit can join or split the lines at its ends.
  const first = Math.max(0, lines.lineAt(dirty.start) - 1);
  const last = Math.min(lines.lineCount - 1, lines.lineAt(dirty.newEnd) + 1);
  const lastBefore = last - lineDelta;
  const index: NoqaIndex = { lines: new Map(), fileDirectives: new Map() };
  for (const [line, directive] of previous.lines) {
    if (line < first) index.lines.set(line, directive);
    else if (line > lastBefore) {
      const moved = line + lineDelta;
      index.lines.set(moved, { line: moved, codes: directive.codes, start: directive.start + offsetDelta, end: directive.end + offsetDelta });
    }
  }
  for (const [line, codes] of previous.fileDirectives) {
    if (line < first) index.fileDirectives.set(line, codes);
    else if (line > lastBefore) index.fileDirectives.set(line + lineDelta, codes);
  }
  scanLines(text, isComment, lines, first, last, index);
  return combineFileDirectives(index);
}

function codesMatch(codes: NoqaCodes, code: string): boolean {
  return codes === 'all' || codes.some((selector) => selectorMatches(selector, code));
}

/** Whether `offset` lies inside one of `ranges`: start/end pairs of strings, sorted by start. */
export function insideStringRanges(ranges: readonly number[], offset: number): boolean {
  // Binary search for the last string starting before the offset.
  let low = 0;
  let high = ranges.length / 2 - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ranges[mid * 2] < offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // Strings do not overlap except when nested in f-string replacement fields, inside their outer string.
  for (let i = found; i >= 0 && i > found - 4; i--) if (ranges[i * 2 + 1] > offset) return true;
  return false;
}

/**
 * Groups physical lines the way flake8 does for `# noqa`: the lines of a
 * multi-line string, and lines joined by a backslash continuation, share one
 * directive. Works from the text and the multi-line strings the walk
 * recorded, so it costs no tree access per finding.
 */
export class NoqaLineGroups {
  /** The line `last` was last asked about, and its answer: the findings of one statement often share a line. */
  private asked = -1;
  private answer = -1;

  constructor(
    private readonly text: TextReader,
    private readonly isComment: CommentTest,
    private readonly lines: LineIndex,
    private readonly insideMultilineString: (offset: number) => boolean,
  ) {}

  /** The first line of the group holding `line`. */
  first(line: number): number {
    let first = line;
    while (first > 0 && this.continuesOnNextLine(first - 1)) first--;
    return first;
  }

  /** The last line of the group holding `line`: where a `# noqa` for it goes. */
  last(line: number): number {
    if (line === this.asked) return this.answer;
    let last = line;
    while (this.continuesOnNextLine(last)) last++;
    this.asked = line;
    this.answer = last;
    return last;
  }

  private continuesOnNextLine(line: number): boolean {
    if (line + 1 >= this.lines.lineCount) return false;
    const lineEnd = this.lines.lineContentEnd(line);
    if (this.insideMultilineString(lineEnd)) return true;
    if (this.text.charCodeAt(lineEnd - 1) !== 92 /* \ */) return false;
    // A backslash ending a comment continues nothing; ask the tree only in that rare case.
    const lineText = this.lines.lineText(line);
    return !lineText.includes('#') || !this.isComment(lineEnd - 1);
  }
}

/** Whether the index holds any directive: without one, no finding is suppressed and no group needs its first line. */
export function hasDirectives(index: NoqaIndex): boolean {
  return index.file !== undefined || index.lines.size > 0;
}

export function isSuppressed(index: NoqaIndex, code: string, group: { first: number; last: number }): boolean {
  if (index.file && codesMatch(index.file, code)) return true;
  for (let line = group.first; line <= group.last; line++) {
    const directive = index.lines.get(line);
    if (directive && codesMatch(directive.codes, code)) return true;
  }
  return false;
}

/**
 * The edit that silences `code` on `line`: extends an existing `# noqa: …`
 * list, or appends `  # noqa: CODE` (before nothing: the comment goes last).
 */
export function addNoqaEdit(lines: LineIndex, index: NoqaIndex, line: number, codes: readonly string[]): TextEdit | undefined {
  const directive = index.lines.get(line);
  if (directive) {
    if (directive.codes === 'all') return undefined;
    const missing = codes.filter((code) => !(directive.codes as string[]).includes(code));
    if (!missing.length) return undefined;
    const merged = [...directive.codes, ...missing].join(', ');
    return { start: directive.start, end: directive.end, newText: `# noqa: ${merged}` };
  }
  const end = lines.lineContentEnd(line);
  const content = lines.lineText(line);
  const trimmedEnd = lines.lineStart(line) + content.trimEnd().length;
  return { start: trimmedEnd, end, newText: `  # noqa: ${codes.join(', ')}` };
}
