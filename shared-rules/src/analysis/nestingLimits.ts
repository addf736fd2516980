import type { Finding } from '../findings/finding';
import { K, T } from '../syntax/grammar';
import type { NodeId, Segment, SyntaxTree } from '../syntax/tree';
import type { LineIndex } from '../text/lineIndex';
import type { Unit } from './units';

/**
 * CPython's limits on nesting: its tokenizer accepts 200 brackets open at
 * once and 99 levels of indentation, and its compiler recurses on the
 * syntax tree and gives up about 3,000 levels down (1,000 frames of
 * recursion, three levels each). Code past them is not Python that runs.
 */
const MAX_BRACKETS = 200;
const MAX_INDENTATION = 99;
const MAX_DEPTH = 3000;

const OPENING = new Set<number>([K['('], K['['], K['{']]);
const CLOSING = new Set<number>([K[')'], K[']'], K['}']]);

/**
 * The syntax error of code nested deeper than CPython accepts, or undefined,
 * where CPython's tokenizer reports it: at the first bracket past the limit,
 * at the start of the first line indented past it.
 * The rules are not run on such code: they follow its nesting, and their
 * findings would be noise next to an error that stops the file from running.
 */
export function nestingError(units: readonly Unit[], tree: SyntaxTree, lines: LineIndex, classBlocks = 0): Omit<Finding, 'code'> | undefined {
  for (const unit of units) {
    const { segment } = unit;
    if (segment.brackets > MAX_BRACKETS) return at('SyntaxError: too many nested parentheses', firstBracketPastLimit(tree, segment));
    if (segment.blocks + classBlocks > MAX_INDENTATION) {
      return at('IndentationError: too many levels of indentation', lines.lineStart(lines.lineAt(firstBlockPastLimit(tree, segment, classBlocks))));
    }
    if (segment.depth > MAX_DEPTH) return at('RecursionError: maximum recursion depth exceeded during compilation', segment.base + segment.depthAt);
    const inner = unit.children && nestingError(unit.children, tree, lines, classBlocks + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** The segment's records in document order, each with the index after its subtree. */
function* records(tree: SyntaxTree, segment: Segment): Generator<{ node: NodeId; after: number }> {
  for (let node = segment.first; node < segment.first + segment.count; node++) {
    yield { node: node as NodeId, after: tree.recordRange(node as NodeId).after };
  }
}

/** The opening bracket that is the limit's first one too many (brackets in strings are not tokens). */
function firstBracketPastLimit(tree: SyntaxTree, segment: Segment): number {
  let open = 0;
  let stringAfter = -1;
  for (const { node, after } of records(tree, segment)) {
    if (node < stringAfter) continue;
    const type = tree.type(node);
    if (type === T.string) stringAfter = after;
    else if (OPENING.has(type) && ++open > MAX_BRACKETS) return tree.start(node);
    else if (CLOSING.has(type) && open > 0) open--;
  }
  return segment.base + segment.bracketsAt;
}

/** The first block that opens an indentation level past the limit (a class body split off is counted by the caller). */
function firstBlockPastLimit(tree: SyntaxTree, segment: Segment, classBlocks: number): number {
  const openBlocks: number[] = [];
  const splitBody = segment.splitAt < 0 ? -1 : segment.first + segment.splitAt;
  for (const { node, after } of records(tree, segment)) {
    while (openBlocks.length > 0 && openBlocks[openBlocks.length - 1] <= node) openBlocks.pop();
    if (tree.type(node) !== T.block || node === splitBody) continue;
    openBlocks.push(after);
    if (openBlocks.length + classBlocks > MAX_INDENTATION) return tree.start(node);
  }
  return segment.base + segment.blocksAt;
}

function at(message: string, offset: number): Omit<Finding, 'code'> {
  return { message, start: offset, end: offset };
}
