import type { Node } from 'web-tree-sitter';
import type { DirtyRegion } from './dirtyRegion';
import type { UnitFindings } from './unitFindings';

/**
 * An analysis unit: a statement at module level or directly in the body of a
 * class (recursively). Units are walked and cached separately, so a keystroke
 * in one method re-walks that method and its class header only.
 */
export interface Unit {
  start: number;
  end: number;
  type: string;
  /**
   * Identical keys mean identical findings: the unit's node type, its column,
   * the headers of the classes around it and its text.
   */
  key: string;
  /** The node, for units found in the current tree; see `unitNode`. */
  node?: Node;
  /** For a class unit: where its body starts (the body's statements are units of their own)… */
  bodyStart?: number;
  /** …its header text, part of its statements' keys… */
  header?: string;
  /** …and those statements. */
  children?: Unit[];
  /** What the linter found in this unit's text; kept while the unit is reused under the same key. */
  found?: UnitFindings;
}

function classBody(node: Node): Node | undefined {
  const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
  if (definition?.type !== 'class_definition') return undefined;
  const body = definition.childForFieldName('body');
  return body?.type === 'block' ? body : undefined;
}

/** The unit's node in the current tree (units reused from an earlier tree carry none). */
export function unitNode(root: Node, unit: Unit): Node {
  if (unit.node) return unit.node;
  let node = root.descendantForIndex(unit.start, unit.end);
  while (node && !(node.type === unit.type && node.startIndex === unit.start && node.endIndex === unit.end)) {
    node = node.parent;
  }
  if (!node) throw new Error(`no ${unit.type} node at ${unit.start}-${unit.end}`);
  unit.node = node;
  return node;
}

function makeKey(type: string, start: number, end: number, context: string, text: string): string {
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  return `${type}\u0000${column}\u0000${context}\u0000${text.slice(start, end)}`;
}

/**
 * A unit from the previous analysis, moved by `delta` and re-keyed when its
 * context changed. The previous units are not used again, so they are moved
 * in place: a keystroke then allocates nothing for the statements it did not touch.
 */
function reuse(unit: Unit, delta: number, context: string | undefined, text: string): Unit {
  unit.start += delta;
  unit.end += delta;
  // The node belongs to the previous tree, which is gone.
  unit.node = undefined;
  if (context !== undefined) {
    unit.key = makeKey(unit.type, unit.start, unit.end, context, text);
    unit.found = undefined;
  }
  if (unit.children) {
    unit.bodyStart! += delta;
    const childContext = context === undefined ? undefined : `${context}\u0001${unit.header}`;
    for (const child of unit.children) reuse(child, delta, childContext, text);
  }
  return unit;
}

/**
 * Lists the units below `parent`. With the previous units of this level and
 * the dirty region, units entirely before or after the region are reused
 * (moved), and only the statements in between are read from the tree.
 */
function collectLevel(
  parent: Node,
  /** Where this level's statements can be: the class body, or anywhere for the module. */
  bounds: { low: number; high: number },
  text: string,
  context: string,
  contextChanged: boolean,
  previous: Unit[] | undefined,
  dirty: DirtyRegion | undefined,
): Unit[] {
  const units: Unit[] = [];
  let after: Unit[] = [];
  let middle: Unit[] = [];
  let from = 0;
  if (previous && dirty) {
    const delta = dirty.newEnd - dirty.oldEnd;
    // Statements of a class body may have moved to another parent: reuse only those still inside it.
    const { low, high } = bounds;
    let i = 0;
    while (i < previous.length && previous[i].end < dirty.start) {
      if (previous[i].start >= low) units.push(reuse(previous[i], 0, contextChanged ? context : undefined, text));
      i++;
    }
    let j = previous.length;
    while (j > i && previous[j - 1].start > dirty.oldEnd) j--;
    after = previous.slice(j)
      .filter((unit) => unit.end + delta <= high)
      .map((unit) => reuse(unit, delta, contextChanged ? context : undefined, text));
    middle = previous.slice(i, j);
    from = units.length ? units[units.length - 1].end : 0;
  }
  const to = after.length ? after[0].start : Infinity;
  const cursor = parent.walk();
  try {
    let more = previous && dirty ? cursor.gotoFirstChildForIndex(from) : cursor.gotoFirstChild();
    for (; more; more = cursor.gotoNextSibling()) {
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      if (start > to || (start === to && end > to)) break;
      // Zero-width nodes (error recovery's empty ERRORs) hold nothing to check, and
      // tree-sitter's changed ranges do not report them: they are not units.
      if (!cursor.nodeIsNamed || cursor.nodeType === 'comment' || start === end) continue;
      const node = cursor.currentNode;
      const type = cursor.nodeType;
      // A statement before the region that grew into it is read again.
      while (units.length && units[units.length - 1].end > start) units.pop();
      const key = makeKey(type, start, end, context, text);
      // A statement read again with its previous text keeps its findings, unless it now parses with errors:
      // error recovery depends on more than a unit's text.
      const found = node.hasError ? undefined : middle.find((candidate) => candidate.key === key)?.found;
      const unit: Unit = { start, end, type, key, node, found };
      const body = classBody(node);
      if (body) {
        unit.bodyStart = body.startIndex;
        unit.header = text.slice(start, body.startIndex);
        const old = middle.find((candidate) => candidate.start === start && candidate.type === type && candidate.children);
        const changed = contextChanged || old?.header !== unit.header;
        unit.children = collectLevel(body, { low: body.startIndex, high: body.endIndex }, text, `${context}\u0001${unit.header}`, changed, old?.children, old && dirty);
      }
      units.push(unit);
    }
  } finally {
    cursor.delete();
  }
  // Statements after the region that a read statement now contains belong to it.
  const readUpTo = units.length ? units[units.length - 1].end : 0;
  return units.concat(after.filter((unit) => unit.start >= readUpTo));
}

/**
 * The units of a module as a tree (class units hold their statements). With
 * the previous units and the dirty region, only the region is read again;
 * with the previous units alone, every unit is read and those with a previous
 * unit's key keep its findings. `root` may be the root of a statement parsed
 * alone that contains the dirty region.
 */
export function collectUnitTree(root: Node, text: string, previous?: Unit[], dirty?: DirtyRegion): Unit[] {
  const units = collectLevel(root, { low: -Infinity, high: Infinity }, text, '', false, previous, dirty);
  if (previous && !dirty) adoptFindings(units, previous);
  return units;
}

function adoptFindings(units: readonly Unit[], previous: readonly Unit[]): void {
  const byKey = new Map<string, UnitFindings>();
  for (const unit of flattenUnits(previous)) if (unit.found) byKey.set(unit.key, unit.found);
  // As in collectLevel: a unit that now parses with errors is walked again.
  for (const unit of flattenUnits(units)) if (!unit.node?.hasError) unit.found ??= byKey.get(unit.key);
}

/** Depth-first: each class unit is followed by its statements. */
export function flattenUnits(units: readonly Unit[], out: Unit[] = []): Unit[] {
  for (const unit of units) {
    out.push(unit);
    if (unit.children) flattenUnits(unit.children, out);
  }
  return out;
}
