import type { DirtyRegion } from '../text/dirtyRegion';
import type { TextReader } from '../text/pieceText';

/**
 * Whether an edit (`region`, from `before` to `after`) inside the text of a
 * string changes no token but that text's. `content` is the extent in
 * `before` of a `string_content` node without escape sequences, which must
 * hold the region past its first character. The parser's scanner ends a
 * string's text only at a quote, a backslash, a line break or an f-string's
 * brace, and only looks ahead of a character, except after a backslash. So
 * when neither the text removed nor the text inserted holds one, nor the
 * character before them (in the string's text, the same in both) is one, nor
 * the string's text holds a backslash (the characters typed after one can
 * make an escape sequence of it), every token, and with them the tree, stays
 * as it was, that text's node aside, which grows or shrinks by the edit's length.
 */
export function keepsStringTokens(before: TextReader, after: TextReader, region: DirtyRegion, content: { start: number; end: number }): boolean {
  const { start, oldEnd, newEnd } = region;
  if (!(content.start < start && oldEnd <= content.end)) return false;
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
