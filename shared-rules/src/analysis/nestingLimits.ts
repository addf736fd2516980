import type { Finding } from '../findings/finding';
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

/**
 * The syntax error of code nested deeper than CPython accepts, or undefined.
 * The rules are not run on such code: they follow its nesting, and their
 * findings would be noise next to an error that stops the file from running.
 */
export function nestingError(units: readonly Unit[], classBlocks = 0): Omit<Finding, 'code'> | undefined {
  for (const unit of units) {
    const { segment } = unit;
    if (segment.brackets > MAX_BRACKETS) return at('SyntaxError: too many nested parentheses', segment.base + segment.bracketsAt);
    if (segment.blocks + classBlocks > MAX_INDENTATION) return at('IndentationError: too many levels of indentation', segment.base + segment.blocksAt);
    if (segment.depth > MAX_DEPTH) return at('RecursionError: maximum recursion depth exceeded during compilation', segment.base + segment.depthAt);
    const inner = unit.children && nestingError(unit.children, classBlocks + 1);
    if (inner) return inner;
  }
  return undefined;
}

function at(message: string, offset: number): Omit<Finding, 'code'> {
  return { message, start: offset, end: offset };
}
