import { coverRange, NodeFlag, T, type DirtyRegion, type DocumentUnits, type LineIndex, type ParseRange, type ParseTree, type Point, type PythonParser, type TextReader } from '@pyreview/shared-rules';

/**
 * Keystrokes inside one top-level statement reparse that statement alone.
 * Tree-sitter's incremental reparse of a whole file costs about the same
 * wherever the edit is; reparsing one statement costs a fraction of that.
 *
 * Python's top-level statements parse independently: each starts at column 0
 * with no bracket open and the indentation stack empty, as a parse of it
 * alone does. So when the whole tree had no error, a statement parsed alone
 * that comes out error-free as exactly one statement spanning its range is
 * what the whole file's parse would give there: an edit that leaves a bracket
 * or a string open, or splits or joins statements, fails that test and the
 * whole file is reparsed.
 */

/**
 * The range to parse alone for the edits in `region`: the top-level
 * statement of the units (of the text before the edits) they fall in, up to
 * the end of the line of the region's end (typing at the end of a
 * statement's last line extends it), the CR of a CRLF included. Undefined
 * when the tree has errors or the region does not start inside a statement
 * or at the start of its line.
 */
export function statementRange(units: DocumentUnits, region: DirtyRegion, lines: LineIndex, pointAt: (offset: number) => Point): ParseRange | undefined {
  const tree = units.tree;
  if (tree.hasError(tree.root) || region.start === 0) return undefined;
  // The first top-level unit ending after the character before the region.
  const statement = units.current[units.indexEndingAfter(region.start - 1)];
  if (!statement || statement.type === T.comment || statement.start > region.start) return undefined;
  // An edit at the start of a statement's first line: what the line starts with now must be code, not
  // indentation (the line would join the block above) nor a comment.
  if (statement.start === region.start && !(isLineBreak(lines.text.charCodeAt(region.start - 1)) && startsCode(lines.text.charCodeAt(region.start)))) return undefined;
  // Its end in the edited text: an edit inside it moved its end.
  const statementEnd = statement.end >= region.oldEnd ? statement.end + region.newEnd - region.oldEnd : statement.end;
  const contentEnd = Math.max(statementEnd, lines.lineContentEnd(lines.lineAt(region.newEnd)));
  // A comment ending the statement runs on to the LF, taking the CR of a CRLF (a lone CR reaches the parser as an LF).
  const end = isCrlf(lines.text, contentEnd) ? contentEnd + 1 : contentEnd;
  return { start: statement.start, end, startPoint: pointAt(statement.start), endPoint: pointAt(end) };
}

/** Whether a CRLF starts at `offset`. */
function isCrlf(text: TextReader, offset: number): boolean {
  return text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Whether a character can start a statement: not a space, line break, comment or line continuation. */
function startsCode(code: number): boolean {
  return !(code === 32 || code === 9 || code === 12 || isLineBreak(code) || code === 35 || code === 92 || Number.isNaN(code));
}

/**
 * Parses `range` alone, incrementally from `old`: the statement's previous
 * tree (edited in step) when there is one, else the whole file's edited tree.
 * Undefined unless the result is one error-free statement spanning the range
 * (but for the CR of a CRLF at its end).
 */
export function parseStatement(parser: PythonParser, text: TextReader, range: ParseRange, old: ParseTree): ParseTree | undefined {
  const tree = parser.parse(text, old, range);
  const cursor = tree.cursor();
  let single = false;
  try {
    if (!((cursor.info() >>> 24) & NodeFlag.HasError) && cursor.firstChild()) {
      // Up to the range's end, or to the CR of a CRLF ending it: the whole file's parse ends it there too.
      const end = cursor.end();
      single = cursor.start() === range.start && (end === range.end || (end === range.end - 1 && isCrlf(text, end))) && !cursor.nextSibling();
    }
  } finally {
    cursor.close();
  }
  if (single) return tree;
  tree.delete();
  return undefined;
}

/**
 * The dirty region widened to what the statement's parse changed inside it.
 * Tree-sitter's changed ranges from the whole file's tree also report
 * everything outside the statement, which did not change: they are clipped.
 */
export function statementDirtyRegion(region: DirtyRegion, old: ParseTree, next: ParseTree): DirtyRegion {
  const { start: low, end: high } = next.root();
  let covered = region;
  for (const range of old.changedRanges(next)) {
    const start = Math.max(range.start, low);
    const end = Math.min(range.end, high);
    if (start < end) covered = coverRange(covered, start, end);
  }
  return covered;
}
