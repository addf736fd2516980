import type { DirtyRegion } from '../text/dirtyRegion';
import { T } from './grammar';
import { HARD_KEYWORDS } from './keywords';
import type { TextReader } from '../text/pieceText';

/*
 * Whether an edit inside one token changes no token but that one: the tree
 * then stays as it was, that token's node aside, which grows or shrinks by
 * the edit's length (see `DocumentUnits.updateInToken`).
 */

/**
 * Whether an edit (`region`, from `before` to `after`) inside the token of a
 * leaf of type `type`, at `token` in `before`, changes no token but that one.
 * The token must hold the region past its first character (a string's text
 * or a name then goes on before the edit, a comment keeps its `#`).
 */
export function keepsToken(type: number, before: TextReader, after: TextReader, region: DirtyRegion, token: { start: number; end: number }): boolean {
  if (!(token.start < region.start && region.oldEnd <= token.end)) return false;
  switch (type) {
    case T.string_content: return keepsStringTokens(before, after, region, token);
    case T.identifier: return keepsIdentifierToken(before, after, region, token);
    case T.comment: return keepsCommentToken(before, after, region);
    default: return false;
  }
}

/**
 * Whether an edit inside the text of a string changes no token but that
 * text's. `content` is the extent in `before` of a `string_content` node
 * without escape sequences. The parser's scanner ends a string's text only
 * at a quote, a backslash, a line break or an f-string's brace, and only
 * looks ahead of a character, except after a backslash. So
 * when neither the text removed nor the text inserted holds one, nor the
 * character before them (in the string's text, the same in both) is one, nor
 * the string's text holds a backslash (the characters typed after one can
 * make an escape sequence of it), every token, and with them the tree, stays
 * as it was, that text's node aside, which grows or shrinks by the edit's length.
 */
function keepsStringTokens(before: TextReader, after: TextReader, region: DirtyRegion, content: { start: number; end: number }): boolean {
  const { start, oldEnd, newEnd } = region;
  for (let i = content.start; i < content.end; i++) if (before.charCodeAt(i) === BACKSLASH) return false;
  return ordinary(before, start - 1, oldEnd) && ordinary(after, start, newEnd);
}

/** Whether `text` from `from` to `to` holds none of the characters that end a string's text (nor a surrogate, whose pair an edit may split). */
function ordinary(text: TextReader, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (ENDS_TEXT.has(code) || (code >= 0xd800 && code <= 0xdfff)) return false;
  }
  return true;
}

const BACKSLASH = 0x5c;
/** Quotes, backslash, line breaks, braces, NUL. */
const ENDS_TEXT = new Set([0x22, 0x27, BACKSLASH, 0x0a, 0x0d, 0x7b, 0x7d, 0x00]);

/**
 * Words the parser reads as keywords rather than names: Python's hard and
 * soft keywords, the statements of Python 2 the grammar accepts, and
 * `__future__`. A test checks that every word-like token of the grammar is here.
 */
export const KEYWORDS: ReadonlySet<string> = new Set([...HARD_KEYWORDS, 'match', 'case', 'type', '_', 'print', 'exec', '__future__']);

/**
 * Whether an edit inside an identifier changes no token but that
 * identifier. `name` is the extent in `before` of an `identifier` node. The lexer reads a name as long as letters, digits and underscores follow,
 * so when the text removed and the text inserted hold only those (ASCII),
 * the name stays one token; and when it is a keyword neither before nor
 * after, that token stays a name. Every token, and with them the tree, then
 * stays as it was, that name's node aside, which grows or shrinks by the
 * edit's length.
 */
function keepsIdentifierToken(before: TextReader, after: TextReader, region: DirtyRegion, name: { start: number; end: number }): boolean {
  const { start, oldEnd, newEnd } = region;
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

/**
 * Whether an edit inside a comment changes no token but that comment. A
 * comment runs to the end of its line whatever it holds, so an edit that
 * removes and inserts no line break leaves it one comment.
 */
function keepsCommentToken(before: TextReader, after: TextReader, region: DirtyRegion): boolean {
  const { start, oldEnd, newEnd } = region;
  return !breaksLine(before, start, oldEnd) && !breaksLine(after, start, newEnd);
}

function breaksLine(text: TextReader, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
  }
  return false;
}
