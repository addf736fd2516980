import type { Node } from 'web-tree-sitter';

/**
 * An analysis unit: a statement at module level or directly in the body of a
 * class (recursively). Units are walked and cached separately, so a keystroke
 * in one method re-walks that method and its class header only.
 */
export interface Unit {
  node: Node;
  start: number;
  end: number;
  /**
   * Identical keys mean identical findings: the unit's node type, its column,
   * the headers of the classes around it and its text.
   */
  key: string;
  /** For a class unit: the body, whose statements are units of their own. */
  splitBody?: Node;
}

const CLASS_TYPES = new Set(['class_definition']);

/** The body of a class statement (possibly decorated), which is split into units. */
export function classBody(node: Node): Node | undefined {
  const definition = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
  if (!definition || !CLASS_TYPES.has(definition.type)) return undefined;
  const body = definition.childForFieldName('body');
  return body?.type === 'block' ? body : undefined;
}

export function collectUnits(root: Node, text: string): Unit[] {
  const units: Unit[] = [];
  collectStatements(root, text, '', units);
  return units;
}

function collectStatements(parent: Node, text: string, context: string, units: Unit[]): void {
  const cursor = parent.walk();
  try {
    if (!cursor.gotoFirstChild()) return;
    do {
      if (!cursor.nodeIsNamed || cursor.nodeType === 'comment') continue;
      const node = cursor.currentNode;
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      const column = start - (text.lastIndexOf('\n', start - 1) + 1);
      const body = classBody(node);
      units.push({ node, start, end, key: `${node.type}\u0000${column}\u0000${context}\u0000${text.slice(start, end)}`, splitBody: body });
      if (body) collectStatements(body, text, `${context}\u0001${text.slice(start, body.startIndex)}`, units);
    } while (cursor.gotoNextSibling());
  } finally {
    cursor.delete();
  }
}
