import type { Node } from 'web-tree-sitter';

export type Handler = (node: Node) => void;

/** Pseudo node type dispatched once with each unit's root node. */
export const UNIT_EVENT = 'unit';

/**
 * Walks one unit with a tree cursor (much cheaper than `children` across the
 * WASM boundary) and calls the handlers registered for each node type. A class
 * unit's body (starting at `bodyStart`) is left to the units of its
 * statements. Strings spanning several lines are recorded in
 * `multilineStrings` as start/end pairs: `# noqa` comments apply to all their lines.
 */
export function walkUnit(
  root: Node,
  bodyStart: number | undefined,
  handlers: ReadonlyMap<string, Handler[]>,
  text: string,
  multilineStrings: number[],
): void {
  for (const handler of handlers.get(UNIT_EVENT) ?? []) handler(root);
  const cursor = root.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      const typeHandlers = handlers.get(type);
      if (typeHandlers) {
        const node = cursor.currentNode;
        for (const handler of typeHandlers) handler(node);
      }
      if (type === 'string') {
        const { startIndex, endIndex } = cursor;
        const newline = text.indexOf('\n', startIndex);
        if (newline !== -1 && newline < endIndex) multilineStrings.push(startIndex, endIndex);
      }
      const skip = type === 'block' && cursor.startIndex === bodyStart;
      if (!skip && cursor.gotoFirstChild()) continue;
      let moved = false;
      while (!moved) {
        if (cursor.gotoNextSibling()) moved = true;
        else if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}
