import { Nesting, NodeFlag, type TreeCursor } from '../parsing/parser';
import { T, TYPE_NAMES } from './grammar';
import type { TextReader } from '../text/pieceText';

/** A node of a `SyntaxTree`: an index into its records, valid for one lint (until the tree is linked again). */
export type NodeId = number & { readonly __syntaxNode: never };

/**
 * No node (a missing child, the root's parent). Record 0 is never a node,
 * so `if (node)` tests for one; `??` does not (0 is not nullish).
 */
export const NONE = 0 as NodeId;

/** Integers per node: type | field << 16 | flags << 24, start, end, parent, the index after its subtree, segment slot. */
const STRIDE = 6;
const INFO = 0;
const START = 1;
const END = 2;
const PARENT = 3;
const AFTER = 4;
const SLOT = 5;

/** A unit's segment copied into a tree (`added`) or freed. */
export interface SegmentChange {
  segment: Segment;
  added: boolean;
}

/**
 * The flat copy of one unit of the tree (a statement at module level or in a
 * class body, a comment between them) or of the module node itself. Its
 * nodes are consecutive records in document order, with positions relative
 * to `base`, so a segment outlives edits elsewhere: moving it is changing
 * `base`. A class's body is copied without its statements (`Split`), which
 * are segments of their own: an edit in one method copies that method again.
 */
export class Segment {
  /** The record of its root. */
  first = 0;
  count = 0;
  /** Its index in the tree's segment table, which its records name. */
  slot = -1;
  /** The offset in the text of its relative position 0. */
  base = 0;
  /** The node its root hangs from (the module, or a class body); set when linked. */
  parentNode: NodeId = NONE;
  previous: Segment | undefined;
  next: Segment | undefined;
  /** For the module and class units: the first and last segment of the body. */
  firstChild: Segment | undefined;
  lastChild: Segment | undefined;
  /** For class units: the record of the split body, relative to `first`. */
  splitAt = -1;
  /** How far it nests (see `TreeCursor.nesting`), each measure with where it first goes that far (relative to `base`). */
  depth = 0;
  depthAt = 0;
  brackets = 0;
  bracketsAt = 0;
  blocks = 0;
  blocksAt = 0;
  /** The last update of the document that kept it (see `SyntaxTree.sweep`). */
  generation = 0;
  /**
   * For a segment parsed from another text (a string annotation's
   * expression): that text, and the segment it belongs to, which it lives as long as.
   */
  source: string | undefined;
  owner: Segment | undefined;
  /** The string annotations of this segment parsed so far, by their text: their segments, or null for none. */
  annotations: Map<string, Segment | null> | undefined;
  /** What memos computed from its records, by their slot (see `memoizedInSegment`): a segment's records never change. */
  memos: unknown[] = [];
}

/**
 * Record arrays of trees that were disposed of, for the next trees to reuse
 * at once rather than after a garbage collection; bounded.
 */
const pool: Int32Array[] = [];
const POOLED_INTS = 4 * 1024 * 1024;
let pooledInts = 0;

function pooledRecords(minimum: number): Int32Array {
  let best = -1;
  for (let i = 0; i < pool.length; i++) {
    if (pool[i].length >= minimum && (best < 0 || pool[i].length < pool[best].length)) best = i;
  }
  if (best < 0) return new Int32Array(minimum);
  const [records] = pool.splice(best, 1);
  pooledInts -= records.length;
  return records;
}

function release(records: Int32Array): void {
  if (pooledInts + records.length > POOLED_INTS) return;
  pool.push(records);
  pooledInts += records.length;
}

/** An array's length for `records` live records, with room to grow. */
function roomFor(records: number): number {
  return Math.max(STRIDE * 1024, Math.ceil(records * 1.5) * STRIDE);
}

/**
 * One document's syntax tree as flat records: every rule and the semantic
 * model read it, by integer handles (`NodeId`), through the methods below.
 * Records live in one typed array; segments replaced by an edit leave gaps
 * that a compaction closes once they outweigh the live records.
 */
export class SyntaxTree {
  private records = pooledRecords(STRIDE * 1024);
  /** Record 0 stays unused: it is NONE. */
  private used = 1;
  private garbage = 0;
  private slots: (Segment | undefined)[] = [];
  private freeSlots: number[] = [];
  /** The module node's segment: its body is the top-level segments. */
  readonly module = new Segment();
  /** Changes with every update of the document: node handles and what was computed from them hold for one version. */
  version = 0;
  /** Counts compactions, which renumber every node (caches of handles across versions must start over). */
  compactions = 0;
  /**
   * The units' segments copied (`added`) and freed since the tree was made,
   * oldest first, those before `changeLogStart` dropped (see `segmentChangesSince`).
   */
  private changeLog: SegmentChange[] = [];
  private changeLogStart = 0;

