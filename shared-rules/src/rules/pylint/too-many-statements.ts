import type { NodeRule } from '../rule';
import { blockStatements, clauseBlock, definitionOf, ifAlternatives, loopElse, tryClauses } from '../../syntax/statements';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports functions and methods with more than \`max-statements\` (50)
statements, counted as Ruff and pylint do: every statement at any depth
counts one, except \`return\` (none) and \`for\` (only its body counts); each
\`elif\`, \`else\`, \`except\` and \`case\` clause counts one more, a \`finally\`
two, a \`try\` with several handlers one more. Nested functions count one plus
their statements; a nested class counts one.

## Why is this bad?
Long functions do several things at once. They are harder to read, test and
reuse than a few shorter functions with names that say what each step does.

## Example
\`\`\`python
def report(orders):
    total = 0
    # ... sixty statements computing, formatting and printing ...
    print(total)
\`\`\`

Use instead: extract each step (\`compute_totals\`, \`format_rows\`, …) into a
function of its own.

## Fix safety
There is no automatic fix: shorter functions mean restructuring code.
`;

function statements(tree: SyntaxTree, list: readonly NodeId[]): number {
  let total = 0;
  for (const statement of list) total += statementCount(tree, statement);
  return total;
}

function blockCount(tree: SyntaxTree, block: NodeId): number {
  return statements(tree, blockStatements(tree, block));
}

function statementCount(tree: SyntaxTree, statement: NodeId): number {
  switch (tree.type(statement)) {
    case T.if_statement: {
      let total = 1 + blockCount(tree, tree.field(statement, F.consequence));
      for (const clause of ifAlternatives(tree, statement)) total += 1 + blockCount(tree, clauseBlock(tree, clause));
      return total;
    }
    case T.for_statement: {
      const orelse = loopElse(tree, statement);
      return blockCount(tree, tree.field(statement, F.body)) + (orelse !== NONE ? blockCount(tree, clauseBlock(tree, orelse)) : 0);
    }
    case T.while_statement: {
      const orelse = loopElse(tree, statement);
      return 1 + blockCount(tree, tree.field(statement, F.body)) + (orelse !== NONE ? blockCount(tree, clauseBlock(tree, orelse)) : 0);
    }
    case T.match_statement: {
      let total = 1;
      for (const caseClause of blockStatements(tree, tree.field(statement, F.body))) {
        if (tree.type(caseClause) === T.case_clause) total += 1 + blockCount(tree, clauseBlock(tree, caseClause));
      }
      return total;
    }
    case T.try_statement: {
      const { handlers, orelse, finalbody } = tryClauses(tree, statement);
      let total = 1 + blockCount(tree, tree.field(statement, F.body));
      if (orelse !== NONE) total += 1 + blockCount(tree, clauseBlock(tree, orelse));
      // pylint's convention, which Ruff follows: a `finally` counts two.
      if (finalbody !== NONE) total += 2 + blockCount(tree, clauseBlock(tree, finalbody));
      if (handlers.length > 1) total += 1;
      for (const handler of handlers) total += 1 + blockCount(tree, clauseBlock(tree, handler));
      return total;
    }
    case T.decorated_definition: {
      const definition = definitionOf(tree, statement);
      return definition !== NONE ? statementCount(tree, definition) : 1;
    }
    case T.function_definition:
    case T.with_statement:
      return 1 + blockCount(tree, tree.field(statement, F.body));
    case T.return_statement:
      return 0;
    default:
      return 1;
  }
}

export const tooManyStatements: NodeRule = {
  kind: 'node',
  meta: {
    code: 'PLR0915',
    name: 'too-many-statements',
    summary: 'A function has more statements than `max-statements` allows.',
    category: 'organization',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    options: [
      { name: 'max-statements', type: 'integer', default: 50, description: 'The most statements a function may have (pylint `max-statements`).' },
    ],
    docs,
  },
  create(context) {
    const { tree } = context;
    const limit = Number(context.options['max-statements']);
    return {
      function_definition(node) {
        const name = tree.field(node, F.name);
        if (name === NONE) return;
        const count = blockCount(tree, tree.field(node, F.body));
        if (Number.isNaN(limit) || count <= limit) return;
        context.report({ message: `Too many statements (${count} > ${limit})`, start: tree.start(name), end: tree.end(name) });
      },
    };
  },
};
