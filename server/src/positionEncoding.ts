import type { LineIndex } from '@pyreview/shared-rules';
import type { InitializeParams, Position, Range } from 'vscode-languageserver';

/** The column unit agreed with the client: LSP positions are counted in it. */
export type PositionEncoding = 'utf-8' | 'utf-16';

/**
 * Prefers UTF-8 when the client offers it (no conversion of byte columns on
 * its side); every client must support UTF-16, the protocol's default.
 */
export function negotiatePositionEncoding(params: InitializeParams): PositionEncoding {
  const offered = params.capabilities.general?.positionEncodings ?? [];
  return offered.includes('utf-8') ? 'utf-8' : 'utf-16';
}

/** The text offset of a client position; out-of-range positions are clamped to the text. */
export function offsetAt(lines: LineIndex, position: Position, encoding: PositionEncoding): number {
  return lines.offset({ line: position.line, character: position.character }, encoding);
}

export function positionAt(lines: LineIndex, offset: number, encoding: PositionEncoding): Position {
  return lines.position(offset, encoding);
}

export function rangeOf(lines: LineIndex, start: number, end: number, encoding: PositionEncoding): Range {
  return { start: positionAt(lines, start, encoding), end: positionAt(lines, end, encoding) };
}

/** Whether `rangeOf(lines, start, end, encoding)` is `range`, without searching for their lines. */
export function isRangeOf(lines: LineIndex, range: Range, start: number, end: number, encoding: PositionEncoding): boolean {
  return lines.isPosition(start, range.start, encoding) && lines.isPosition(end, range.end, encoding);
}

/** Offsets of a client range, clamped and ordered (a reversed range is read as its mirror). */
export function offsetsOf(lines: LineIndex, range: Range, encoding: PositionEncoding): { start: number; end: number } {
  const a = offsetAt(lines, range.start, encoding);
  const b = offsetAt(lines, range.end, encoding);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}
