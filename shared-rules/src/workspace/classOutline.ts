import { baseText, classBases } from '../resolution/classBases';
import { segmentDefinitions } from '../syntax/definitions';
import { memoizedInSegment } from '../syntax/memo';
import type { NodeId, Segment, SegmentChange, SyntaxTree } from '../syntax/tree';
import { segmentImportBindings, type ImportBinding } from './moduleSummary';

/**
 * What the class hierarchy reads of a file, as strings to compare from one
 * version of the tree to the next: for each segment holding some, in the
 * order of a walk of the segments, its definitions (kind, name, the one
 * around each in the segment, the bases of classes) and which of them holds
 * the segment's split body; parentheses mark where a segment's body segments
 * begin and end. Then what the module's imports bind to the names that start
 * the bases of its classes: the hierarchy reads no other import.
 */
export interface FileOutline {
  outline: string[];
  /** For each segment holding classes, how many classes the walk met before its own. */
  classesBefore: Map<Segment, number>;
  /** The first dotted part of each base of the file's classes: the names whose imports the outline holds. */
  baseHeads: Set<string>;
}

interface SegmentOutline {
  filePath: string | undefined;
  text: string;
  classes: number;
  /** The first dotted part of each base of its classes. */
  baseHeads: string[];
  /** What a module-level statement's imports bind in the module. */
  imports: readonly ImportBinding[];
}

/** Each segment's outline, made again for another file path (relative imports name other modules). */
const outlines = memoizedInSegment((): SegmentOutline => ({ filePath: undefined, text: '', classes: 0, baseHeads: [], imports: [] }));

function segmentOutline(tree: SyntaxTree, segment: Segment, moduleLevel: boolean, filePath: string): SegmentOutline {
  const known = outlines(tree, segment);
  if (known.filePath === filePath) return known;
  const own = segmentDefinitions(tree, segment);
  const baseHeads: string[] = [];
  const definitions = own.definitions.map((definition) => {
    const bases = definition.kind === 'class' ? classBases(tree, definition.node).map((base) => baseText(tree, base)) : [];
    for (const base of bases) baseHeads.push(baseHead(base));
    return [definition.kind, definition.name, definition.parent ? own.definitions.indexOf(definition.parent) : -1, bases];
  });
  known.filePath = filePath;
  known.text = definitions.length ? JSON.stringify([definitions, own.beforeBody, own.bodyOwner ? own.definitions.indexOf(own.bodyOwner) : -1]) : '';
  known.classes = own.definitions.filter((definition) => definition.kind === 'class').length;
  known.baseHeads = baseHeads;
  known.imports = moduleLevel ? segmentImportBindings(filePath, tree, segment) : [];
  return known;
}

/** The name a base starts with, which an import may bind (as `ClassHierarchy` looks bases up). */
function baseHead(base: string): string {
  return base.split('.')[0];
}

const outlinesByTree = new WeakMap<SyntaxTree, { version: number; position: number; filePath: string; outline: FileOutline }>();

/**
 * The units copied and freed since the last outline that may change it (with
 * definitions, or a body of units); undefined when one binds by import a
 * name a base starts with (`baseHeads`), which the outline then holds again.
 * None of those freed holds an outline for the path when copied after the
 * last outline, which did not see it.
 */
function outlinedChanges(
  tree: SyntaxTree,
  changes: readonly SegmentChange[],
  filePath: string,
  baseHeads: ReadonlySet<string>,
): { freed: Segment[]; copied: Segment[] } | undefined {
  const freed: Segment[] = [];
  const copied: Segment[] = [];
  for (const { segment, added } of changes) {
    if (added && segment.slot < 0) continue;
    const own = added ? segmentOutline(tree, segment, segment.parentNode === tree.root, filePath) : outlines(tree, segment);
    if (own.filePath !== filePath) continue;
    if (own.imports.some((binding) => baseHeads.has(binding.binds))) return undefined;
    if (own.text !== '' || segment.firstChild !== undefined) (added ? copied : freed).push(segment);
  }
  return { freed, copied };
}

