import { NodeFlag, type ParseTree, type PythonParser, type TreeCursor } from '../parsing/parser';
import { F, T } from '../syntax/grammar';
import { NONE, SyntaxTree, type NodeId, type Segment } from '../syntax/tree';
import { keepsToken } from '../syntax/tokenEdits';
import { loneCrAsLf } from '../text/lineEndings';
import type { TextReader } from '../text/pieceText';
import { extendDirtyRegion, type DirtyRegion } from '../text/dirtyRegion';
import type { UnitFindings } from './unitFindings';

/**
 * An analysis unit: a statement at module level or directly in the body of a
 * class (recursively), with its flat copy. Units are walked and cached
 * separately, so a keystroke in one method copies and re-walks that method
 * and its class header only. Comments and other nodes between statements
 * are passive units: part of the tree, never walked.
 */
export interface Unit {
  start: number;
  end: number;
  /** The root's type id. */
  type: number;
  /**
   * Identical keys mean identical findings: the unit's node type, its column,
   * the headers of the classes around it and its text.
   */
  key: string;
  /** Its flat copy in the document's `SyntaxTree`. */
  segment: Segment;
  /** Comments, and anonymous or empty nodes of error recovery: no statement to check. */
  passive: boolean;
  /** For a class unit: where its body starts (the body's statements are units of their own)… */
  bodyStart?: number;
  /** …its header text, part of its statements' keys… */
  header?: string;
  /** …and those statements. */
  children?: Unit[];
  /** What the linter found in this unit's text; kept while the unit is reused under the same key. */
  found?: UnitFindings;
}

function makeKey(type: number, start: number, end: number, context: string, text: TextReader): string {
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const column = start - lineStart;
  return `${type}\u0000${column}\u0000${context}\u0000${text.slice(start, end)}`;
}

/**
 * A unit from the previous analysis, moved by `delta` and re-keyed when its
 * context changed. The previous units are not used again, so they are moved
 * in place: a keystroke then allocates nothing for the statements it did not touch.
 */
