import type { TextReader } from './pieceText';

/*
 * The line around an offset, found by searching the text for LFs (rules read
 * a lone CR as LF): fixes look at a few lines, and need no line index for it.
 */

/** Where the line holding `offset` starts. */
export function lineStartOf(text: TextReader, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends: at its LF, or at the text's end. */
export function lineEndOf(text: TextReader, offset: number): number {
  const index = text.indexOf('\n', offset);
  return index === -1 ? text.length : index;
}

/** Where the line after `offset`'s line starts, or the text's length on its last line. */
export function nextLineStartOf(text: TextReader, offset: number): number {
  return Math.min(text.length, lineEndOf(text, offset) + 1);
}

/** The line break the text's first line ends with (`\n` when it has none): the one a fix writes. */
export function newlineOf(text: TextReader): string {
  const index = text.indexOf('\n');
  return index > 0 && text.charCodeAt(index - 1) === 13 ? '\r\n' : '\n';
}

/** The first character from `offset` on that is not whitespace (`\S`), or the text's length: read a line at a time. */
export function nextNonWhitespace(text: TextReader, offset: number): number {
  for (let at = offset; at < text.length; ) {
    const end = nextLineStartOf(text, at);
    const found = /\S/.exec(text.slice(at, end));
    if (found) return at + found.index;
    at = end;
  }
  return text.length;
}
