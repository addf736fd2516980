/**
 * What the parser reads of `text[start, end)`. Python ends a line at `\n`,
 * `\r\n` or a lone `\r` (old Mac files); tree-sitter's grammar only at `\n`.
 * So a lone `\r` is read as `\n`: one character for one, so that every offset
 * into the text is the same offset into what the parser read, and the
 * parser's rows are the lines of LineIndex. Every parse of a file's text goes
 * through here.
 */
export function parserInput(text: string, start = 0, end = text.length): string {
  const slice = start === 0 && end >= text.length ? text : text.slice(start, end);
  if (!slice.includes('\r')) return slice;
  const mapped = slice.replace(/\r(?!\n)/g, '\n');
  // A CR ending the slice is lone only if the text after the slice does not go on with an LF.
  return slice.endsWith('\r') && text.charCodeAt(start + slice.length) === 10 ? `${mapped.slice(0, -1)}\r` : mapped;
}
