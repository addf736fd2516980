import type { SyntaxNode as Node } from './syntax';

/**
 * Whether two definitions sit in alternative branches of the same `if` or
 * `try` (`try: import json` / `except ImportError: json = None`), where a
 * second definition is not a redefinition. Mirrors how pyflakes reasons on
 * Python's AST, in which `elif` is an `if` nested in the `else` branch: only
 * the innermost statement holding both nodes counts.
 */
export function inDifferentForks(a: Node, b: Node): boolean {
  const common = lowestCommonAncestor(a, b);
  if (!common) return false;
  if (common.type === 'if_statement' || common.type === 'elif_clause') return differentIfBranches(common, a, b);
  if (common.type === 'try_statement') return tryBranch(common, a) !== tryBranch(common, b);
  return false;
}

function ancestors(node: Node): Node[] {
  const chain: Node[] = [];
  for (let current: Node | null = node; current; current = current.parent) chain.push(current);
  return chain.reverse();
}

function lowestCommonAncestor(a: Node, b: Node): Node | undefined {
  const left = ancestors(a);
  const right = ancestors(b);
  let common: Node | undefined;
  for (let i = 0; i < left.length && i < right.length && left[i].id === right[i].id; i++) common = left[i];
  // A node is no fork of itself.
  if (common && (common.id === a.id || common.id === b.id)) return undefined;
  return common;
}

/** The direct child of `parent` that contains `node`. */
function childContaining(parent: Node, node: Node): Node | undefined {
  let current: Node | null = node;
  while (current && current.parent && current.parent.id !== parent.id) current = current.parent;
  return current?.parent?.id === parent.id ? current : undefined;
}

/**
 * In Python's AST an `if`/`elif` chain is nested `If` nodes; the innermost
 * one holding both nodes is the `if` (or `elif`) of the earlier branch, and
 * the nodes are in different forks when exactly one is in that branch's body.
 */
function differentIfBranches(common: Node, a: Node, b: Node): boolean {
  if (common.type === 'elif_clause') {
    const body = common.childForFieldName('consequence');
    return body ? isWithin(a, body) !== isWithin(b, body) : false;
  }
  const branchA = childContaining(common, a);
  const branchB = childContaining(common, b);
  if (!branchA || !branchB) return false;
  // The earlier of the two branches decides which `If` node is the common one.
  const first = branchA.startIndex <= branchB.startIndex ? branchA : branchB;
  let body: Node | null;
  if (first.type === 'elif_clause') body = first.childForFieldName('consequence');
  else if (first.type === 'else_clause') return false;
  else body = common.childForFieldName('consequence');
  return body ? isWithin(a, body) !== isWithin(b, body) : false;
}

function isWithin(node: Node, container: Node): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/** `try` bodies and their `else` are one branch; each handler is one; `finally` is apart. */
function tryBranch(tryNode: Node, node: Node): string {
  const child = childContaining(tryNode, node);
  if (!child) return 'other';
  switch (child.type) {
    case 'except_clause':
    case 'except_group_clause':
      return `handler:${child.startIndex}`;
    case 'finally_clause':
      return 'finally';
    default:
      return 'body';
  }
}
