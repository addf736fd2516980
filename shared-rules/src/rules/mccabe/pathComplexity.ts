import { blockStatements, clauseBlock, definitionOf, ifAlternatives, loopElse, tryClauses } from '../../syntax/statements';
import { F, K, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

/**
 * McCabe complexity exactly as mccabe 0.7 (flake8's C901) computes it.
 *
 * mccabe builds a path graph per function and measures edges - nodes + 2.
 * Every statement adds one node and one edge, so only the branching
 * constructs change the figure, each by (number of branches - 1):
 * - `if` / `elif`: +1 each (the `else` is the second branch of its `if`);
 * - `for` / `while`: +1 (no back edge; an `else:` replaces the skip branch);
 * - `try`: +1, and +1 per `except` (the `finally:` body is never visited);
 * - a nested `def`: +1 plus its own branches (it is a "closure" of the
 *   enclosing graph, never a graph of its own);
 * - `with` and classes: their bodies count, the statement itself does not.
 * mccabe 0.7 predates `match` and `except*`: they are plain statements whose
 * bodies are not visited at all. Boolean operators, comprehensions, lambdas
 * and conditional expressions live inside statements and are never seen.
 *
 * Outside any graph (module level, class bodies, `with` bodies there) a
 * function starts a graph, and so do `if`, loops and `try`: mccabe reports
 * those as `If 12`, `Loop 12`, `TryExcept 12`, with the functions defined
 * inside them folded in as closures.
 */
export type GraphKind = 'function' | 'if' | 'loop' | 'try';

export interface ComplexityGraph {
  kind: GraphKind;
  /**
   * mccabe's entity: the function's name prefixed with the enclosing classes
   * (`Outer.Inner.method`), or for statements the keyword (`if`, `for`, `while`, `try`).
   */
  name: string;
  /** Where findings go: the function's name, or the statement's keyword. */
  anchor: NodeId;
  complexity: number;
}

/** Branches added by a list of statements inside a graph. */
function decisions(tree: SyntaxTree, statements: readonly NodeId[]): number {
  let total = 0;
  for (const statement of statements) total += statementDecisions(tree, statement);
  return total;
}

/** Branches added by the statements of a block (none for NONE). */
function blockDecisions(tree: SyntaxTree, block: NodeId): number {
  return decisions(tree, blockStatements(tree, block));
}

function statementDecisions(tree: SyntaxTree, statement: NodeId): number {
  switch (tree.type(statement)) {
    case T.decorated_definition: {
      const definition = definitionOf(tree, statement);
      return definition !== NONE ? statementDecisions(tree, definition) : 0;
    }
    case T.function_definition:
      return 1 + blockDecisions(tree, tree.field(statement, F.body));
    case T.class_definition:
    case T.with_statement:
      return blockDecisions(tree, tree.field(statement, F.body));
    case T.if_statement: {
      let total = 1 + blockDecisions(tree, tree.field(statement, F.consequence));
      for (const clause of ifAlternatives(tree, statement)) {
        if (tree.type(clause) === T.elif_clause) total += 1;
        total += blockDecisions(tree, clauseBlock(tree, clause));
      }
      return total;
    }
    case T.for_statement:
    case T.while_statement: {
      const orelse = loopElse(tree, statement);
      return 1 + blockDecisions(tree, tree.field(statement, F.body)) + (orelse !== NONE ? blockDecisions(tree, clauseBlock(tree, orelse)) : 0);
    }
    case T.try_statement: {
      const { handlers, orelse, star } = tryClauses(tree, statement);
      if (star) return 0;
      let total = 1 + handlers.length + blockDecisions(tree, tree.field(statement, F.body));
      for (const handler of handlers) total += blockDecisions(tree, clauseBlock(tree, handler));
      if (orelse !== NONE) total += blockDecisions(tree, clauseBlock(tree, orelse));
      return total;
    }
    default:
      return 0;
  }
}

/** The keyword token a statement starts with after an optional `async`. */
function keyword(tree: SyntaxTree, statement: NodeId): NodeId {
  const child = tree.child(statement, 0);
  const first = child !== NONE ? child : statement;
  if (tree.type(first) !== K.async) return first;
  const next = tree.child(statement, 1);
  return next !== NONE ? next : first;
}

/**
 * The graphs mccabe makes for statements met outside any graph, where
 * `classPrefix` names the enclosing classes (`Outer.Inner.`).
 * `skipClassBody` leaves a class body alone (the linter analyses its
 * statements as units of their own).
 */
function topLevel(tree: SyntaxTree, statement: NodeId, classPrefix: string, graphs: ComplexityGraph[], skipClassBody: boolean): void {
  const type = tree.type(statement);
  switch (type) {
    case T.decorated_definition: {
      const definition = definitionOf(tree, statement);
      if (definition !== NONE) topLevel(tree, definition, classPrefix, graphs, skipClassBody);
      return;
    }
    case T.function_definition: {
      const name = tree.field(statement, F.name);
      if (name === NONE) return;
      const complexity = 1 + blockDecisions(tree, tree.field(statement, F.body));
      graphs.push({ kind: 'function', name: classPrefix + tree.text(name), anchor: name, complexity });
      return;
    }
    case T.class_definition: {
      if (skipClassBody) return;
      const nameNode = tree.field(statement, F.name);
      const name = nameNode === NONE ? '' : tree.text(nameNode);
      for (const inner of blockStatements(tree, tree.field(statement, F.body))) topLevel(tree, inner, `${classPrefix}${name}.`, graphs, false);
      return;
    }
    case T.with_statement:
      for (const inner of blockStatements(tree, tree.field(statement, F.body))) topLevel(tree, inner, classPrefix, graphs, false);
      return;
    case T.if_statement:
    case T.for_statement:
    case T.while_statement:
    case T.try_statement: {
      if (type === T.try_statement && tryClauses(tree, statement).star) return;
      const anchor = keyword(tree, statement);
      const kind: GraphKind = type === T.if_statement ? 'if' : type === T.try_statement ? 'try' : 'loop';
      graphs.push({ kind, name: tree.typeName(anchor), anchor, complexity: 1 + statementDecisions(tree, statement) });
      return;
    }
    default:
      return;
  }
}

/** `Outer.Inner.` for a statement directly inside the bodies of those classes. */
function enclosingClassPrefix(tree: SyntaxTree, statement: NodeId): string {
  let prefix = '';
  for (let current = tree.parent(statement); current !== NONE; current = tree.parent(current)) {
    if (tree.type(current) !== T.class_definition) continue;
    const name = tree.field(current, F.name);
    prefix = `${name === NONE ? '' : tree.text(name)}.${prefix}`;
  }
  return prefix;
}

/**
 * The graphs rooted in one analysis unit (a statement at module level or
 * directly in a class body). A class unit yields none: its statements are
 * units of their own.
 */
export function unitComplexityGraphs(tree: SyntaxTree, unitRoot: NodeId): ComplexityGraph[] {
  const graphs: ComplexityGraph[] = [];
  topLevel(tree, unitRoot, enclosingClassPrefix(tree, unitRoot), graphs, true);
  return graphs;
}
