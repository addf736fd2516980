import type { Node } from 'web-tree-sitter';
import type { Unit } from './units';

export type Handler = (node: Node) => void;

/** Pseudo node type dispatched once with each unit's root node. */
export const UNIT_EVENT = 'unit';

/**
 * Walks one unit with a tree cursor (much cheaper than `children` across the
 * WASM boundary) and calls the handlers registered for each node type. A class
 * unit's body is left to the units of its statements.
 */
export function walkUnit(unit: Unit, handlers: ReadonlyMap<string, Handler[]>): void {
  for (const handler of handlers.get(UNIT_EVENT) ?? []) handler(unit.node);
  const skipStart = unit.splitBody?.startIndex ?? -1;
  const cursor = unit.node.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      const typeHandlers = handlers.get(type);
      if (typeHandlers) {
        const node = cursor.currentNode;
        for (const handler of typeHandlers) handler(node);
      }
      const skip = type === 'block' && cursor.startIndex === skipStart;
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
