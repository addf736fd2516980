import type { DirtyRegion } from '../text/dirtyRegion';
import type { TextReader } from '../text/pieceText';

/**
 * Words the parser reads as keywords rather than names: Python's keywords
 * and soft keywords, the statements of Python 2 the grammar accepts, and
 * `__future__`. A test checks that every word-like token of the grammar is here.
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type', '_', 'print', 'exec', '__future__',
]);

/**
 * Whether an edit (`region`, from `before` to `after`) inside an identifier
 * changes no token but that identifier. `name` is the extent in `before` of
 * an `identifier` node, which must hold the region past its first character.
 * The lexer reads a name as long as letters, digits and underscores follow,
 * so when the text removed and the text inserted hold only those (ASCII),
 * the name stays one token; and when it is a keyword neither before nor
 * after, that token stays a name. Every token, and with them the tree, then
 * stays as it was, that name's node aside, which grows or shrinks by the
 * edit's length.
 */
export function keepsIdentifierToken(before: TextReader, after: TextReader, region: DirtyRegion, name: { start: number; end: number }): boolean {
  const { start, oldEnd, newEnd } = region;
  if (!(name.start < start && oldEnd <= name.end)) return false;
  if (!nameCharacters(before, start, oldEnd) || !nameCharacters(after, start, newEnd)) return false;
  const newName = { start: name.start, end: name.end + newEnd - oldEnd };
  return !KEYWORDS.has(before.slice(name.start, name.end)) && !KEYWORDS.has(after.slice(newName.start, newName.end));
}

/** Whether `text` from `from` to `to` holds only ASCII letters, digits and underscores. */
function nameCharacters(text: TextReader, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const letter = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
    if (!(letter || (code >= 0x30 && code <= 0x39) || code === 0x5f)) return false;
  }
  return true;
}
