import type { NodeId, SyntaxTree } from '../syntax/tree';

// What a rule file needs, from one place: the basic types, the contract the linter runs, and helpers.
export type * from '../findings/finding';
export type * from '../findings/ruleMeta';
export type * from '../analysis/rule';

/** Offsets of a node, as findings and edits use them. */
export function span(tree: SyntaxTree, node: NodeId): { start: number; end: number } {
  return { start: tree.start(node), end: tree.end(node) };
}
