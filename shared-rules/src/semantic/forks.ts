import { F, T } from '../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';

/**
 * Whether two definitions sit in alternative branches of the same `if` or
 * `try` (`try: import json` / `except ImportError: json = None`), where a
 * second definition is not a redefinition. Mirrors how pyflakes reasons on
 * Python's AST, in which `elif` is an `if` nested in the `else` branch: only
 * the innermost statement holding both nodes counts.
 */
export function inDifferentForks(tree: SyntaxTree, a: NodeId, b: NodeId): boolean {
  const common = lowestCommonAncestor(tree, a, b);
  if (!common) return false;
  const type = tree.type(common);
  if (type === T.if_statement || type === T.elif_clause) return differentIfBranches(tree, common, a, b);
  if (type === T.try_statement) return tryBranch(tree, common, a) !== tryBranch(tree, common, b);
  return false;
}

function depthOf(tree: SyntaxTree, node: NodeId): number {
  let depth = 0;
  for (let current = tree.parent(node); current; current = tree.parent(current)) depth++;
  return depth;
}

/** Walks up from the deeper node to the other's depth, then from both at once: no chain of ancestors is built (it runs for every redefinition). */
function lowestCommonAncestor(tree: SyntaxTree, a: NodeId, b: NodeId): NodeId {
  let left = a;
  let right = b;
  let leftDepth = depthOf(tree, a);
  let rightDepth = depthOf(tree, b);
  for (; leftDepth > rightDepth; leftDepth--) left = tree.parent(left);
  for (; rightDepth > leftDepth; rightDepth--) right = tree.parent(right);
  while (left !== right) {
    left = tree.parent(left);
    right = tree.parent(right);
  }
  // A node is no fork of itself.
  if (left === a || left === b) return NONE;
  return left;
}

/** The direct child of `parent` that contains `node`. */
function childContaining(tree: SyntaxTree, parent: NodeId, node: NodeId): NodeId {
  let current = node;
  while (current && tree.parent(current) && tree.parent(current) !== parent) current = tree.parent(current);
  return current && tree.parent(current) === parent ? current : NONE;
}

/**
 * In Python's AST an `if`/`elif` chain is nested `If` nodes; the innermost
 * one holding both nodes is the `if` (or `elif`) of the earlier branch, and
 * the nodes are in different forks when exactly one is in that branch's body.
 */
function differentIfBranches(tree: SyntaxTree, common: NodeId, a: NodeId, b: NodeId): boolean {
  if (tree.type(common) === T.elif_clause) {
    const body = tree.field(common, F.consequence);
    return body ? isWithin(tree, a, body) !== isWithin(tree, b, body) : false;
  }
  const branchA = childContaining(tree, common, a);
  const branchB = childContaining(tree, common, b);
  if (!branchA || !branchB) return false;
  // The earlier of the two branches decides which `If` node is the common one.
  const first = tree.start(branchA) <= tree.start(branchB) ? branchA : branchB;
  let body: NodeId;
  if (tree.type(first) === T.elif_clause) body = tree.field(first, F.consequence);
  else if (tree.type(first) === T.else_clause) return false;
  else body = tree.field(common, F.consequence);
  return body ? isWithin(tree, a, body) !== isWithin(tree, b, body) : false;
}

function isWithin(tree: SyntaxTree, node: NodeId, container: NodeId): boolean {
  return tree.start(node) >= tree.start(container) && tree.end(node) <= tree.end(container);
}

/** `try` bodies and their `else` are one branch; each handler is one; `finally` is apart. */
function tryBranch(tree: SyntaxTree, tryNode: NodeId, node: NodeId): string {
  const child = childContaining(tree, tryNode, node);
  if (!child) return 'other';
  switch (tree.type(child)) {
    case T.except_clause:
      return `handler:${tree.start(child)}`;
    case T.finally_clause:
      return 'finally';
    default:
      return 'body';
  }
}