  constructor(
    /** The text the positions are offsets into. */
    public source: TextReader,
  ) {
    this.claim(this.module, 1);
    const base = this.module.first * STRIDE;
    this.records[base + INFO] = T.module | ((NodeFlag.Named | NodeFlag.Split) << 24);
    this.records[base + PARENT] = -1;
    this.records[base + AFTER] = this.module.first + 1;
    this.records[base + SLOT] = this.module.slot;
  }

  /** The module node. */
  get root(): NodeId {
    return this.module.first as NodeId;
  }

  // ---- building -------------------------------------------------------------

  /**
   * Sets the root's type and flags (`TreeCursor.info`) and extent; its body
   * is linked separately. The root is a module, or an ERROR when the parser
   * could make nothing of the text.
   */
  setRoot(info: number, start: number, end: number): void {
    const base = this.module.first * STRIDE;
    this.records[base + START] = start;
    this.records[base + END] = end;
    this.records[base + INFO] = info | (NodeFlag.Split << 24);
  }

  /**
   * Copies the cursor's node into a new segment based at `base`; a block
   * starting at `splitAt` is copied without its statements. Part of an
   * update of the document (handles change): when the gaps of freed
   * segments make room for the copy, they are closed rather than the array grown.
   */
  copy(cursor: TreeCursor, base: number, splitAt: number, generation: number): Segment {
    const segment = this.copySegment(cursor, base, splitAt, generation, true);
    this.logChange(segment, true);
    return segment;
  }

  /** A position in the log of segment changes, for `segmentChangesSince`. */
  get segmentChanges(): number {
    return this.changeLogStart + this.changeLog.length;
  }

  /**
   * The units' segments copied and freed since `position` (a value of
   * `segmentChanges`), oldest first; undefined when the log no longer goes
   * back that far. What a file-wide fact kept per segment needs to be
   * brought in step without a look at every segment.
   */
  segmentChangesSince(position: number): readonly SegmentChange[] | undefined {
    return position < this.changeLogStart ? undefined : this.changeLog.slice(position - this.changeLogStart);
  }

  private logChange(segment: Segment, added: boolean): void {
    const log = this.changeLog;
    log.push({ segment, added });
    // Bounded: a reader that fell that far behind looks at every segment instead.
    if (log.length > 4096 && log.length > 2 * this.slots.length) {
      const dropped = log.length >> 1;
      log.splice(0, dropped);
      this.changeLogStart += dropped;
    }
  }

  /**
   * Copies the cursor's node, parsed from `source` (not the document's
   * text), as a segment that lives as long as `owner` and hangs from nothing.
   * Handles of the other nodes stay valid.
   */
  copyDetached(cursor: TreeCursor, source: string, owner: Segment): Segment {
    const segment = this.copySegment(cursor, 0, -1, owner.generation, false);
    segment.source = source;
    segment.owner = owner;
    return segment;
  }

  private copySegment(cursor: TreeCursor, base: number, splitAt: number, generation: number, mayCompact: boolean): Segment {
    const segment = new Segment();
    segment.base = base;
    segment.generation = generation;
    this.reserve(cursor.descendantCount(), mayCompact);
    this.claimSlot(segment);
    const first = this.used;
    const records = this.records;
    let next = first * STRIDE;
    const count = cursor.flatten(first, base, splitAt < 0 ? 0xffffffff : splitAt, segment.slot, {
      records: (ints, at, chunk) => {
        records.set(ints.subarray(at, at + chunk * STRIDE), next);
        next += chunk * STRIDE;
      },
      after: (index, after) => {
        records[(first + index) * STRIDE + AFTER] = after;
      },
    });
    this.used += count;
    segment.first = first;
    segment.count = count;
    const depth = cursor.nesting(Nesting.Depth);
    const brackets = cursor.nesting(Nesting.Brackets);
    const blocks = cursor.nesting(Nesting.Blocks);
    segment.depth = depth.value;
    segment.depthAt = depth.at - base;
    segment.brackets = brackets.value;
    segment.bracketsAt = brackets.at - base;
    segment.blocks = blocks.value;
    segment.blocksAt = blocks.at - base;
    if (splitAt >= 0) {
      for (let i = 0; i < count; i++) {
        if ((this.records[(first + i) * STRIDE + INFO] >>> 24) & NodeFlag.Split) {
          segment.splitAt = i;
          break;
        }
      }
    }
    return segment;
  }

