import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { blockStatements, clauseBlock, ifAlternatives, loopElse, tryClauses } from '../../analysis/statements';

const docs = `
## What it does
Reports functions and methods with more than \`max-branches\` (12) branches,
counted as Ruff and pylint do: each \`if\`, \`elif\` and \`else\`, each \`for\` and
\`while\` and its \`else\`, each \`except\`, the \`else\` and \`finally\` of a \`try\`,
and each \`case\` of a \`match\`, at any depth. Statements inside \`with\` count;
nested functions and classes are measured on their own.

## Why is this bad?
A function with many branches does many different things depending on its
input. It is hard to follow, and each branch needs its own test.

## Example
\`\`\`python
def capital(country):
    if country == "Australia":
        return "Canberra"
    elif country == "Brazil":
        return "Brasilia"
    # ... eleven more countries ...
    else:
        return "Unknown"
\`\`\`

Use instead:
\`\`\`python
CAPITALS = {"Australia": "Canberra", "Brazil": "Brasilia"}

def capital(country):
    return CAPITALS.get(country, "Unknown")
\`\`\`

## Fix safety
There is no automatic fix: fewer branches means restructuring code.
`;

function branches(statements: readonly Node[]): number {
  let total = 0;
  for (const statement of statements) total += statementBranches(statement);
  return total;
}

/** Branches of an optional clause: one for the clause plus those inside it. */
function clauseBranches(clause: Node | undefined): number {
  return clause ? 1 + branches(blockStatements(clauseBlock(clause))) : 0;
}

function statementBranches(statement: Node): number {
  switch (statement.type) {
    case 'if_statement': {
      let total = 1 + branches(blockStatements(statement.childForFieldName('consequence')));
      for (const clause of ifAlternatives(statement)) total += clauseBranches(clause);
      return total;
    }
    case 'for_statement':
    case 'while_statement':
      return 1 + branches(blockStatements(statement.childForFieldName('body'))) + clauseBranches(loopElse(statement));
    case 'try_statement': {
      const { handlers, orelse, finalbody } = tryClauses(statement);
      let total = branches(blockStatements(statement.childForFieldName('body'))) + clauseBranches(orelse) + clauseBranches(finalbody);
      for (const handler of handlers) total += clauseBranches(handler);
      return total;
    }
    case 'match_statement': {
      let total = 0;
      for (const caseClause of blockStatements(statement.childForFieldName('body'))) {
        if (caseClause.type === 'case_clause') total += clauseBranches(caseClause);
      }
      return total;
    }
    case 'with_statement':
      return branches(blockStatements(statement.childForFieldName('body')));
    default:
      return 0;
  }
}

export const tooManyBranches: NodeRule = {
  kind: 'node',
  meta: {
    code: 'PLR0912',
    name: 'too-many-branches',
    summary: 'A function has more branches than `max-branches` allows.',
    category: 'organization',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    options: [
      { name: 'max-branches', type: 'integer', default: 12, description: 'The most branches a function may have (pylint `max-branches`).' },
    ],
    docs,
  },
  create(context) {
    const limit = Number(context.options['max-branches']);
    return {
      function_definition(node) {
        const name = node.childForFieldName('name');
        if (!name) return;
        const count = branches(blockStatements(node.childForFieldName('body')));
        if (Number.isNaN(limit) || count <= limit) return;
        context.report({ message: `Too many branches (${count} > ${limit})`, start: name.startIndex, end: name.endIndex });
      },
    };
  },
};
