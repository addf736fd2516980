import type { NodeRule, RuleContext } from '../rule';
import { blockStatements } from '../../syntax/statements';
import { nestedBlocks, statementKind } from '../../syntax/exceptHandlers';
import { T } from '../../syntax/grammar';
import type { NodeId, SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports \`return\`, \`break\` and \`continue\` in a \`finally\` block, as
flake8-bugbear's B012 does: directly in the block, in the body of an \`if\`,
\`with\`, \`try\` or \`case\` inside it, and — for \`return\` only — in loops
inside it (there \`break\` and \`continue\` only leave the inner loop). Nested
functions are not looked at.

## Why is this bad?
Leaving a \`finally\` block with \`return\`, \`break\` or \`continue\` discards the
exception that was propagating: the error disappears without a trace.
Python 3.14 warns about it (PEP 765).

## Example
\`\`\`python
def read(path):
    try:
        return parse(path)
    finally:
        return None
\`\`\`

Use instead:
\`\`\`python
def read(path):
    try:
        return parse(path)
    finally:
        cleanup()
\`\`\`

## Fix safety
There is no fix: the code after the block has to be restructured by hand.
`;

const JUMPS = new Map<number, string>([[T.return_statement, 'return'], [T.break_statement, 'break'], [T.continue_statement, 'continue']]);

function walk(tree: SyntaxTree, block: NodeId, context: RuleContext, returnsOnly: boolean): void {
  for (const statement of blockStatements(tree, block)) {
    const jump = JUMPS.get(tree.type(statement));
    if (jump && (!returnsOnly || jump === 'return')) {
      context.report({
        message: `\`${jump}\` inside \`finally\` silences the exception being raised`,
        start: tree.start(statement),
        end: tree.end(statement),
      });
    }
    const kind = statementKind(tree, statement);
    if (kind === 'definition' || kind === 'simple') continue;
    // Only an `if`'s first branch and a loop's body are looked at, as flake8-bugbear does.
    for (const nested of nestedBlocks(tree, statement).main) walk(tree, nested, context, returnsOnly || kind === 'loop');
  }
}

export const jumpStatementInFinally: NodeRule = {
  kind: 'node',
  meta: {
    code: 'B012',
    name: 'jump-statement-in-finally',
    summary: '`return`, `break` or `continue` in `finally` silences exceptions.',
    category: 'exceptions',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      finally_clause(node) {
        walk(tree, tree.childOfType(node, T.block), context, false);
      },
    };
  },
};
