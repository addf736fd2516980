import type { Node, Tree } from 'web-tree-sitter';
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
const LINE_DIRECTIVE = /#\s*noqa(?::\s?((?:[a-z]+[0-9]+(?:[,\s]+)?)+))?/gi;
const FILE_DIRECTIVE = /#\s*(?:pyreview|flake8)\s*:\s*noqa(?::\s?((?:[a-z]+[0-9]+(?:[,\s]+)?)+))?/gi;

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

function enclosingString(node: Node | null): Node | undefined {
  for (let current = node; current; current = current.parent) {
    if (current.type === 'string') return current;
    if (current.type === 'module' || current.type === 'block') return undefined;
  }
  return undefined;
}

/**
 * Whether line `line` continues into the next physical line within one token
 * group, as flake8 groups them for `# noqa`: inside a multi-line string or
 * after a backslash continuation.
 */
function continuesOnNextLine(text: string, tree: Tree, lines: LineIndex, line: number): boolean {
  if (line + 1 >= lines.lineCount) return false;
  const lineEnd = lines.lineContentEnd(line);
  const node = tree.rootNode.descendantForIndex(Math.max(lineEnd - 1, 0), lineEnd);
  const string = enclosingString(node);
  if (string && string.startIndex < lineEnd && string.endIndex > lineEnd) return true;
  return text.charCodeAt(lineEnd - 1) === 92 /* \ */ && node?.type !== 'comment' && !string;
}

/** The lines that share one `# noqa` with `line` (multi-line strings, `\` continuations). */
export function noqaLineGroup(text: string, tree: Tree, lines: LineIndex, line: number): { first: number; last: number } {
  let first = line;
  while (first > 0 && continuesOnNextLine(text, tree, lines, first - 1)) first--;
  let last = line;
  while (continuesOnNextLine(text, tree, lines, last)) last++;
  return { first, last };
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
