import { F, K, T } from './grammar';
import { NONE, type NodeId, type SyntaxTree } from './tree';

/**
 * Statement-level views of tree-sitter-python nodes, shared by the rules that
 * count statements, branches or paths.
 */

/** The statements of a block, without the comments tree-sitter keeps among them. */
export function blockStatements(tree: SyntaxTree, block: NodeId): NodeId[] {
  if (block === NONE) return [];
  return tree.namedChildren(block).filter((child) => tree.type(child) !== T.comment);
}

/** The function or class that a statement defines, looking through decorators. */
export function definitionOf(tree: SyntaxTree, statement: NodeId): NodeId {
  return tree.type(statement) === T.decorated_definition ? tree.field(statement, F.definition) : statement;
}

/**
 * The block of a compound statement's clause: `body` for `else:`, `consequence`
 * for `elif` and `case`, and the unnamed block of `except` and `finally`.
 */
export function clauseBlock(tree: SyntaxTree, clause: NodeId): NodeId {
  const body = tree.field(clause, F.body);
  if (body !== NONE) return body;
  const consequence = tree.field(clause, F.consequence);
  if (consequence !== NONE) return consequence;
  return tree.childOfType(clause, T.block);
}

/** The clauses of a `try` statement, by kind. */
export interface TryClauses {
  handlers: NodeId[];
  /** The `else:` clause, or NONE. */
  orelse: NodeId;
  /** The `finally:` clause, or NONE. */
  finalbody: NodeId;
  /** `except*` handlers (PEP 654): Python's AST calls such a statement `TryStar`. */
  star: boolean;
}

export function tryClauses(tree: SyntaxTree, statement: NodeId): TryClauses {
  const clauses: TryClauses = { handlers: [], orelse: NONE, finalbody: NONE, star: false };
  for (let child = tree.firstNamedChild(statement); child !== NONE; child = tree.nextNamedSibling(child)) {
    const type = tree.type(child);
    if (type === T.except_clause) {
      clauses.handlers.push(child);
      if (tree.childOfType(child, K['*']) !== NONE) clauses.star = true;
    } else if (type === T.else_clause) clauses.orelse = child;
    else if (type === T.finally_clause) clauses.finalbody = child;
  }
  return clauses;
}

/** The `elif` and `else` clauses of an `if` statement, in order. */
export function ifAlternatives(tree: SyntaxTree, statement: NodeId): NodeId[] {
  return tree.fields(statement, F.alternative);
}

/** The `else:` clause of a `for` or `while` loop. */
export function loopElse(tree: SyntaxTree, statement: NodeId): NodeId {
  return tree.field(statement, F.alternative);
}

/** The innermost function, class or module around a statement (the scope it is defined in). */
export function enclosingScope(tree: SyntaxTree, node: NodeId): NodeId {
  for (let current = tree.parent(node); current !== NONE; current = tree.parent(current)) {
    const type = tree.type(current);
    if (type === T.function_definition || type === T.class_definition || type === T.module) return current;
  }
  return NONE;
}
