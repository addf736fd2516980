import { F, T } from '../syntax/grammar';
import { segmentsWhere } from '../syntax/memo';
import { NONE, type NodeId, type Segment, type SyntaxTree } from '../syntax/tree';

const TYPE_COMMENT = /^#\s*type:\s*/;
/** How a type comment starts: `#`, spaces or tabs, `type:`. */
const TYPE_COMMENT_START = /^#[ \t]*type:/;
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

/** The comments of a segment's own records that may be type comments, in the order of the text. */
function typeCommentsIn(tree: SyntaxTree, segment: Segment): NodeId[] {
  const found: NodeId[] = [];
  for (let node = segment.first as NodeId, after = segment.first + segment.count; node < after; node++) {
    if (tree.type(node) !== T.comment) continue;
    const text = tree.text(node);
    if (TYPE_COMMENT_START.test(text) && !TYPE_IGNORE.test(text)) found.push(node);
  }
  return found;
}

/** The segments holding type comments, kept per tree and brought in step with the units an edit replaced. */
const segmentsWithTypeComments = segmentsWhere((tree, segment) => typeCommentsIn(tree, segment).length > 0);

/**
 * `# type:` comments by the statement they annotate: the last assignment,
 * `for`, `def` or `with` starting on or before the comment (the rule
 * pyflakes follows). Costs a look at the units an edit replaced, plus a
 * search of the statements before each type comment.
 */
export function typeCommentsByStatement(tree: SyntaxTree): Map<NodeId, TypeComment[]> {
  const result = new Map<NodeId, TypeComment[]>();
  const segments = [...segmentsWithTypeComments(tree)].sort((a, b) => tree.start(a.first as NodeId) - tree.start(b.first as NodeId));
  for (const comment of segments.flatMap((segment) => typeCommentsIn(tree, segment))) {
    const text = tree.text(comment);
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
