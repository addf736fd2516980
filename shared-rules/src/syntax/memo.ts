import type { NodeId, Segment, SyntaxTree } from './tree';

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

/**
 * `compute` run once for consecutive questions about the same node and
 * version of its tree: what several rules' handlers ask of the node the
 * walker hands each of them in turn, without a map of every node asked about.
 */
export function memoizedForLastNode<T>(compute: (tree: SyntaxTree, node: NodeId) => T): (tree: SyntaxTree, node: NodeId) => T {
  const last = new WeakMap<SyntaxTree, { version: number; node: NodeId; value: T }>();
  return (tree, node) => {
    const entry = last.get(tree);
    if (entry && entry.version === tree.version && entry.node === node) return entry.value;
    const value = compute(tree, node);
    last.set(tree, { version: tree.version, node, value });
    return value;
  };
}

/**
 * `compute` run once per segment (a unit, or the module node's own), over the
 * records the segment holds itself (`first` to `after`, a split body's
 * statements being segments of their own): a segment an edit kept keeps its
 * value, so a whole-file question costs only the units that changed. Values
 * must not hold node handles, which a compaction renumbers.
 * Returns every segment's value, in no particular order.
 */
export function memoizedPerSegment<T>(compute: (tree: SyntaxTree, first: NodeId, after: number) => T): (tree: SyntaxTree) => T[] {
  const known = new WeakMap<Segment, T>();
  return (tree) => {
    const values: T[] = [];
    const pending: Segment[] = [tree.module];
    for (let segment = pending.pop(); segment; segment = pending.pop()) {
      let value = known.get(segment);
      if (value === undefined && !known.has(segment)) {
        value = compute(tree, segment.first as NodeId, segment.first + segment.count);
        known.set(segment, value);
      }
      values.push(value as T);
      for (let child = segment.firstChild; child; child = child.next) pending.push(child);
    }
    return values;
  };
}
