import type { Tree } from 'web-tree-sitter';
import type { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../text/textEdit';
import { selectorMatches } from '../config/settings';

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
}

// flake8's syntax: `# noqa`, `# noqa:E1,W2`, `# NOQA: E501 W291`; codes match by prefix.
// Only spaces and tabs separate codes: a directive never runs into the next line.
const LINE_DIRECTIVE = /#[ \t]*noqa(?::[ \t]?((?:[a-z]+[0-9]+(?:[, \t]+)?)+))?/gi;
const FILE_DIRECTIVE = /#[ \t]*(?:pyreview|flake8)[ \t]*:[ \t]*noqa(?::[ \t]?((?:[a-z]+[0-9]+(?:[, \t]+)?)+))?/gi;

function parseCodes(list: string | undefined): NoqaCodes {
  if (!list) return 'all';
  return list.split(/[,\s]+/).filter(Boolean).map((code) => code.toUpperCase());
}

function isInComment(tree: Tree, offset: number): boolean {
  return tree.rootNode.descendantForIndex(offset)?.type === 'comment';
}

export function scanNoqa(text: string, tree: Tree, lines: LineIndex): NoqaIndex {
  const index: NoqaIndex = { lines: new Map() };
  // A cheap textual pre-check keeps this at one regex pass for most files.
  if (!/noqa/i.test(text)) return index;
  for (const match of text.matchAll(FILE_DIRECTIVE)) {
    if (!isInComment(tree, match.index!)) continue;
    const codes = parseCodes(match[1]);
    index.file = codes === 'all' || index.file === 'all' ? 'all' : [...(index.file ?? []), ...codes];
  }
  for (const match of text.matchAll(LINE_DIRECTIVE)) {
    const start = match.index!;
    if (!isInComment(tree, start)) continue;
    const line = lines.lineAt(start);
    index.lines.set(line, { line, codes: parseCodes(match[1]), start, end: start + match[0].length });
  }
  return index;
}

function codesMatch(codes: NoqaCodes, code: string): boolean {
  return codes === 'all' || codes.some((selector) => selectorMatches(selector, code));
}

/**
 * Groups physical lines the way flake8 does for `# noqa`: the lines of a
 * multi-line string, and lines joined by a backslash continuation, share one
 * directive. Works from the text and the multi-line string ranges the walk
 * recorded, so it costs no tree access per finding.
 */
export class NoqaLineGroups {
  constructor(
    private readonly text: string,
    private readonly tree: Tree,
    private readonly lines: LineIndex,
    /** Start/end pairs of multi-line strings, sorted by start. */
    private readonly multilineStrings: readonly number[],
  ) {}

  group(line: number): { first: number; last: number } {
    let first = line;
    while (first > 0 && this.continuesOnNextLine(first - 1)) first--;
    let last = line;
    while (this.continuesOnNextLine(last)) last++;
    return { first, last };
  }

  private insideMultilineString(offset: number): boolean {
    const ranges = this.multilineStrings;
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

  private continuesOnNextLine(line: number): boolean {
    if (line + 1 >= this.lines.lineCount) return false;
    const lineEnd = this.lines.lineContentEnd(line);
    if (this.insideMultilineString(lineEnd)) return true;
    if (this.text.charCodeAt(lineEnd - 1) !== 92 /* \ */) return false;
    // A backslash ending a comment continues nothing; ask the tree only in that rare case.
    const lineText = this.lines.lineText(line);
    return !lineText.includes('#') || this.tree.rootNode.descendantForIndex(lineEnd - 1)?.type !== 'comment';
  }
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
