import { F, T } from './grammar';
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

/** The expression an annotation's `type` node wraps; other nodes as they are. */
export function unwrapType(tree: SyntaxTree, node: NodeId | undefined): NodeId | undefined {
  if (!node) return undefined;
  if (tree.type(node) === T.type && tree.namedChildCount(node) === 1) return tree.namedChild(node, 0) || undefined;
  return node;
}

/** Whether `node` is the name `name` or an attribute `….name` (`Literal`, `typing.Literal`). */
export function isNameOrAttribute(tree: SyntaxTree, node: NodeId, name: string): boolean {
  if (tree.type(node) === T.identifier) return tree.text(node) === name;
  if (tree.type(node) === T.attribute) return tree.fieldText(node, F.attribute) === name;
  return false;
}