  /**
   * The segments of `leaf` (a node without children) and of the units around
   * it, as they are after its text grew by `delta` at its end: its ancestors,
   * up to the module, end `delta` further, and in each segment the nodes after
   * it or after the ancestor the inner segment hangs from move by `delta`, in
   * place. Each is a new `Segment` taking over the records and the place of
   * the old one, which is freed with its string annotations: what was computed
   * for a segment, kept by its identity, holds for its text. Returned innermost
   * first (the module's own segment stays); link them. Handles stay valid.
   */
  resizeLeaf(leaf: NodeId, delta: number): Segment[] {
    const records = this.records;
    const resized: Segment[] = [];
    let node = leaf;
    for (let old = this.segmentOf(leaf); old !== this.module; old = this.segmentOf(node)) {
      for (let i = (node + 1) * STRIDE, end = (old.first + old.count) * STRIDE; i < end; i += STRIDE) {
        records[i + START] += delta;
        records[i + END] += delta;
      }
      const segment = Object.assign(new Segment(), old, { annotations: undefined, memos: [] });
      // Where it first nests that far is a node's start: those after the node moved.
      const nodeEnd = records[node * STRIDE + END];
      if (segment.depthAt >= nodeEnd) segment.depthAt += delta;
      if (segment.bracketsAt >= nodeEnd) segment.bracketsAt += delta;
      if (segment.blocksAt >= nodeEnd) segment.blocksAt += delta;
      this.slots[old.slot] = segment;
      old.slot = -1;
      this.logChange(old, false);
      this.logChange(segment, true);
      this.freeAnnotations(old);
      resized.push(segment);
      node = segment.parentNode;
    }
    for (let ancestor = leaf; ancestor !== NONE; ancestor = this.parent(ancestor)) records[ancestor * STRIDE + END] += delta;
    return resized;
  }

  /** Frees the string annotations parsed from a segment (see `copyDetached`). */
  freeAnnotations(segment: Segment): void {
    for (const annotation of segment.annotations?.values() ?? []) if (annotation) this.free(annotation);
  }

  /** Frees every segment not kept by the update `generation` (nor owned by one that is). */
  sweep(generation: number): void {
    for (const segment of this.slots) {
      if (!segment || segment === this.module) continue;
      if ((segment.owner ?? segment).generation !== generation) this.free(segment);
    }
  }

  /** Drops a segment that is no longer part of the tree. */
  free(segment: Segment): void {
    if (segment.slot < 0) return;
    this.slots[segment.slot] = undefined;
    this.freeSlots.push(segment.slot);
    segment.slot = -1;
    this.garbage += segment.count;
    if (!segment.owner) this.logChange(segment, false);
  }

  /**
   * Hangs the segments of `children` (in order) below a container segment:
   * the module, or a class unit whose body was split. Call it for every container after the
   * segments changed, containers before their children. With `from` and
   * `to`, only those children are new: the others are hung already.
   */
  link(container: Segment, children: readonly { segment: Segment }[], from = 0, to = children.length): void {
    const parentNode = (container === this.module ? container.first : container.first + container.splitAt) as NodeId;
    let previous = from > 0 ? children[from - 1].segment : undefined;
    for (let i = from; i < to; i++) {
      const child = children[i].segment;
      child.parentNode = parentNode;
      child.previous = previous;
      if (previous) previous.next = child;
      previous = child;
    }
    const next = children[to]?.segment as Segment | undefined;
    if (previous) previous.next = next;
    if (next) next.previous = previous;
    container.firstChild = children[0]?.segment;
    container.lastChild = children[children.length - 1]?.segment;
  }

  /**
   * Closes the gaps freed segments left, once they reach half the live records (a statement
   * copied again leaves a gap as large as itself: a file that is mostly one statement compacts
   * at each of its updates); handles change. The array is kept unless it is far larger than the
   * live records need, so that such a file allocates no new array at every keystroke.
   */
  compactIfWasteful(): void {
    if (this.garbage < 4096 || this.garbage * 3 < this.used) return;
    const live = this.used - this.garbage;
    if (this.records.length > live * STRIDE * 3) this.compact(roomFor(live));
    else this.compactInPlace();
  }

