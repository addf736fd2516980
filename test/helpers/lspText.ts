/**
 * LSP positions and edits computed from first principles (line splitting and
 * per-encoding column counting), independently of the server's LineIndex, so
 * that protocol tests can catch conversion bugs on either side.
 */
export type Encoding = 'utf-8' | 'utf-16';

export interface Position {
  line: number;
  character: number;
}

export interface LspTextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

/** Offsets where each line starts; `\r\n`, `\r` and `\n` end lines. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

function columnWidth(segment: string, encoding: Encoding): number {
  return encoding === 'utf-8' ? Buffer.byteLength(segment, 'utf8') : segment.length;
}

export function positionAt(text: string, offset: number, encoding: Encoding): Position {
  return positionsIn(text, encoding)(offset);
}

/** `positionAt` for many offsets of one text: its lines are found once. */
export function positionsIn(text: string, encoding: Encoding): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: columnWidth(text.slice(starts[low], offset), encoding) };
  };
}

export function offsetAt(text: string, position: Position, encoding: Encoding): number {
  const starts = lineStarts(text);
  const start = starts[position.line];
  if (start === undefined) throw new Error(`line ${position.line} is past the end`);
  let offset = start;
  let column = 0;
  while (column < position.character) {
    const codePoint = text.codePointAt(offset);
    if (codePoint === undefined || codePoint === 10 || codePoint === 13) throw new Error(`column ${position.character} is past the end of line ${position.line}`);
    const char = String.fromCodePoint(codePoint);
    column += columnWidth(char, encoding);
    offset += char.length;
  }
  if (column !== position.character) throw new Error(`column ${position.character} splits a character on line ${position.line}`);
  return offset;
}

/** Applies non-overlapping LSP edits (as a client does with a WorkspaceEdit). */
export function applyTextEdits(text: string, edits: readonly LspTextEdit[], encoding: Encoding): string {
  const spans = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start, encoding), end: offsetAt(text, edit.range.end, encoding), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  for (const span of spans) text = text.slice(0, span.start) + span.newText + text.slice(span.end);
  return text;
}

/** The LSP range of a text span, for building incremental changes. */
export function rangeOf(text: string, start: number, end: number, encoding: Encoding): { start: Position; end: Position } {
  return { start: positionAt(text, start, encoding), end: positionAt(text, end, encoding) };
}

/** Moves an offset off the middle of a surrogate pair or a CRLF (no client sends such positions). */
export function snap(text: string, offset: number): number {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  if (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return offset - 1;
  if (previous === 13 && next === 10) return offset - 1;
  return offset;
}
