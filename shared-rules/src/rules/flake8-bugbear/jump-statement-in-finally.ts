import type { Node } from 'web-tree-sitter';
import type { NodeRule, RuleContext } from '../rule';
import { blockStatements } from '../../analysis/statements';
import { nestedBlocks, statementKind } from '../../syntax/exceptHandlers';

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

const JUMPS: Record<string, string> = { return_statement: 'return', break_statement: 'break', continue_statement: 'continue' };

function walk(block: Node | null, context: RuleContext, returnsOnly: boolean): void {
  for (const statement of blockStatements(block)) {
    const jump = JUMPS[statement.type];
    if (jump && (!returnsOnly || jump === 'return')) {
      context.report({
        message: `\`${jump}\` inside \`finally\` silences the exception being raised`,
        start: statement.startIndex,
        end: statement.endIndex,
      });
    }
    const kind = statementKind(statement);
    if (kind === 'definition' || kind === 'simple') continue;
    // Only an `if`'s first branch and a loop's body are looked at, as flake8-bugbear does.
    for (const nested of nestedBlocks(statement).main) walk(nested, context, returnsOnly || kind === 'loop');
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
    return {
      finally_clause(node) {
        walk(node.namedChildren.find((child) => child?.type === 'block') ?? null, context, false);
      },
    };
  },
};