  /** Copies the live segments to a new array of `length` integers. */
  private compact(length: number): void {
    const next = new Int32Array(length);
    let used = 1;
    for (const segment of this.slots) {
      if (!segment) continue;
      next.set(this.records.subarray(segment.first * STRIDE, (segment.first + segment.count) * STRIDE), used * STRIDE);
      used = this.moved(next, segment, used);
    }
    release(this.records);
    this.records = next;
    this.finishCompaction(used);
  }

  /** Moves the live segments down over the gaps, in the order of their records. */
  private compactInPlace(): void {
    const records = this.records;
    const live = this.slots.filter((segment): segment is Segment => !!segment).sort((a, b) => a.first - b.first);
    let used = 1;
    for (const segment of live) {
      if (segment.first !== used) records.copyWithin(used * STRIDE, segment.first * STRIDE, (segment.first + segment.count) * STRIDE);
      used = this.moved(records, segment, used);
    }
    this.finishCompaction(used);
  }

  /** Renumbers a segment whose records were copied to `to` in `records`; returns the index after them. */
  private moved(records: Int32Array, segment: Segment, to: number): number {
    const delta = to - segment.first;
    if (delta !== 0) {
      for (let i = to * STRIDE, end = (to + segment.count) * STRIDE; i < end; i += STRIDE) {
        if (records[i + PARENT] >= 0) records[i + PARENT] += delta;
        records[i + AFTER] += delta;
      }
    }
    segment.first = to;
    return to + segment.count;
  }

  private finishCompaction(used: number): void {
    this.used = used;
    this.garbage = 0;
    this.compactions++;
  }

  /**
   * Lets the record array go to the next tree (the tree must not be used
   * after). Closed documents give their memory back at once.
   */
  dispose(): void {
    release(this.records);
    this.records = new Int32Array(0);
    this.slots = [];
  }

  /** Gives back the room beyond what the live records need (an idle document), when it is worth a copy. */
  trim(): void {
    const live = this.used - this.garbage;
    if (this.records.length > live * STRIDE * 1.25) this.compact(live * STRIDE);
  }

  /** How many records the live segments hold, and how many the array has room for (for memory figures). */
  get size(): { live: number; capacity: number } {
    return { live: this.used - 1 - this.garbage, capacity: this.records.length / STRIDE };
  }

  private claim(segment: Segment, count: number): void {
    this.claimSlot(segment);
    this.reserve(count);
    segment.first = this.used;
    segment.count = count;
    this.used += count;
  }

  private claimSlot(segment: Segment): void {
    const slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[slot] = segment;
    segment.slot = slot;
  }

  private reserve(count: number, mayCompact = false): void {
    const needed = (this.used + count) * STRIDE;
    if (needed <= this.records.length) return;
    if (mayCompact && this.garbage > 0) {
      // Closing the gaps of freed segments first, in place when that makes room.
      const live = this.used - this.garbage + count;
      if (live * STRIDE <= this.records.length) this.compactInPlace();
      else this.compact(roomFor(live));
      return;
    }
    const next = pooledRecords(Math.max(needed, this.records.length * 2));
    next.set(this.records.subarray(0, this.used * STRIDE));
    release(this.records);
    this.records = next;
  }

  // ---- reading --------------------------------------------------------------

  /** The node's type id (`T.*` or `K.*`). */
  type(node: NodeId): number {
    return this.records[node * STRIDE + INFO] & 0xffff;
  }

  /** The node's type name, as the grammar writes it. */
  typeName(node: NodeId): string {
    const type = this.type(node);
    return type === T.ERROR ? 'ERROR' : TYPE_NAMES[type];
  }

  /** The id of the field the node fills in its parent (`F.*`), or 0. */
  fieldId(node: NodeId): number {
    return (this.records[node * STRIDE + INFO] >>> 16) & 0xff;
  }

  private flags(node: NodeId): number {
    return this.records[node * STRIDE + INFO] >>> 24;
  }

  isNamed(node: NodeId): boolean {
    return (this.flags(node) & NodeFlag.Named) !== 0;
  }

  /** A node the parser inserted to recover from an error (a missing `)`). */
  isMissing(node: NodeId): boolean {
    return (this.flags(node) & NodeFlag.Missing) !== 0;
  }

  /** A node that may appear anywhere (comments, line continuations). */
  isExtra(node: NodeId): boolean {
    return (this.flags(node) & NodeFlag.Extra) !== 0;
  }

  /** Whether the node is or contains a syntax error. */
  hasError(node: NodeId): boolean {
    return (this.flags(node) & NodeFlag.HasError) !== 0;
  }

