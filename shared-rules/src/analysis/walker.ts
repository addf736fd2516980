import type { Node } from 'web-tree-sitter';

export type Handler = (node: Node) => void;

/** Pseudo node type dispatched once with each unit's root node. */
export const UNIT_EVENT = 'unit';

/**
 * Calls the handlers registered for each node type on the unit's nodes of
 * that type, in document order (outer nodes first). tree-sitter collects the
 * nodes in one call: stepping a cursor over every node across the WASM
 * boundary costs more, and rules look at few node types. A class unit's body
 * (from `bodyStart` on) is left to the units of its statements. Strings
 * spanning several lines are recorded in `multilineStrings` as start/end
 * pairs: `# noqa` comments apply to all their lines.
 */
export function walkUnit(
  root: Node,
  bodyStart: number | undefined,
  handlers: ReadonlyMap<string, Handler[]>,
  text: string,
  multilineStrings: number[],
): void {
  for (const handler of handlers.get(UNIT_EVENT) ?? []) handler(root);
  const types = [...handlers.keys(), 'string'].filter((type) => type !== UNIT_EVENT);
  for (const node of root.descendantsOfType(types)) {
    if (!node) continue;
    const start = node.startIndex;
    if (bodyStart !== undefined && start >= bodyStart) continue;
    const type = node.type;
    if (type === 'string') {
      const end = node.endIndex;
      const newline = text.indexOf('\n', start);
      if (newline !== -1 && newline < end) multilineStrings.push(start, end);
    }
    for (const handler of handlers.get(type) ?? []) handler(node);
  }
}
