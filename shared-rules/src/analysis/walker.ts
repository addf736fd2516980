import { T, TYPE_NAMES } from '../syntax/grammar';
import type { NodeId, SyntaxTree } from '../syntax/tree';
import type { TextReader } from '../text/pieceText';

export type Handler = (node: NodeId) => void;

/** Pseudo node type dispatched once with each unit's root node. */
export const UNIT_EVENT = 'unit';

/** Every id the grammar gives each node type name. */
const TYPE_IDS = new Map<string, number[]>([['ERROR', [T.ERROR]]]);
TYPE_NAMES.forEach((name, id) => {
  const ids = TYPE_IDS.get(name);
  if (ids) ids.push(id);
  else TYPE_IDS.set(name, [id]);
});

/** Handlers by node type id, built once per walk from the rules' visitors. */
export class HandlerTable {
  private readonly byType: (Handler[] | undefined)[] = new Array(TYPE_NAMES.length + 1);
  readonly unit: Handler[] = [];

  /** Registers a handler for a node type name (every id the grammar gives that name). */
  add(type: string, handler: Handler): void {
    if (type === UNIT_EVENT) {
      this.unit.push(handler);
      return;
    }
    const ids = TYPE_IDS.get(type);
    if (!ids) throw new Error(`no node type is called \`${type}\``);
    for (const id of ids) {
      const slot = this.slot(id);
      (this.byType[slot] ??= []).push(handler);
    }
  }

  handlers(type: number): Handler[] | undefined {
    return this.byType[this.slot(type)];
  }

  private slot(type: number): number {
    return type === T.ERROR ? TYPE_NAMES.length : type;
  }
}

/**
 * Calls the handlers registered for each node type on the unit's nodes of
 * that type, in document order (outer nodes first): one pass over the unit's
 * records. A class unit's body (from `bodyStart` on) is left to the units of
 * its statements. Strings spanning several lines are recorded in
 * `multilineStrings` as start/end pairs: `# noqa` comments apply to all their lines.
 */
export function walkUnit(tree: SyntaxTree, root: NodeId, bodyStart: number | undefined, handlers: HandlerTable, text: TextReader, multilineStrings: number[]): void {
  for (const handler of handlers.unit) handler(root);
  const { first, after } = tree.recordRange(root);
  for (let index = first; index < after; index++) {
    const node = index as NodeId;
    const type = tree.type(node);
    const list = handlers.handlers(type);
    if (type !== T.string && !list) continue;
    const start = tree.start(node);
    if (bodyStart !== undefined && start >= bodyStart) continue;
    if (type === T.string) {
      const end = tree.end(node);
      const newline = text.indexOf('\n', start);
      if (newline !== -1 && newline < end) multilineStrings.push(start, end);
    }
    if (list) for (const handler of list) handler(node);
  }
}
