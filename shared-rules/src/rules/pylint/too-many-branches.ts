import type { NodeRule } from '../rule';
import { blockStatements, clauseBlock, ifAlternatives, loopElse, tryClauses } from '../../syntax/statements';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

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

function branches(tree: SyntaxTree, statements: readonly NodeId[]): number {
  let total = 0;
  for (const statement of statements) total += statementBranches(tree, statement);
  return total;
}

/** Branches of an optional clause: one for the clause plus those inside it. */
function clauseBranches(tree: SyntaxTree, clause: NodeId): number {
  return clause !== NONE ? 1 + branches(tree, blockStatements(tree, clauseBlock(tree, clause))) : 0;
}

function statementBranches(tree: SyntaxTree, statement: NodeId): number {
  switch (tree.type(statement)) {
    case T.if_statement: {
      let total = 1 + branches(tree, blockStatements(tree, tree.field(statement, F.consequence)));
      for (const clause of ifAlternatives(tree, statement)) total += clauseBranches(tree, clause);
      return total;
    }
    case T.for_statement:
    case T.while_statement:
      return 1 + branches(tree, blockStatements(tree, tree.field(statement, F.body))) + clauseBranches(tree, loopElse(tree, statement));
    case T.try_statement: {
      const { handlers, orelse, finalbody } = tryClauses(tree, statement);
      let total = branches(tree, blockStatements(tree, tree.field(statement, F.body))) + clauseBranches(tree, orelse) + clauseBranches(tree, finalbody);
      for (const handler of handlers) total += clauseBranches(tree, handler);
      return total;
    }
    case T.match_statement: {
      let total = 0;
      for (const caseClause of blockStatements(tree, tree.field(statement, F.body))) {
        if (tree.type(caseClause) === T.case_clause) total += clauseBranches(tree, caseClause);
      }
      return total;
    }
    case T.with_statement:
      return branches(tree, blockStatements(tree, tree.field(statement, F.body)));
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
    const { tree } = context;
    const limit = Number(context.options['max-branches']);
    return {
      function_definition(node) {
        const name = tree.field(node, F.name);
        if (name === NONE) return;
        const count = branches(tree, blockStatements(tree, tree.field(node, F.body)));
        if (Number.isNaN(limit) || count <= limit) return;
        context.report({ message: `Too many branches (${count} > ${limit})`, start: tree.start(name), end: tree.end(name) });
      },
    };
  },
};
