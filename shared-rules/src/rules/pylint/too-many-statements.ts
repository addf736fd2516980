import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { blockStatements, clauseBlock, definitionOf, ifAlternatives, loopElse, tryClauses } from '../../analysis/statements';

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

function statements(list: readonly Node[]): number {
  let total = 0;
  for (const statement of list) total += statementCount(statement);
  return total;
}

function blockCount(block: Node | null | undefined): number {
  return statements(blockStatements(block));
}

function statementCount(statement: Node): number {
  switch (statement.type) {
    case 'if_statement': {
      let total = 1 + blockCount(statement.childForFieldName('consequence'));
      for (const clause of ifAlternatives(statement)) total += 1 + blockCount(clauseBlock(clause));
      return total;
    }
    case 'for_statement': {
      const orelse = loopElse(statement);
      return blockCount(statement.childForFieldName('body')) + (orelse ? blockCount(clauseBlock(orelse)) : 0);
    }
    case 'while_statement': {
      const orelse = loopElse(statement);
      return 1 + blockCount(statement.childForFieldName('body')) + (orelse ? blockCount(clauseBlock(orelse)) : 0);
    }
    case 'match_statement': {
      let total = 1;
      for (const caseClause of blockStatements(statement.childForFieldName('body'))) {
        if (caseClause.type === 'case_clause') total += 1 + blockCount(clauseBlock(caseClause));
      }
      return total;
    }
    case 'try_statement': {
      const { handlers, orelse, finalbody } = tryClauses(statement);
      let total = 1 + blockCount(statement.childForFieldName('body'));
      if (orelse) total += 1 + blockCount(clauseBlock(orelse));
      // pylint's convention, which Ruff follows: a `finally` counts two.
      if (finalbody) total += 2 + blockCount(clauseBlock(finalbody));
      if (handlers.length > 1) total += 1;
      for (const handler of handlers) total += 1 + blockCount(clauseBlock(handler));
      return total;
    }
    case 'decorated_definition': {
      const definition = definitionOf(statement);
      return definition ? statementCount(definition) : 1;
    }
    case 'function_definition':
    case 'with_statement':
      return 1 + blockCount(statement.childForFieldName('body'));
    case 'return_statement':
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
    const limit = Number(context.options['max-statements']);
    return {
      function_definition(node) {
        const name = node.childForFieldName('name');
        if (!name) return;
        const count = blockCount(node.childForFieldName('body'));
        if (Number.isNaN(limit) || count <= limit) return;
        context.report({ message: `Too many statements (${count} > ${limit})`, start: name.startIndex, end: name.endIndex });
      },
    };
  },
};
