import type { NodeId as Node, SyntaxTree } from '../../syntax/tree';

/** What the visitor groups ask of the walk: visiting nodes (see `NodeVisitor`). */
export interface Walk {
  visit(node: Node): void;
  visitChildren(node: Node): void;
  visitOptional(node: Node | undefined): void;
}

/** What `visit` has left to do: nodes to visit, and steps between them (restoring a state). */
export type Work = Node | (() => void);

export function pushIf(pending: Work[], node: Node): void {
  if (node) pending.push(node);
}

/** Pushes nodes so that the first one is taken first. */
export function pushInOrder(pending: Work[], nodes: readonly Node[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) pending.push(nodes[i]);
}

/** Pushes the named children of `node` so that the first one is taken first, without a list of them. */
export function pushNamedChildren(pending: Work[], tree: SyntaxTree, node: Node): void {
  const from = pending.length;
  for (let child = tree.firstNamedChild(node); child; child = tree.nextNamedSibling(child)) pending.push(child);
  for (let i = from, j = pending.length - 1; i < j; i++, j--) {
    const first = pending[i];
    pending[i] = pending[j];
    pending[j] = first;
  }
}
