/**
 * Python's logical lines in a cell's text, found without parsing: a line
 * continued by brackets, a backslash or a multi-line string belongs to the
 * line it started on. IPython recognises its own syntax only at the start
 * (or, for `?` help, the end) of a logical line, and so does the masking.
 */
export interface LogicalLine {
  /** Offset of the first physical line's start. */
  start: number;
  /** Offset of the first character after the indentation. */
  codeStart: number;
  /** Offset after the last character of the line's code (before a trailing comment and spaces). */
  codeEnd: number;
  /** Offset of the line break ending the logical line (or the end of the text). */
  end: number;
}

const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

function isLineBreak(char: string): boolean {
  return char === '\n' || char === '\r';
}

/** The offset after a line break starting at `offset`. */
function afterLineBreak(text: string, offset: number): number {
  return text[offset] === '\r' && text[offset + 1] === '\n' ? offset + 2 : offset + 1;
}

/** The offset after a string literal whose opening quote is at `offset` (the line's end for an unterminated one-line string). */
function stringEnd(text: string, offset: number): number {
  const quote = text[offset];
  const triple = text.startsWith(quote.repeat(3), offset);
  const closing = triple ? quote.repeat(3) : quote;
  let i = offset + closing.length;
  while (i < text.length) {
    const char = text[i];
    // A backslash keeps the next character in the string, in raw strings too.
    if (char === '\\') i += 2;
    else if (text.startsWith(closing, i)) return i + closing.length;
    else if (!triple && isLineBreak(char)) return i;
    else i++;
  }
  return text.length;
}

/** The logical lines of a text, blank and comment-only lines included. */
export function logicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let i = 0;
  while (i < text.length || (i === text.length && lines.length === 0)) {
    const start = i;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\f') i++;
    const codeStart = i;
    let codeEnd = i;
    let depth = 0;
    while (i < text.length) {
      const char = text[i];
      if (char === '#') {
        while (i < text.length && !isLineBreak(text[i])) i++;
        continue;
      }
      if (isLineBreak(char)) {
        if (depth > 0) {
          i = afterLineBreak(text, i);
          continue;
        }
        break;
      }
      if (char === '\\' && isLineBreak(text[i + 1] ?? '')) {
        i = afterLineBreak(text, i + 1);
        continue;
      }
      if (char === '"' || char === "'") {
        i = stringEnd(text, i);
        codeEnd = i;
        continue;
      }
      if (OPENING.has(char)) depth++;
      else if (CLOSING.has(char) && depth > 0) depth--;
      i++;
      if (char !== ' ' && char !== '\t' && char !== '\f') codeEnd = i;
    }
    lines.push({ start, codeStart, codeEnd, end: i });
    if (i >= text.length) break;
    i = afterLineBreak(text, i);
  }
  return lines;
}