function reuse(unit: Unit, delta: number, context: string | undefined, text: TextReader): Unit {
  unit.start += delta;
  unit.end += delta;
  unit.segment.base = unit.start;
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

/** A unit holding an edit, with its level of units and its index there. */
interface HeldBy {
  level: Unit[];
  index: number;
  unit: Unit;
}

/** The index of the first unit of `level` ending after `offset` (its length if none does). */
function indexEndingAfter(level: readonly Unit[], offset: number): number {
  let low = 0;
  let high = level.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (level[middle].end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * With the cursor on a class definition (decorated or not), forks a cursor
 * onto its body block; undefined (nothing forked) for anything else.
 */
function classBody(cursor: TreeCursor): TreeCursor | undefined {
  const type = cursor.info() & 0xffff;
  if (type !== T.class_definition && type !== T.decorated_definition) return undefined;
  const body = cursor.fork();
  if (type === T.decorated_definition && !(moveToField(body, F.definition) && (body.info() & 0xffff) === T.class_definition)) {
    body.close();
    return undefined;
  }
  if (moveToField(body, F.body) && (body.info() & 0xffff) === T.block) return body;
  body.close();
  return undefined;
}

function moveToField(cursor: TreeCursor, field: number): boolean {
  for (let more = cursor.firstChild(); more; more = cursor.nextSibling()) if (((cursor.info() >>> 16) & 0xff) === field) return true;
  return false;
}

/**
 * The units of one document, kept in step with its text: after an edit, the
 * statements of the dirty region are read from the parse tree and copied,
 * and the others keep their copies (moved). Owns the document's `SyntaxTree`.
 */
export class DocumentUnits {
  readonly tree = new SyntaxTree('');
  private units: Unit[] | undefined;
  /** Counts updates: segments copied or kept by the current one carry its number. */
  private generation = 0;
  /** False while an update runs: one that threw leaves the units of an unknown text, to be read again. */
  private complete = true;
  /** How many units there are (passive ones too). */
  private unitCount = 0;
  /** Whether the update running copied again a unit with syntax errors (see `recopyErroneous`). */
  private recopied = false;
  /** Of the last update: how many units there are, and how many were copied from the parse tree. */
  lastStats = { units: 0, copied: 0 };
  /** How the module-level units changed since `takeModuleChange` was last called (see there). */
  private moduleChange: DirtyRegion | 'all' | undefined = 'all';

  /** The units of the last update. */
  get current(): readonly Unit[] {
    return this.units ?? [];
  }

  /** The index in `current` of the first module-level unit ending after `offset` (the one holding it, or the next); `current.length` when none does. */
  indexEndingAfter(offset: number): number {
    return indexEndingAfter(this.current, offset);
  }

  /** Whether an update may read only the statements of a dirty region (the last one completed). */
  get readsRegions(): boolean {
    return this.units !== undefined && this.complete;
  }

  /**
   * How the module-level units (`current`) changed since the last call, as
   * indices: `start` to `oldEnd` of the list then were replaced by `start`
   * to `newEnd` of the list now, and the units outside are the same objects
   * (those after moved, with their statements, as a whole), their findings
   * kept. `all` when every unit may be new, undefined when none changed.
   * Units with syntax errors may be copied again outside the range.
   */
  takeModuleChange(): DirtyRegion | 'all' | undefined {
    const change = this.moduleChange;
    this.moduleChange = undefined;
    return change;
  }

  /**
   * Reads the units of `text`, parsed as `parse`. With a dirty region (the
   * change since the last update), only the statements in it are read again;
   * without one, all are read, and those with a unit's key of the last
   * update keep its findings. `statement` is a top-level statement parsed
   * alone that holds the region (the `parse` tree is then edited, not
   * reparsed, and right outside it).
   */
  update(parse: ParseTree, text: TextReader, dirty?: DirtyRegion, statement?: ParseTree): Unit[] {
    if (!this.readsRegions) {
      if (statement) throw new Error('a statement parsed alone needs the units of an earlier update');
      dirty = undefined;
    }
    this.complete = false;
    this.recopied = false;
    // Should the update throw, any unit may have changed.
    const pendingChange = this.moduleChange;
    this.moduleChange = 'all';
    this.lastStats = { units: 0, copied: 0 };
    const compactions = this.tree.compactions;
    // Copies made by an update that threw carry an older number: the sweep frees them.
    this.generation++;
    const tree = this.tree;
    // Rules read a lone CR as the line break it is for Python, as the parser does.
    tree.source = loneCrAsLf(text);
    tree.version++;
    const previous = this.units;
    const rootCursor = parse.cursor();
    try {
      tree.setRoot(rootCursor.info(), rootCursor.start(), rootCursor.end());
    } finally {
      rootCursor.close();
    }
    const kept = { before: 0, after: 0 };
    const collect = (region: DirtyRegion | undefined): Unit[] => {
      // Reading every statement replaces every copy: the old ones are freed first, so that the new ones can take their room.
      if (!region) tree.sweep(this.generation);
      const cursor = (statement ?? parse).cursor();
      try {
        const read = this.collectLevel(cursor, { low: -Infinity, high: Infinity }, text, '', false, previous && region ? previous : undefined, region, kept);
        if (previous && !region) adoptFindings(read, previous);
        return read;
      } finally {
        cursor.close();
      }
    };
    let units = collect(dirty);
    let change: DirtyRegion | 'all' = previous && dirty ? { start: kept.before, oldEnd: previous.length - kept.after, newEnd: units.length - kept.after } : 'all';
    // A statement parsed alone is only used when the tree had no error.
    if (!statement && (!this.recopyErroneous(units, parse) || (dirty && !zeroWidthNodesMatch(parse, units)))) {
      // A reused unit of error recovery is gone from this parse, or one came that no changed range
      // reported: every statement is read again.
      this.generation++;
      units = collect(undefined);
      change = 'all';
    }
    this.units = units;
    this.keep(units, previous, change, compactions);
    this.complete = true;
    this.moduleChange = change === 'all' || pendingChange === 'all' ? 'all' : extendDirtyRegion(pendingChange, change);
    return units;
  }

  /**
   * Updates the units to `text` through edits (`dirty`, the change since the
   * last update) inside one token that change no token but that one: the
   * text of a string, a name or a comment (see syntax/tokenEdits.ts). The
   * records of the statement holding it, and of the classes around that, are
   * moved in place rather than copied from a parse, and the statements after
   * them moved. False, with nothing done, for any other edit (a class
   * header's among them: its statements' keys hold it), or when the last
   * update's tree has an error.
   */
  updateInToken(text: TextReader, dirty: DirtyRegion): boolean {
    const tree = this.tree;
    if (!this.units || !this.readsRegions || tree.hasError(tree.root)) return false;
    const path = this.unitsHolding(dirty);
    const unit = path?.[path.length - 1].unit;
    if (!unit || unit.children) return false;
    const leaf = tree.descendantForRange(dirty.start - 1, dirty.oldEnd, unit.segment.first as NodeId);
    if (tree.firstChild(leaf) !== NONE) return false;
    const token = { start: tree.start(leaf), end: tree.end(leaf) };
    const type = tree.type(leaf);
    if (!keepsToken(type, tree.source, text, dirty, token)) return false;
    this.complete = false;
    // Should the update throw, any unit may have changed.
    const pendingChange = this.moduleChange;
    this.moduleChange = 'all';
    const delta = dirty.newEnd - dirty.oldEnd;
    tree.source = loneCrAsLf(text);
    tree.version++;
    const segments = tree.resizeLeaf(leaf, delta);
    if (segments.length !== path.length) throw new Error('the segments of a token are not those of the units holding it');
    let context = '';
    path.forEach(({ unit: held }, depth) => {
      held.segment = segments[path.length - 1 - depth];
      held.end += delta;
      held.key = makeKey(held.type, held.start, held.end, context, text);
      held.found = undefined;
      if (held.header !== undefined) context = `${context}\u0001${held.header}`;
    });
    path.forEach(({ level, index }, depth) => {
      tree.link(depth ? path[depth - 1].unit.segment : tree.module, level, index, index + 1);
      for (let i = index + 1; i < level.length; i++) reuse(level[i], delta, undefined, text);
    });
    this.lastStats = { units: this.unitCount, copied: 0 };
    this.complete = true;
    const index = path[0].index;
    this.moduleChange = pendingChange === 'all' ? 'all' : extendDirtyRegion(pendingChange, { start: index, oldEnd: index + 1, newEnd: index + 1 });
    return true;
  }

  /**
   * The units holding the edits and the character before them, module level
   * first, each with its level and index there: down into a class's
   * statements when the edits are in its body. Undefined when no unit holds them.
   */
  private unitsHolding(dirty: DirtyRegion): HeldBy[] | undefined {
    const path: HeldBy[] = [];
    let level = this.units!;
    let index = this.indexEndingAfter(dirty.start - 1);
    for (;;) {
      const unit = level[index] as Unit | undefined;
      if (!unit || unit.start >= dirty.start || dirty.oldEnd > unit.end) return undefined;
      path.push({ level, index, unit });
      if (!unit.children || dirty.start - 1 < unit.bodyStart!) return path;
      level = unit.children;
      index = indexEndingAfter(level, dirty.start - 1);
    }
  }

  private copy(cursor: TreeCursor, start: number, bodyStart: number | undefined): Segment {
    this.lastStats.copied++;
    return this.tree.copy(cursor, start, bodyStart ?? -1, this.generation);
  }

  /**
   * Units reused from an earlier parse that hold syntax errors are copied
   * again from this one: error recovery depends on more than a unit's text.
   * False when one of them is not in this parse (recovery changed its extent).
   */
  private recopyErroneous(units: readonly Unit[], parse: ParseTree): boolean {
    const tree = this.tree;
    for (const unit of units) {
      if (unit.segment.generation !== this.generation && tree.hasError(unit.segment.first as NodeId)) {
        const cursor = parse.cursor();
        try {
          if (!cursor.gotoNode(unit.start, unit.end, unit.type)) return false;
          tree.free(unit.segment);
          unit.segment = this.copy(cursor, unit.start, unit.bodyStart);
          this.recopied = true;
          unit.found = undefined;
        } finally {
          cursor.close();
        }
      }
      if (unit.children && !this.recopyErroneous(unit.children, parse)) return false;
    }
    return true;
  }

  /**
   * Frees the segments no unit holds any more, compacts the records when
   * worthwhile, and links the rest. After an update of a range of the
   * module's units (`change`), only the units of that range are looked at,
   * unless the records were compacted since the update began (`compactions`
   * then): that moves every container node the links point to.
   */
  private keep(units: readonly Unit[], previous: readonly Unit[] | undefined, change: DirtyRegion | 'all', compactions: number): void {
    const tree = this.tree;
    const generation = this.generation;
    if (change === 'all' || !previous) {
      this.unitCount = 0;
      forEachUnit(units, (unit) => {
        this.unitCount++;
        unit.segment.generation = generation;
      });
      tree.sweep(generation);
    } else {
      // Copies are made for units of the range, or for units with errors (which `recopyErroneous` freed the old copies of).
      const held = new Set<Segment>();
      forEachUnit(units.slice(change.start, change.newEnd), (unit) => {
        this.unitCount++;
        unit.segment.generation = generation;
        held.add(unit.segment);
      });
      forEachUnit(previous.slice(change.start, change.oldEnd), (unit) => {
        this.unitCount--;
        if (!held.has(unit.segment)) freeWithAnnotations(tree, unit.segment);
      });
    }
    this.lastStats.units = this.unitCount;
    tree.compactIfWasteful();
    const link = (container: Segment, level: readonly Unit[], from = 0, to = level.length): void => {
      tree.link(container, level, from, to);
      for (let i = from; i < to; i++) if (level[i].children) link(level[i].segment, level[i].children!);
    };
    // A compaction (making room for a copy, or here) moves every record, each unit's parent node with it, and a unit copied again outside the range needs linking.
    if (change === 'all' || !previous || this.recopied || tree.compactions !== compactions) link(tree.module, units);
    else link(tree.module, units, change.start, change.newEnd);
  }

  /** Drops what the rules found in every unit (the settings changed). */
  forgetFindings(): void {
    const forget = (level: readonly Unit[]): void => {
      for (const unit of level) {
        unit.found = undefined;
        if (unit.children) forget(unit.children);
      }
    };
    forget(this.current);
  }

  /**
   * Lists the units below the cursor's node. With the previous units of this
   * level and the dirty region, units entirely before or after the region are
   * reused (moved), and only the statements in between are read from the tree.
   */
  private collectLevel(
    parent: TreeCursor,
    /** Where this level's statements can be: the class body, or anywhere for the module. */
    bounds: { low: number; high: number },
    text: TextReader,
    context: string,
    contextChanged: boolean,
    previous: Unit[] | undefined,
    dirty: DirtyRegion | undefined,
    /** Set to how many units of `previous` begin and end the list returned, as they were (moved for those after). */
    kept = { before: 0, after: 0 },
  ): Unit[] {
    let units: Unit[] = [];
    let middle: Unit[] = [];
    /** The units after the region, `previous[afterStart]` to `previous[afterEnd]`, moved by `delta` when they are reused at the end. */
    let afterStart = 0;
    let afterEnd = 0;
    let delta = 0;
    let newContext: string | undefined;
    let from = 0;
    /** Whether the units reused are as they were (they keep their keys and findings)… */
    let asTheyWere = false;
    /** …and whether those after the region end the list, as they ended the previous one. */
    let endsAsBefore = false;
    if (previous && dirty) {
      delta = dirty.newEnd - dirty.oldEnd;
      newContext = contextChanged ? context : undefined;
      // Statements of a class body may have moved to another parent: reuse only those still inside it.
      const { low, high } = bounds;
      let i = 0;
      while (i < previous.length && previous[i].end < dirty.start) i++;
      // Units before the region stay as they are (a keystroke at the end of a long module must not touch each).
      asTheyWere = newContext === undefined && (i === 0 || previous[0].start >= low);
      if (asTheyWere) units = previous.slice(0, i);
      else for (let k = 0; k < i; k++) if (previous[k].start >= low) units.push(reuse(previous[k], 0, newContext, text));
      let j = previous.length;
      while (j > i && previous[j - 1].start > dirty.oldEnd) j--;
      afterStart = j;
      afterEnd = j;
      while (afterEnd < previous.length && previous[afterEnd].end + delta <= high) afterEnd++;
      endsAsBefore = asTheyWere && afterEnd === previous.length;
      middle = previous.slice(i, j);
      // Read again below: their old copies are freed first, so that the new ones can take their room.
      for (const unit of middle) this.tree.free(unit.segment);
      from = units.length ? units[units.length - 1].end : 0;
    }
    let keptBefore = asTheyWere ? units.length : 0;
    const to = afterEnd > afterStart ? previous![afterStart].start + delta : Infinity;
    const cursor = parent.fork();
    try {
      let more = previous && dirty ? cursor.firstChildForOffset(from) : cursor.firstChild();
      for (; more; more = cursor.nextSibling()) {
        const start = cursor.start();
        const end = cursor.end();
        if (start > to || (start === to && end > to)) break;
        const info = cursor.info();
        const type = info & 0xffff;
        // Zero-width nodes (error recovery's empty ERRORs) hold nothing to check, and
        // tree-sitter's changed ranges do not report them: they are passive.
        const passive = !((info >>> 24) & NodeFlag.Named) || type === T.comment || start === end;
        // A statement before the region that grew into it is read again.
        while (units.length && units[units.length - 1].end > start) units.pop();
        keptBefore = Math.min(keptBefore, units.length);
        const key = makeKey(type, start, end, context, text);
        // A statement read again with its previous text keeps its findings.
        const found = passive ? undefined : middle.find((candidate) => candidate.key === key)?.found;
        const body = passive ? undefined : classBody(cursor);
        const bodyStart = body?.start();
        if (body) body.close();
        const segment = this.copy(cursor, start, bodyStart);
        const unit: Unit = { start, end, type, key, segment, passive, found };
        if (bodyStart !== undefined) {
          const bodyCursor = classBody(cursor)!;
          try {
            unit.bodyStart = bodyStart;
            unit.header = text.slice(start, bodyStart);
            const old = middle.find((candidate) => candidate.start === start && candidate.type === type && candidate.children);
            const changed = contextChanged || old?.header !== unit.header;
            unit.children = this.collectLevel(
              bodyCursor, { low: bodyStart, high: bodyCursor.end() }, text, `${context}\u0001${unit.header}`, changed, old?.children, old && dirty,
            );
          } finally {
            bodyCursor.close();
          }
        }
        units.push(unit);
      }
    } finally {
      cursor.close();
    }
    // Statements after the region that a read statement now contains belong to it.
    const readUpTo = units.length ? units[units.length - 1].end : 0;
    const count = units.length;
    for (let k = afterStart; k < afterEnd; k++) if (previous![k].start + delta >= readUpTo) units.push(reuse(previous![k], delta, newContext, text));
    kept.before = keptBefore;
    kept.after = endsAsBefore ? units.length - count : 0;
    return units;
  }
}

/**
 * Whether the zero-width nodes of a parse with errors (error recovery's empty
 * ERRORs) are where the units have them: tree-sitter's changed ranges do not
 * report them, so one may come or go outside the dirty region. Reads the
 * statements of each level holding an error, only when the tree has one.
 */
function zeroWidthNodesMatch(parse: ParseTree, units: readonly Unit[]): boolean {
  const root = parse.cursor();
  try {
    return !((root.info() >>> 24) & NodeFlag.HasError) || levelMatches(root, units);
  } finally {
    root.close();
  }
}

function levelMatches(parent: TreeCursor, units: readonly Unit[]): boolean {
  const cursor = parent.fork();
  try {
    let next = 0;
    let zeroWidth = 0;
    for (let more = cursor.firstChild(); more; more = cursor.nextSibling()) {
      const start = cursor.start();
      const info = cursor.info();
      // Units are in document order: the one at this node, if any, is the first not before it.
      while (next < units.length && units[next].start < start) next++;
      const unit = units[next] as Unit | undefined;
      if (cursor.end() === start) {
        zeroWidth++;
        if (!units.some((candidate) => candidate.start === start && candidate.end === start && candidate.type === (info & 0xffff))) return false;
      } else if ((info >>> 24) & NodeFlag.HasError && unit?.children && unit.start === start) {
        const body = classBody(cursor);
        if (body) {
          try {
            if (!levelMatches(body, unit.children)) return false;
          } finally {
            body.close();
          }
        }
      }
    }
    for (const unit of units) if (unit.start === unit.end) zeroWidth--;
    return zeroWidth === 0;
  } finally {
    cursor.close();
  }
}

/** The units of a text parsed once (the parse is freed at once): one-shot checks, summaries, tests. */
export function parseUnits(parser: PythonParser, text: string): DocumentUnits {
  const parse = parser.parse(text);
  try {
    const units = new DocumentUnits();
    units.update(parse, text);
    return units;
  } finally {
    parse.delete();
  }
}

function adoptFindings(units: readonly Unit[], previous: readonly Unit[]): void {
  const byKey = new Map<string, UnitFindings>();
  for (const unit of flattenUnits(previous)) if (unit.found) byKey.set(unit.key, unit.found);
  for (const unit of flattenUnits(units)) unit.found ??= byKey.get(unit.key);
}

function forEachUnit(units: readonly Unit[], visit: (unit: Unit) => void): void {
  for (const unit of units) {
    visit(unit);
    if (unit.children) forEachUnit(unit.children, visit);
  }
}

/** Frees a segment and the string annotations parsed from it (see `SyntaxTree.copyDetached`). */
function freeWithAnnotations(tree: SyntaxTree, segment: Segment): void {
  tree.free(segment);
  tree.freeAnnotations(segment);
}

/** Depth-first: each class unit is followed by its statements; passive units are left out. */
export function flattenUnits(units: readonly Unit[], out: Unit[] = []): Unit[] {
  for (const unit of units) {
    if (unit.passive) continue;
    out.push(unit);
    if (unit.children) flattenUnits(unit.children, out);
  }
  return out;
}
