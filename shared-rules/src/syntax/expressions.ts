import { T } from './grammar';
import { NONE, type NodeId, type SyntaxTree } from './tree';

/** The expression inside any parentheses around it (comments in them aside). */
export function unparenthesized(tree: SyntaxTree, node: NodeId): NodeId {
  let current = node;
  while (tree.type(current) === T.parenthesized_expression) {
    let inner = tree.firstNamedChild(current);
    while (inner !== NONE && tree.type(inner) === T.comment) inner = tree.nextNamedSibling(inner);
    if (inner === NONE) break;
    current = inner;
  }
  return current;
}
