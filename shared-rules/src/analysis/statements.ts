import type { Node } from 'web-tree-sitter';

/**
 * Statement-level views of tree-sitter-python nodes, shared by the rules that
 * count statements, branches or paths.
 */

/** The statements of a block, without the comments tree-sitter keeps among them. */
export function blockStatements(block: Node | null | undefined): Node[] {
  if (!block) return [];
  return block.namedChildren.filter((child) => child.type !== 'comment');
}

/** The function or class that a statement defines, looking through decorators. */
export function definitionOf(statement: Node): Node | null {
  return statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
}

/**
 * The block of a compound statement's clause: `body` for `else:`, `consequence`
 * for `elif` and `case`, and the unnamed block of `except` and `finally`.
 */
export function clauseBlock(clause: Node): Node | null {
  return (
    clause.childForFieldName('body') ??
    clause.childForFieldName('consequence') ??
    clause.namedChildren.find((child) => child.type === 'block') ??
    null
  );
}

/** The clauses of a `try` statement, by kind. */
export interface TryClauses {
  handlers: Node[];
  orelse: Node | undefined;
  finalbody: Node | undefined;
  /** `except*` handlers (PEP 654): Python's AST calls such a statement `TryStar`. */
  star: boolean;
}

export function tryClauses(statement: Node): TryClauses {
  const clauses: TryClauses = { handlers: [], orelse: undefined, finalbody: undefined, star: false };
  for (const child of statement.namedChildren) {
    if (child.type === 'except_clause') {
      clauses.handlers.push(child);
      if (child.children.some((token) => token.type === '*')) clauses.star = true;
    } else if (child.type === 'else_clause') clauses.orelse = child;
    else if (child.type === 'finally_clause') clauses.finalbody = child;
  }
  return clauses;
}

/** The `elif` and `else` clauses of an `if` statement, in order. */
export function ifAlternatives(statement: Node): Node[] {
  return statement.childrenForFieldName('alternative');
}

/** The `else:` clause of a `for` or `while` loop. */
export function loopElse(statement: Node): Node | undefined {
  return statement.childForFieldName('alternative') ?? undefined;
}

/** The innermost function, class or module around a statement (the scope it is defined in). */
export function enclosingScope(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition' || current.type === 'module') {
      return current;
    }
  }
  return null;
}
