import type { NodeId, SyntaxTree } from './tree';

/** `compute` run once per version of a tree: file-wide facts that several rules read. */
export function memoizedPerTree<T>(compute: (tree: SyntaxTree) => T): (tree: SyntaxTree) => T {
  const known = new WeakMap<SyntaxTree, { version: number; value: T }>();
  return (tree) => {
    const entry = known.get(tree);
    if (entry && entry.version === tree.version) return entry.value;
    const value = compute(tree);
    known.set(tree, { version: tree.version, value });
    return value;
  };
}

/** `compute` run once per node and version of its tree: what several rules ask of the same node. */
export function memoizedPerNode<T>(compute: (tree: SyntaxTree, node: NodeId) => T): (tree: SyntaxTree, node: NodeId) => T {
  const byTree = new WeakMap<SyntaxTree, { version: number; values: Map<number, T> }>();
  return (tree, node) => {
    let entry = byTree.get(tree);
    if (!entry || entry.version !== tree.version) byTree.set(tree, (entry = { version: tree.version, values: new Map() }));
    const values = entry.values;
    if (values.has(node)) return values.get(node)!;
    const value = compute(tree, node);
    values.set(node, value);
    return value;
  };
}
