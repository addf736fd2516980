import { coverRange, type DirtyRegion, type LineIndex } from '@pyreview/shared-rules';
import type { ParseCallback, Parser, Point, Range, Tree } from 'web-tree-sitter';

/**
 * Keystrokes inside one top-level statement reparse that statement alone.
 * Tree-sitter's incremental reparse of a whole file costs about the same
 * wherever the edit is (3-4 ms at 20k lines once the CPU has idled between
 * keystrokes); reparsing one statement costs a fraction of that.
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
 * statement of the edited (not reparsed) tree they fall in, up to the end of
 * the line of the region's end (typing at the end of a statement's last line
 * extends it). Undefined when the tree has errors or the region does not
 * start inside a statement.
 */
export function statementRange(tree: Tree, region: DirtyRegion, lines: LineIndex, pointAt: (offset: number) => Point): Range | undefined {
  const root = tree.rootNode;
  if (root.hasError || region.start === 0) return undefined;
  // The first top-level node ending at or after the region's start.
  const statement = root.firstChildForIndex(region.start - 1);
  if (!statement || statement.type === 'comment' || statement.startIndex >= region.start) return undefined;
  const end = Math.max(statement.endIndex, lines.lineContentEnd(lines.lineAt(region.newEnd)));
  return { startIndex: statement.startIndex, endIndex: end, startPosition: statement.startPosition, endPosition: pointAt(end) };
}

/**
 * Parses `range` alone, incrementally from `old`: the statement's previous
 * tree (edited in step) when there is one, else the whole file's edited tree.
 * Undefined unless the result is one error-free statement spanning the range.
 */
export function parseStatement(parser: Parser, read: ParseCallback, range: Range, old: Tree): Tree | undefined {
  const tree = parser.parse(read, old, { includedRanges: [range] });
  if (!tree) return undefined;
  const root = tree.rootNode;
  const only = root.childCount === 1 ? root.firstChild : null;
  if (!root.hasError && only && only.startIndex === range.startIndex && only.endIndex === range.endIndex) return tree;
  tree.delete();
  return undefined;
}

/**
 * The dirty region widened to what the statement's parse changed inside it.
 * Tree-sitter's changed ranges from the whole file's tree also report
 * everything outside the statement, which did not change: they are clipped.
 */
export function statementDirtyRegion(region: DirtyRegion, old: Tree, next: Tree): DirtyRegion {
  const { startIndex: low, endIndex: high } = next.rootNode;
  let covered = region;
  for (const range of old.getChangedRanges(next)) {
    const start = Math.max(range.startIndex, low);
    const end = Math.min(range.endIndex, high);
    if (start < end) covered = coverRange(covered, start, end);
  }
  return covered;
}
