import type { SyntaxNode as Node } from './syntax';

const TYPE_COMMENT = /^#\s*type:\s*/;
const TYPE_IGNORE = /^#\s*type:\s*ignore([^a-zA-Z0-9_]|$)/;
const FUNCTION_SIGNATURE = /^(\(.*?\))\s*->\s*(.*)$/;
const TYPEABLE = new Set(['assignment', 'for_statement', 'function_definition', 'with_statement']);

export interface TypeComment {
  node: Node;
  /** The type expressions it holds: one, or the argument list and the return type of a signature. */
  text: string[];
}

function isTypeable(node: Node): boolean {
  if (!TYPEABLE.has(node.type)) return false;
  // Only the outermost assignment of a chain is a statement.
  return node.type !== 'assignment' || (node.parent?.type === 'expression_statement' && !node.childForFieldName('type'));
}

/** The last typeable node, in source pre-order, that starts at or before `offset`. */
function lastTypeable(node: Node, offset: number): Node | undefined {
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) {
    if (children[i].startIndex > offset) continue;
    const found = lastTypeable(children[i], offset);
    if (found) return found;
  }
  return isTypeable(node) ? node : undefined;
}

/** The deepest node containing `offset`. */
function nodeAt(root: Node, offset: number): Node {
  let node = root;
  for (;;) {
    const child = node.children.find((c) => c.startIndex <= offset && offset < c.endIndex);
    if (!child) return node;
    node = child;
  }
}

/**
 * `# type:` comments by the statement they annotate: the last assignment,
 * `for`, `def` or `with` starting on or before the comment (the rule
 * pyflakes follows). Costs one regex scan of the text, plus a descent from
 * the root for each type comment.
 */
export function typeCommentsByStatement(root: Node): Map<number, TypeComment[]> {
  const result = new Map<number, TypeComment[]>();
  for (const match of root.placement.source.matchAll(/#[ \t]*type:/g)) {
    const comment = nodeAt(root, match.index);
    if (comment.type !== 'comment' || comment.startIndex !== match.index) continue;
    if (!TYPE_COMMENT.test(comment.text) || TYPE_IGNORE.test(comment.text)) continue;
    const owner = lastTypeable(root, comment.startIndex);
    if (!owner) continue;
    const body = comment.text.replace(TYPE_COMMENT, '').trim();
    const signature = FUNCTION_SIGNATURE.exec(body);
    const text = signature ? [signature[1].replace(/\*/g, ''), signature[2].trim()] : [body];
    const list = result.get(owner.id) ?? [];
    list.push({ node: comment, text });
    result.set(owner.id, list);
  }
  return result;
}
