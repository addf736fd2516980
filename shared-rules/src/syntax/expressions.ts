import type { Node } from 'web-tree-sitter';

/** The expression inside any parentheses around it (comments in them aside). */
export function unparenthesized(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = current.namedChildren.find((c) => c?.type !== 'comment');
    if (!inner) break;
    current = inner;
  }
  return current;
}
