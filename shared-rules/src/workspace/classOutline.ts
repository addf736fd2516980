import { baseText, classBases } from '../resolution/classBases';
import { segmentDefinitions } from '../syntax/definitions';
import { memoizedInSegment } from '../syntax/memo';
import type { NodeId, Segment, SyntaxTree } from '../syntax/tree';
import { segmentImportBindings } from './moduleSummary';

/**
 * What the class hierarchy reads of a file, as strings to compare from one
 * version of the tree to the next: for each segment holding some, in the
 * order of a walk of the segments, its definitions (kind, name, the one
 * around each in the segment, the bases of classes), which of them holds
 * the segment's split body, and what its imports bind in the module.
 * Parentheses mark where a segment's body segments begin and end.
 */
export interface FileOutline {
  outline: string[];
  /** For each segment holding classes, how many classes the walk met before its own. */
  classesBefore: Map<Segment, number>;
}

interface SegmentOutline {
  filePath: string | undefined;
  text: string;
  classes: number;
}

/** Each segment's outline, made again for another file path (relative imports name other modules). */
const outlines = memoizedInSegment((): SegmentOutline => ({ filePath: undefined, text: '', classes: 0 }));

function segmentOutline(tree: SyntaxTree, segment: Segment, moduleLevel: boolean, filePath: string): SegmentOutline {
  const known = outlines(tree, segment);
  if (known.filePath === filePath) return known;
  const own = segmentDefinitions(tree, segment);
  const definitions = own.definitions.map((definition) => [
    definition.kind,
    definition.name,
    definition.parent ? own.definitions.indexOf(definition.parent) : -1,
    definition.kind === 'class' ? classBases(tree, definition.node).map((base) => baseText(tree, base)) : [],
  ]);
  const imports = moduleLevel ? segmentImportBindings(filePath, tree, segment) : [];
  const text = definitions.length || imports.length
    ? JSON.stringify([definitions, own.beforeBody, own.bodyOwner ? own.definitions.indexOf(own.bodyOwner) : -1, imports])
    : '';
  known.filePath = filePath;
  known.text = text;
  known.classes = own.definitions.filter((definition) => definition.kind === 'class').length;
  return known;
}

const outlinesByTree = new WeakMap<SyntaxTree, { version: number; filePath: string; outline: FileOutline }>();

/** The file's outline, once per version of the tree, from those of the segments an edit replaced and those kept. */
export function fileOutline(tree: SyntaxTree, filePath: string): FileOutline {
  const kept = outlinesByTree.get(tree);
  if (kept?.version === tree.version && kept.filePath === filePath) return kept.outline;
  const outline: FileOutline = { outline: [], classesBefore: new Map() };
  let classes = 0;
  // Classes nest in classes: the depth is bounded by the nesting limits.
  const walk = (segment: Segment, moduleLevel: boolean): void => {
    const own = segmentOutline(tree, segment, moduleLevel, filePath);
    if (own.text) outline.outline.push(own.text);
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
  outlinesByTree.set(tree, { version: tree.version, filePath, outline });
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
