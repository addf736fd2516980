import type { Node, Tree } from 'web-tree-sitter';

/** `compute` run once per tree and text: file-wide facts that several rules read. */
export function memoizedPerTree<T>(compute: (tree: Tree, text: string) => T): (tree: Tree, text: string) => T {
  const known = new WeakMap<Tree, { text: string; value: T }>();
  return (tree, text) => {
    const entry = known.get(tree);
    if (entry && entry.text === text) return entry.value;
    const value = compute(tree, text);
    known.set(tree, { text, value });
    return value;
  };
}

/** `compute` run once per node (kept as long as its tree): what several rules ask of the same node. */
export function memoizedPerNode<T>(compute: (node: Node) => T): (node: Node) => T {
  const byTree = new WeakMap<Tree, Map<number, T>>();
  return (node) => {
    let byId = byTree.get(node.tree);
    if (!byId) byTree.set(node.tree, (byId = new Map()));
    if (byId.has(node.id)) return byId.get(node.id)!;
    const value = compute(node);
    byId.set(node.id, value);
    return value;
  };
}