/**
 * Each unit copied since the last outline paired with the unit freed whose
 * place it took with the same outline (see `outlinedChanges`), or undefined
 * when one has no such partner: the outline is then made again. A freed
 * unit keeps the neighbours and body it had when it was freed; a unit with
 * no neighbour is not paired (which body holds it is not known).
 */
function replacedInPlace(tree: SyntaxTree, { freed, copied }: { freed: Segment[]; copied: Segment[] }): Map<Segment, Segment> | undefined {
  if (freed.length !== copied.length) return undefined;
  const partners = new Map<Segment, Segment>();
  for (const unit of copied) {
    const text = outlines(tree, unit).text;
    const old = freed.find((candidate) => !partners.has(candidate) && outlines(tree, candidate).text === text &&
      candidate.previous === unit.previous && candidate.next === unit.next && (unit.previous !== undefined || unit.next !== undefined));
    if (!old) return undefined;
    partners.set(old, unit);
  }
  const same = (old: Segment | undefined, unit: Segment | undefined): boolean => (old && partners.get(old)) === unit || old === unit;
  for (const [old, unit] of partners) if (!same(old.firstChild, unit.firstChild) || !same(old.lastChild, unit.lastChild)) return undefined;
  return partners;
}

/**
 * The file's outline, once per version of the tree, from those of the
 * segments: kept when the units copied and freed since took each other's
 * places with the same outlines (or have none) and bind by import no name a
 * base starts with, else made again from those of the units kept and of the
 * new ones.
 */
export function fileOutline(tree: SyntaxTree, filePath: string): FileOutline {
  const kept = outlinesByTree.get(tree);
  if (kept?.filePath === filePath) {
    if (kept.version === tree.version) return kept.outline;
    const changes = tree.segmentChangesSince(kept.position);
    const outlined = changes && outlinedChanges(tree, changes, filePath, kept.outline.baseHeads);
    const partners = outlined && replacedInPlace(tree, outlined);
    if (partners) {
      const { classesBefore } = kept.outline;
      for (const [old, unit] of partners) {
        const before = classesBefore.get(old);
        if (before === undefined) continue;
        classesBefore.delete(old);
        classesBefore.set(unit, before);
      }
      kept.version = tree.version;
      kept.position = tree.segmentChanges;
      return kept.outline;
    }
  }
  const outline: FileOutline = { outline: [], classesBefore: new Map(), baseHeads: new Set() };
  const imports: ImportBinding[] = [];
  let classes = 0;
  // Classes nest in classes: the depth is bounded by the nesting limits.
  const walk = (segment: Segment, moduleLevel: boolean): void => {
    const own = segmentOutline(tree, segment, moduleLevel, filePath);
    if (own.text) outline.outline.push(own.text);
    for (const head of own.baseHeads) outline.baseHeads.add(head);
    for (const binding of own.imports) imports.push(binding);
    if (own.classes) {
      outline.classesBefore.set(segment, classes);
      classes += own.classes;
    }
    if (!segment.firstChild) return;
    outline.outline.push('(');
    for (let child: Segment | undefined = segment.firstChild; child; child = child.next) walk(child, segment === tree.module);
    outline.outline.push(')');
  };
  walk(tree.module, false);
  for (const binding of imports) if (outline.baseHeads.has(binding.binds)) outline.outline.push(JSON.stringify(binding));
  outlinesByTree.set(tree, { version: tree.version, position: tree.segmentChanges, filePath, outline });
  return outline;
}

/**
 * A class's place among the file's classes in the outline's walk, the same
 * for every version of the tree with the same outline; -1 for a node that is
 * no named class (about which the hierarchy answers nothing).
 */
export function classOrdinal(tree: SyntaxTree, filePath: string, classNode: NodeId): number {
  const segment = tree.segmentOf(classNode);
  const before = fileOutline(tree, filePath).classesBefore.get(segment);
  if (before === undefined) return -1;
  let index = 0;
  for (const definition of segmentDefinitions(tree, segment).definitions) {
    if (definition.kind !== 'class') continue;
    if (definition.node === classNode) return before + index;
    index++;
  }
  return -1;
}
