import { F, T } from '../syntax/grammar';
import { NONE, type NodeId, type Segment, type SyntaxTree } from '../syntax/tree';
import type { TextReader } from '../text/pieceText';

const TYPE_COMMENT = /^#\s*type:\s*/;
/** pyflakes' test: `ignore` followed by an ASCII character that is not a letter or digit (`_` included), or nothing. */
// eslint-disable-next-line no-control-regex
const TYPE_IGNORE = /^#\s*type:\s*ignore([\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]|$)/;
const FUNCTION_SIGNATURE = /^(\(.*?\))\s*->\s*(.*)$/;
const TYPEABLE = new Set<number>([T.assignment, T.for_statement, T.function_definition, T.with_statement]);

export interface TypeComment {
  node: NodeId;
  /** The type expressions it holds: one, or the argument list and the return type of a signature. */
  text: string[];
}

function isTypeable(tree: SyntaxTree, node: NodeId): boolean {
  if (!TYPEABLE.has(tree.type(node))) return false;
  if (tree.type(node) !== T.assignment) return true;
  // Only the outermost assignment of a chain is a statement.
  const parent = tree.parent(node);
  return !!parent && tree.type(parent) === T.expression_statement && !tree.field(node, F.type);
}

/** The last typeable node, in source pre-order, that starts at or before `offset`. */
function lastTypeable(tree: SyntaxTree, node: NodeId, offset: number): NodeId | undefined {
  const children = tree.children(node);
  for (let i = children.length - 1; i >= 0; i--) {
    if (tree.start(children[i]) > offset) continue;
    const found = lastTypeable(tree, children[i], offset);
    if (found) return found;
  }
  return isTypeable(tree, node) ? node : undefined;
}

/**
 * `lastTypeable` of the module for a node at `offset` inside its statement
 * `statement`: the statements before it are reached through their segments'
 * links, not a list of every statement.
 */
function lastTypeableBefore(tree: SyntaxTree, statement: NodeId, offset: number): NodeId | undefined {
  for (let node = statement; node !== NONE; node = tree.previousSibling(node)) {
    const found = lastTypeable(tree, node, offset);
    if (found) return found;
  }
  return undefined;
}

/**
 * The module-level unit holding `offset`, or the last before it, looked for
 * from `from` (a unit at or before it) through the units' links: offsets
 * searched in increasing order walk the units once.
 */
function unitAt(tree: SyntaxTree, from: Segment | undefined, offset: number): Segment | undefined {
  let unit = from;
  while (unit?.next && tree.start(unit.next.first as NodeId) <= offset) unit = unit.next;
  return unit;
}

/** The deepest node containing `offset` in `node`'s subtree. */
function nodeAt(tree: SyntaxTree, node: NodeId, offset: number): NodeId {
  for (;;) {
    let child = tree.firstChild(node);
    while (child !== NONE && !(tree.start(child) <= offset && offset < tree.end(child))) child = tree.nextSibling(child);
    if (child === NONE) return node;
    node = child;
  }
}

/** Where each `#[ \t]*type:` of the text starts: found by a plain search for `type:`, which reads a document's text in place. */
function* typeCommentStarts(text: TextReader): Generator<number> {
  for (let at = text.indexOf('type:'); at !== -1; at = text.indexOf('type:', at + 1)) {
    let start = at;
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
    if (text.charCodeAt(start - 1) === 35 /* # */) yield start - 1;
  }
}

/**
 * `# type:` comments by the statement they annotate: the last assignment,
 * `for`, `def` or `with` starting on or before the comment (the rule
 * pyflakes follows). Costs one search of the text, one walk along the
 * module's units, plus a descent in its unit for each type comment.
 */
export function typeCommentsByStatement(tree: SyntaxTree): Map<NodeId, TypeComment[]> {
  const result = new Map<NodeId, TypeComment[]>();
  let unit = tree.module.firstChild;
  for (const start of typeCommentStarts(tree.source)) {
    unit = unitAt(tree, unit, start);
    if (!unit || tree.end(unit.first as NodeId) <= start) continue;
    const comment = nodeAt(tree, unit.first as NodeId, start);
    if (tree.type(comment) !== T.comment || tree.start(comment) !== start) continue;
    const text = tree.text(comment);
    if (!TYPE_COMMENT.test(text) || TYPE_IGNORE.test(text)) continue;
    let statement = comment;
    while (tree.parent(statement) !== tree.root) statement = tree.parent(statement);
    const owner = lastTypeableBefore(tree, statement, tree.start(comment));
    if (!owner) continue;
    const body = text.replace(TYPE_COMMENT, '').trim();
    const signature = FUNCTION_SIGNATURE.exec(body);
    const parts = signature ? [signature[1].replace(/\*/g, ''), signature[2].trim()] : [body];
    const list = result.get(owner) ?? [];
    list.push({ node: comment, text: parts });
    result.set(owner, list);
  }
  return result;
}
