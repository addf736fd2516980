import type { Node } from 'web-tree-sitter';
import { blockStatements, clauseBlock, definitionOf, ifAlternatives, loopElse, tryClauses } from '../../analysis/statements';

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
  anchor: Node;
  complexity: number;
}

/** Branches added by a list of statements inside a graph. */
function decisions(statements: readonly Node[]): number {
  let total = 0;
  for (const statement of statements) total += statementDecisions(statement);
  return total;
}

function statementDecisions(statement: Node): number {
  switch (statement.type) {
    case 'decorated_definition': {
      const definition = definitionOf(statement);
      return definition ? statementDecisions(definition) : 0;
    }
    case 'function_definition':
      return 1 + decisions(blockStatements(statement.childForFieldName('body')));
    case 'class_definition':
    case 'with_statement':
      return decisions(blockStatements(statement.childForFieldName('body')));
    case 'if_statement': {
      let total = 1 + decisions(blockStatements(statement.childForFieldName('consequence')));
      for (const clause of ifAlternatives(statement)) {
        if (clause.type === 'elif_clause') total += 1;
        total += decisions(blockStatements(clauseBlock(clause)));
      }
      return total;
    }
    case 'for_statement':
    case 'while_statement': {
      const orelse = loopElse(statement);
      return 1 + decisions(blockStatements(statement.childForFieldName('body'))) + (orelse ? decisions(blockStatements(clauseBlock(orelse))) : 0);
    }
    case 'try_statement': {
      const { handlers, orelse, star } = tryClauses(statement);
      if (star) return 0;
      let total = 1 + handlers.length + decisions(blockStatements(statement.childForFieldName('body')));
      for (const handler of handlers) total += decisions(blockStatements(clauseBlock(handler)));
      if (orelse) total += decisions(blockStatements(clauseBlock(orelse)));
      return total;
    }
    default:
      return 0;
  }
}

/** The keyword token a statement starts with after an optional `async`. */
function keyword(statement: Node): Node {
  const first = statement.child(0) ?? statement;
  return first.type === 'async' ? statement.child(1) ?? first : first;
}

/**
 * The graphs mccabe makes for statements met outside any graph, where
 * `classPrefix` names the enclosing classes (`Outer.Inner.`).
 * `skipClassBody` leaves a class body alone (the linter analyses its
 * statements as units of their own).
 */
function topLevel(statement: Node, classPrefix: string, graphs: ComplexityGraph[], skipClassBody: boolean): void {
  switch (statement.type) {
    case 'decorated_definition': {
      const definition = definitionOf(statement);
      if (definition) topLevel(definition, classPrefix, graphs, skipClassBody);
      return;
    }
    case 'function_definition': {
      const name = statement.childForFieldName('name');
      if (!name) return;
      const complexity = 1 + decisions(blockStatements(statement.childForFieldName('body')));
      graphs.push({ kind: 'function', name: classPrefix + name.text, anchor: name, complexity });
      return;
    }
    case 'class_definition': {
      if (skipClassBody) return;
      const name = statement.childForFieldName('name')?.text ?? '';
      for (const inner of blockStatements(statement.childForFieldName('body'))) topLevel(inner, `${classPrefix}${name}.`, graphs, false);
      return;
    }
    case 'with_statement':
      for (const inner of blockStatements(statement.childForFieldName('body'))) topLevel(inner, classPrefix, graphs, false);
      return;
    case 'if_statement':
    case 'for_statement':
    case 'while_statement':
    case 'try_statement': {
      if (statement.type === 'try_statement' && tryClauses(statement).star) return;
      const anchor = keyword(statement);
      const kind: GraphKind = statement.type === 'if_statement' ? 'if' : statement.type === 'try_statement' ? 'try' : 'loop';
      graphs.push({ kind, name: anchor.type, anchor, complexity: 1 + statementDecisions(statement) });
      return;
    }
    default:
      return;
  }
}

/** `Outer.Inner.` for a statement directly inside the bodies of those classes. */
function enclosingClassPrefix(statement: Node): string {
  let prefix = '';
  for (let current = statement.parent; current; current = current.parent) {
    if (current.type === 'class_definition') prefix = `${current.childForFieldName('name')?.text ?? ''}.${prefix}`;
  }
  return prefix;
}

/**
 * The graphs rooted in one analysis unit (a statement at module level or
 * directly in a class body). A class unit yields none: its statements are
 * units of their own.
 */
export function unitComplexityGraphs(unitRoot: Node): ComplexityGraph[] {
  const graphs: ComplexityGraph[] = [];
  topLevel(unitRoot, enclosingClassPrefix(unitRoot), graphs, true);
  return graphs;
}