  isError(node: NodeId): boolean {
    return this.type(node) === T.ERROR;
  }

  private baseOf(node: NodeId): number {
    return this.slots[this.records[node * STRIDE + SLOT]]!.base;
  }

  start(node: NodeId): number {
    return this.records[node * STRIDE + START] + this.baseOf(node);
  }

  end(node: NodeId): number {
    return this.records[node * STRIDE + END] + this.baseOf(node);
  }

  /** The node's source text. */
  text(node: NodeId): string {
    const segment = this.segmentOf(node);
    const base = segment.base;
    return (segment.source ?? this.source).slice(this.records[node * STRIDE + START] + base, this.records[node * STRIDE + END] + base);
  }

  parent(node: NodeId): NodeId {
    const parent = this.records[node * STRIDE + PARENT];
    return parent >= 0 ? (parent as NodeId) : this.slots[this.records[node * STRIDE + SLOT]]!.parentNode;
  }

  firstChild(node: NodeId): NodeId {
    if (this.flags(node) & NodeFlag.Split) return (this.segmentOf(node).firstChild?.first ?? NONE) as NodeId;
    const child = node + 1;
    return child < this.records[node * STRIDE + AFTER] ? (child as NodeId) : NONE;
  }

  lastChild(node: NodeId): NodeId {
    if (this.flags(node) & NodeFlag.Split) return (this.segmentOf(node).lastChild?.first ?? NONE) as NodeId;
    let last = NONE;
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) last = child;
    return last;
  }

  nextSibling(node: NodeId): NodeId {
    const parent = this.records[node * STRIDE + PARENT];
    if (parent < 0) return (this.segmentOf(node).next?.first ?? NONE) as NodeId;
    const after = this.records[node * STRIDE + AFTER];
    return after < this.records[parent * STRIDE + AFTER] ? (after as NodeId) : NONE;
  }

  previousSibling(node: NodeId): NodeId {
    if (this.records[node * STRIDE + PARENT] < 0) return (this.segmentOf(node).previous?.first ?? NONE) as NodeId;
    let previous = NONE;
    for (let child = this.firstChild(this.parent(node)); child !== node && child !== NONE; child = this.nextSibling(child)) previous = child;
    return previous;
  }

  firstNamedChild(node: NodeId): NodeId {
    let child = this.firstChild(node);
    while (child !== NONE && !this.isNamed(child)) child = this.nextSibling(child);
    return child;
  }

  lastNamedChild(node: NodeId): NodeId {
    let last = NONE;
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) if (this.isNamed(child)) last = child;
    return last;
  }

  nextNamedSibling(node: NodeId): NodeId {
    let sibling = this.nextSibling(node);
    while (sibling !== NONE && !this.isNamed(sibling)) sibling = this.nextSibling(sibling);
    return sibling;
  }

  previousNamedSibling(node: NodeId): NodeId {
    let sibling = this.previousSibling(node);
    while (sibling !== NONE && !this.isNamed(sibling)) sibling = this.previousSibling(sibling);
    return sibling;
  }

  children(node: NodeId): NodeId[] {
    const children: NodeId[] = [];
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) children.push(child);
    return children;
  }

  namedChildren(node: NodeId): NodeId[] {
    const children: NodeId[] = [];
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) if (this.isNamed(child)) children.push(child);
    return children;
  }

  childCount(node: NodeId): number {
    let count = 0;
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) count++;
    return count;
  }

  namedChildCount(node: NodeId): number {
    let count = 0;
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) if (this.isNamed(child)) count++;
    return count;
  }

  /** The child at `index` (negative: from the end), or NONE. */
  child(node: NodeId, index: number): NodeId {
    if (index < 0) return this.children(node).at(index) ?? NONE;
    let child = this.firstChild(node);
    for (let i = 0; i < index && child !== NONE; i++) child = this.nextSibling(child);
    return child;
  }

  namedChild(node: NodeId, index: number): NodeId {
    let child = this.firstNamedChild(node);
    for (let i = 0; i < index && child !== NONE; i++) child = this.nextNamedSibling(child);
    return child;
  }

  /** The first child in field `field` (`F.*`), or NONE. */
  field(node: NodeId, field: number): NodeId {
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) if (this.fieldId(child) === field) return child;
    return NONE;
  }

  /** The text of the first child in field `field`, or undefined when there is none. */
  fieldText(node: NodeId, field: number): string | undefined {
    const child = this.field(node, field);
    return child ? this.text(child) : undefined;
  }

  /** Every child in field `field`. */
  fields(node: NodeId, field: number): NodeId[] {
    const found: NodeId[] = [];
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) if (this.fieldId(child) === field) found.push(child);
    return found;
  }

  /** The first child of type `type`, or NONE. */
  childOfType(node: NodeId, type: number): NodeId {
    for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) if (this.type(child) === type) return child;
    return NONE;
  }

  /**
   * The node after `node` in document order within `root`'s subtree (its
   * first child, else the next sibling of it or of an ancestor): an
   * iterative walk, `for (let n = root; n !== NONE; n = tree.following(n, root))`.
   * With `skipChildren`, `node`'s own descendants are passed over.
   */
  following(node: NodeId, root: NodeId, skipChildren = false): NodeId {
    if (!skipChildren) {
      const child = this.firstChild(node);
      if (child !== NONE) return child;
    }
    for (let current = node; current !== root && current !== NONE; current = this.parent(current)) {
      const sibling = this.nextSibling(current);
      if (sibling !== NONE) return sibling;
    }
    return NONE;
  }

  /** The descendants of `node` (itself included) whose type is in `types`, in document order. */
  descendantsOfType(node: NodeId, types: ReadonlySet<number> | number): NodeId[] {
    const found: NodeId[] = [];
    const wanted = typeof types === 'number' ? new Set([types]) : types;
    const records = this.records;
    // A linear scan of each segment's records, in document order: a split body's statements (segments
    // of their own) come right after the body's record. Ranges still to scan wait on a stack.
    const ranges: number[] = [node, records[node * STRIDE + AFTER]];
    while (ranges.length) {
      const after = ranges.pop()!;
      let index = ranges.pop()!;
      while (index < after) {
        const info = records[index * STRIDE + INFO];
        if (wanted.has(info & 0xffff)) found.push(index as NodeId);
        index++;
        if (!((info >>> 24) & NodeFlag.Split)) continue;
        const segment = this.segmentOf((index - 1) as NodeId);
        if (!segment.firstChild) continue;
        ranges.push(index, after);
        for (let child = segment.lastChild; child; child = child.previous) ranges.push(child.first, records[child.first * STRIDE + AFTER]);
        break;
      }
    }
    return found;
  }

  /** Whether the subtree of `node` holds a node of one of `types` (a split body, whose statements are not scanned, counts as holding one). */
  holdsType(node: NodeId, types: ReadonlySet<number>): boolean {
    const records = this.records;
    for (let index = node as number, after = records[node * STRIDE + AFTER]; index < after; index++) {
      const info = records[index * STRIDE + INFO];
      if (types.has(info & 0xffff) || (info >>> 24) & NodeFlag.Split) return true;
    }
    return false;
  }

  /**
   * The smallest node spanning `[start, end]` (in `within`'s subtree), as tree-sitter chooses it: at
   * each level the first child that reaches `end` and goes past `start` (an
   * empty child may sit at `start`), unless it begins after `start`.
   */
  descendantForRange(start: number, end = start, within = this.root): NodeId {
    let node = within;
    for (;;) {
      let inner = NONE;
      for (let child = this.firstChild(node); child !== NONE; child = this.nextSibling(child)) {
        const childEnd = this.end(child);
        if (childEnd < end) continue;
        const childStart = this.start(child);
        if (childStart === childEnd ? childEnd < start : childEnd <= start) continue;
        if (start < childStart) break;
        inner = child;
        break;
      }
      if (inner === NONE) return node;
      node = inner;
    }
  }

  /** The segment a node's record belongs to. */
  segmentOf(node: NodeId): Segment {
    return this.slots[this.records[node * STRIDE + SLOT]]!;
  }

  /** Whether the node is the root of a segment (a unit, or the module). */
  isSegmentRoot(node: NodeId): boolean {
    return this.records[node * STRIDE + PARENT] < 0;
  }

  /** The records of the subtree of a segment root, in document order: `[first, after)` (split bodies excluded). */
  recordRange(node: NodeId): { first: number; after: number } {
    return { first: node, after: this.records[node * STRIDE + AFTER] };
  }
}

/** Calls `visit` with each segment hung in the tree (the module's, the units'), parents before their children. */
export function forEachSegment(tree: SyntaxTree, visit: (segment: Segment) => void): void {
  const pending: Segment[] = [tree.module];
  for (let segment = pending.pop(); segment; segment = pending.pop()) {
    visit(segment);
    for (let child = segment.lastChild; child; child = child.previous) pending.push(child);
  }
}
