import { blockStatements } from './statements';
import { F, K, T } from './grammar';
import { NONE, type NodeId, type SyntaxTree } from './tree';

/** The parts of an `except` / `except*` clause. */
export interface ExceptHandler {
  clause: NodeId;
  /** The `except` keyword (and `*`), where handler-level findings point. */
  keyword: NodeId;
  /** The caught type expression (`Exception`, `(A, B)`), or NONE for a bare `except:`. */
  type: NodeId;
  /** The identifier after `as`, if any (else NONE). */
  name: NodeId;
  body: NodeId;
  star: boolean;
}

export function exceptHandler(tree: SyntaxTree, clause: NodeId): ExceptHandler {
  const value = tree.field(clause, F.value);
  let type = value;
  let name = NONE;
  if (value !== NONE && tree.type(value) === T.as_pattern) {
    type = tree.namedChild(value, 0);
    const target = tree.field(value, F.alias);
    name = target !== NONE && tree.type(target) === T.as_pattern_target ? tree.namedChild(target, 0) : target;
    if (name !== NONE && tree.type(name) !== T.identifier) name = NONE;
  }
  return {
    clause,
    keyword: tree.firstChild(clause),
    type,
    name,
    body: tree.childOfType(clause, T.block),
    star: tree.childOfType(clause, K['*']) !== NONE,
  };
}

/** The classes a handler names: the elements of a tuple, or the one expression. */
export function caughtTypes(tree: SyntaxTree, type: NodeId): NodeId[] {
  if (type === NONE) return [];
  let current = type;
  while (tree.type(current) === T.parenthesized_expression && tree.namedChild(current, 0) !== NONE) current = tree.namedChild(current, 0);
  if (tree.type(current) === T.tuple) return tree.namedChildren(current).filter((child) => tree.type(child) !== T.comment);
  return [current];
}

/**
 * `Exception` or `BaseException` when the node names one of them
 * (`builtins.Exception` too). Until the semantic model lands this trusts the
 * name: a module that rebinds `Exception` would be misread.
 */
export function blindExceptionName(tree: SyntaxTree, node: NodeId): string | undefined {
  let name: string | undefined;
  if (tree.type(node) === T.attribute) {
    const object = tree.field(node, F.object);
    if (object !== NONE && tree.text(object) === 'builtins') {
      const attribute = tree.field(node, F.attribute);
      name = attribute === NONE ? undefined : tree.text(attribute);
    }
  } else if (tree.type(node) === T.identifier) name = tree.text(node);
  return name === 'Exception' || name === 'BaseException' ? name : undefined;
}

/** The blocks nested directly in a compound statement, by the part they belong to. */
export interface NestedBlocks {
  /** `if` body, loop bodies, `with` body, `try` body, `case` bodies, def/class bodies. */
  main: NodeId[];
  /** `elif` / `else` of an `if`. */
  alternatives: NodeId[];
  /** The `else:` of a `for` / `while`. */
  loopElse: NodeId[];
  /** A `try`'s handlers and `else:`. */
  handlers: NodeId[];
  /** A `try`'s `finally:`. */
  final: NodeId[];
}

/** What a statement is, for visitors that treat kinds of statements differently. */
export type StatementKind = 'if' | 'loop' | 'with' | 'match' | 'try' | 'definition' | 'simple';

export function statementKind(tree: SyntaxTree, statement: NodeId): StatementKind {
  switch (tree.type(statement)) {
    case T.if_statement:
      return 'if';
    case T.for_statement:
    case T.while_statement:
      return 'loop';
    case T.with_statement:
      return 'with';
    case T.match_statement:
      return 'match';
    case T.try_statement:
      return 'try';
    case T.function_definition:
    case T.class_definition:
    case T.decorated_definition:
      return 'definition';
    default:
      return 'simple';
  }
}

function blockOf(tree: SyntaxTree, node: NodeId): NodeId {
  if (node === NONE) return NONE;
  if (tree.type(node) === T.block) return node;
  const body = tree.field(node, F.body);
  if (body !== NONE) return body;
  const consequence = tree.field(node, F.consequence);
  if (consequence !== NONE) return consequence;
  return tree.childOfType(node, T.block);
}

export function nestedBlocks(tree: SyntaxTree, statement: NodeId): NestedBlocks {
  const blocks: NestedBlocks = { main: [], alternatives: [], loopElse: [], handlers: [], final: [] };
  const add = (list: NodeId[], node: NodeId): void => {
    const block = blockOf(tree, node);
    if (block !== NONE) list.push(block);
  };
  switch (statementKind(tree, statement)) {
    case 'if':
      add(blocks.main, tree.field(statement, F.consequence));
      for (const alternative of tree.fields(statement, F.alternative)) add(blocks.alternatives, alternative);
      break;
    case 'loop':
      add(blocks.main, tree.field(statement, F.body));
      add(blocks.loopElse, tree.field(statement, F.alternative));
      break;
    case 'with':
      add(blocks.main, tree.field(statement, F.body));
      break;
    case 'try':
      add(blocks.main, tree.field(statement, F.body));
      for (let clause = tree.firstNamedChild(statement); clause !== NONE; clause = tree.nextNamedSibling(clause)) {
        const type = tree.type(clause);
        if (type === T.finally_clause) add(blocks.final, clause);
        else if (type !== T.block && type !== T.comment) add(blocks.handlers, clause);
      }
      break;
    case 'match': {
      const body = tree.field(statement, F.body);
      if (body === NONE) break;
      for (let clause = tree.firstNamedChild(body); clause !== NONE; clause = tree.nextNamedSibling(clause)) {
        if (tree.type(clause) === T.case_clause) add(blocks.main, tree.field(clause, F.consequence));
      }
      break;
    }
    case 'definition': {
      const definition = tree.type(statement) === T.decorated_definition ? tree.field(statement, F.definition) : statement;
      add(blocks.main, definition === NONE ? NONE : tree.field(definition, F.body));
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
  tree: SyntaxTree,
  block: NodeId,
  visit: (statement: NodeId) => void,
  descend: (statement: NodeId) => NodeId[],
): void {
  for (const statement of blockStatements(tree, block)) {
    visit(statement);
    for (const nested of descend(statement)) visitStatements(tree, nested, visit, descend);
  }
}

/** The raised expression and the `from` cause of a `raise` statement. */
export function raiseParts(tree: SyntaxTree, statement: NodeId): { exc: NodeId; cause: NodeId } {
  const cause = tree.field(statement, F.cause);
  let exc = tree.firstNamedChild(statement);
  while (exc !== NONE && (tree.type(exc) === T.comment || (cause !== NONE && tree.start(exc) === tree.start(cause)))) {
    exc = tree.nextNamedSibling(exc);
  }
  return { exc, cause };
}

/** Whether `node` is an identifier spelled `name`. */
export function isName(tree: SyntaxTree, node: NodeId, name: string | undefined): boolean {
  return name !== undefined && node !== NONE && tree.type(node) === T.identifier && tree.text(node) === name;
}
