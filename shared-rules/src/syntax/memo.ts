import { forEachSegment, type NodeId, type Segment, type SyntaxTree } from './tree';

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

let memoSlots = 0;

/**
 * `compute` run once per segment, its value kept on the segment (see
 * `Segment.memos`): a look-up costs a property read, so a whole-file
 * question can afford one per segment at each version. Values holding node
 * handles must check `SyntaxTree.compactions` themselves.
 */
export function memoizedInSegment<T>(compute: (tree: SyntaxTree, segment: Segment) => T): (tree: SyntaxTree, segment: Segment) => T {
  const slot = memoSlots++;
  return (tree, segment) => {
    const memos = segment.memos;
    if (slot < memos.length && memos[slot] !== undefined) return memos[slot] as T;
    const value = compute(tree, segment);
    memos[slot] = value;
    return value;
  };
}

/** How the values of segments add up to a file-wide total (see `totalPerSegment`). */
export interface SegmentTotal<T, A> {
  create(): A;
  add(total: A, value: T, segment: Segment): void;
  remove(total: A, value: T, segment: Segment): void;
}

/**
 * A file-wide total of a value `compute` finds in each segment (a unit, or
 * the module node's own records: `first` to `after`, a split body's
 * statements being segments of their own), kept per tree and brought in step
 * once per version from the tree's log of segment changes: the values of the
 * segments freed are taken out, those of the segments copied added, so the
 * total costs only the units that changed. Values must not hold node
 * handles, which a compaction renumbers.
 */
export function totalPerSegment<T, A>(compute: (tree: SyntaxTree, segment: Segment) => T, total: SegmentTotal<T, A>): (tree: SyntaxTree) => A {
  interface Kept {
    version: number;
    /** Where in the tree's log of segment changes the total stands. */
    position: number;
    total: A;
  }
  // Each segment's value, and the total counting it.
  const slot = memoSlots++;
  const kept = new WeakMap<SyntaxTree, Kept>();
  const count = (tree: SyntaxTree, entry: Kept, segment: Segment): void => {
    let own = segment.memos[slot] as { value: T; countedIn: Kept | undefined } | undefined;
    if (!own) segment.memos[slot] = own = { value: compute(tree, segment), countedIn: undefined };
    if (own.countedIn === entry) return;
    total.add(entry.total, own.value, segment);
    own.countedIn = entry;
  };
  const uncount = (entry: Kept, segment: Segment): void => {
    const own = segment.memos[slot] as { value: T; countedIn: Kept | undefined } | undefined;
    if (own?.countedIn !== entry) return;
    total.remove(entry.total, own.value, segment);
    own.countedIn = undefined;
  };
  const bringInStep = (tree: SyntaxTree, entry: Kept | undefined): Kept => {
    const changes = entry && tree.segmentChangesSince(entry.position);
    if (!entry || !changes) {
      const fresh: Kept = { version: tree.version, position: tree.segmentChanges, total: total.create() };
      forEachSegment(tree, (segment) => count(tree, fresh, segment));
      return fresh;
    }
    // A segment copied and freed since is counted by neither.
    for (const { segment, added } of changes) {
      if (!added) uncount(entry, segment);
      else if (segment.slot >= 0) count(tree, entry, segment);
    }
    entry.position = tree.segmentChanges;
    entry.version = tree.version;
    return entry;
  };
  return (tree) => {
    const entry = kept.get(tree);
    if (entry?.version === tree.version) return entry.total;
    kept.delete(tree);
    // Should `compute` throw, the total is half in step: the next call starts over.
    const next = bringInStep(tree, entry);
    kept.set(tree, next);
    return next.total;
  };
}

/** The segments for which `holds` is true, kept per tree as `totalPerSegment` keeps its totals. */
export function segmentsWhere(holds: (tree: SyntaxTree, segment: Segment) => boolean): (tree: SyntaxTree) => ReadonlySet<Segment> {
  return totalPerSegment(holds, {
    create: () => new Set<Segment>(),
    add: (segments, held, segment) => {
      if (held) segments.add(segment);
    },
    remove: (segments, _held, segment) => {
      segments.delete(segment);
    },
  });
}
