import type { Node } from 'web-tree-sitter';
import { blockStatements } from '../analysis/statements';

/** The parts of an `except` / `except*` clause. */
export interface ExceptHandler {
  clause: Node;
  /** The `except` keyword (and `*`), where handler-level findings point. */
  keyword: Node;
  /** The caught type expression (`Exception`, `(A, B)`), or null for a bare `except:`. */
  type: Node | null;
  /** The identifier after `as`, if any. */
  name: Node | null;
  body: Node | null;
  star: boolean;
}

export const HANDLER_TYPES = ['except_clause', 'except_group_clause'] as const;

export function exceptHandler(clause: Node): ExceptHandler {
  const value = clause.childForFieldName('value');
  let type: Node | null = value;
  let name: Node | null = null;
  if (value?.type === 'as_pattern') {
    type = value.namedChild(0);
    const target = value.childForFieldName('alias');
    name = target?.type === 'as_pattern_target' ? target.namedChild(0) : target;
    if (name?.type !== 'identifier') name = null;
  }
  return {
    clause,
    keyword: clause.child(0)!,
    type,
    name,
    body: clause.namedChildren.find((child) => child?.type === 'block') ?? null,
    star: clause.type === 'except_group_clause' || clause.children.some((token) => token?.type === '*'),
  };
}

/** The classes a handler names: the elements of a tuple, or the one expression. */
export function caughtTypes(type: Node | null): Node[] {
  if (!type) return [];
  let current = type;
  while (current.type === 'parenthesized_expression' && current.namedChild(0)) current = current.namedChild(0)!;
  if (current.type === 'tuple') return current.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
  return [current];
}

/**
 * `Exception` or `BaseException` when the node names one of them
 * (`builtins.Exception` too). Until the semantic model lands this trusts the
 * name: a module that rebinds `Exception` would be misread.
 */
export function blindExceptionName(node: Node): string | undefined {
  const name = node.type === 'attribute' && node.childForFieldName('object')?.text === 'builtins'
    ? node.childForFieldName('attribute')?.text
    : node.type === 'identifier' ? node.text : undefined;
  return name === 'Exception' || name === 'BaseException' ? name : undefined;
}

/** The blocks nested directly in a compound statement, by the part they belong to. */
export interface NestedBlocks {
  /** `if` body, loop bodies, `with` body, `try` body, `case` bodies, def/class bodies. */
  main: Node[];
  /** `elif` / `else` of an `if`. */
  alternatives: Node[];
  /** The `else:` of a `for` / `while`. */
  loopElse: Node[];
  /** A `try`'s handlers and `else:`. */
  handlers: Node[];
  /** A `try`'s `finally:`. */
  final: Node[];
}

/** What a statement is, for visitors that treat kinds of statements differently. */
export type StatementKind = 'if' | 'loop' | 'with' | 'match' | 'try' | 'definition' | 'simple';

export function statementKind(statement: Node): StatementKind {
  switch (statement.type) {
    case 'if_statement':
      return 'if';
    case 'for_statement':
    case 'while_statement':
      return 'loop';
    case 'with_statement':
      return 'with';
    case 'match_statement':
      return 'match';
    case 'try_statement':
      return 'try';
    case 'function_definition':
    case 'class_definition':
    case 'decorated_definition':
      return 'definition';
    default:
      return 'simple';
  }
}

function blockOf(node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'block') return node;
  return node.childForFieldName('body') ?? node.childForFieldName('consequence') ?? node.namedChildren.find((c) => c?.type === 'block') ?? undefined;
}

export function nestedBlocks(statement: Node): NestedBlocks {
  const blocks: NestedBlocks = { main: [], alternatives: [], loopElse: [], handlers: [], final: [] };
  const add = (list: Node[], node: Node | null | undefined): void => {
    const block = blockOf(node);
    if (block) list.push(block);
  };
  switch (statementKind(statement)) {
    case 'if':
      add(blocks.main, statement.childForFieldName('consequence'));
      for (const alternative of statement.childrenForFieldName('alternative')) add(blocks.alternatives, alternative);
      break;
    case 'loop':
      add(blocks.main, statement.childForFieldName('body'));
      add(blocks.loopElse, statement.childForFieldName('alternative'));
      break;
    case 'with':
      add(blocks.main, statement.childForFieldName('body'));
      break;
    case 'try':
      add(blocks.main, statement.childForFieldName('body'));
      for (const clause of statement.namedChildren) {
        if (clause?.type === 'finally_clause') add(blocks.final, clause);
        else if (clause && clause.type !== 'block' && clause.type !== 'comment') add(blocks.handlers, clause);
      }
      break;
    case 'match':
      for (const clause of statement.childForFieldName('body')?.namedChildren ?? []) {
        if (clause?.type === 'case_clause') add(blocks.main, clause.childForFieldName('consequence'));
      }
      break;
    case 'definition': {
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      add(blocks.main, definition?.childForFieldName('body'));
      break;
    }
    default:
      break;
  }
  return blocks;
}

/**
 * Visits the statements of `block` and, where `descend` gives them, the
 * statements of nested blocks, in source order.
 */
export function visitStatements(
  block: Node | null,
  visit: (statement: Node) => void,
  descend: (statement: Node) => Node[],
): void {
  for (const statement of blockStatements(block)) {
    visit(statement);
    for (const nested of descend(statement)) visitStatements(nested, visit, descend);
  }
}

/** The raised expression and the `from` cause of a `raise` statement. */
export function raiseParts(statement: Node): { exc: Node | null; cause: Node | null } {
  const cause = statement.childForFieldName('cause');
  const exc = statement.namedChildren.find((child) => child !== null && child.type !== 'comment' && (!cause || child.startIndex !== cause.startIndex)) ?? null;
  return { exc, cause };
}

/** Whether `node` is an identifier spelled `name`. */
export function isName(node: Node | null, name: string | undefined): boolean {
  return name !== undefined && node?.type === 'identifier' && node.text === name;
}
