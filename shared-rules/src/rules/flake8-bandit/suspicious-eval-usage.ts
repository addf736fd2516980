import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { F, T } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';

const docs = `
## What it does
Reports calls of the builtin \`eval\`. A function or import named \`eval\` that
shadows the builtin is not reported.

## Why is this bad?
\`eval\` evaluates any Python expression, including ones that import modules,
open files or run commands. Input that reaches it can take over the program.

## Example
\`\`\`python
settings = eval(text)
\`\`\`

Use instead:
\`\`\`python
import ast

settings = ast.literal_eval(text)
\`\`\`

## Fix safety
There is no automatic fix: \`ast.literal_eval\` accepts only literals, which
may not be all the code needs.
`;

export const suspiciousEvalUsage: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S307',
    name: 'suspicious-eval-usage',
    summary: 'Use of the builtin `eval`; prefer `ast.literal_eval`.',
    category: 'security',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      call(node) {
        const callee = tree.field(node, F.function);
        if (callee === NONE || tree.type(callee) !== T.identifier || tree.text(callee) !== 'eval') return;
        const match = matchCall(tree, callee, ['builtins.eval']);
        if (!match) return;
        context.report({
          message: 'Use of possibly insecure function; consider using `ast.literal_eval`',
          start: tree.start(callee),
          end: tree.end(callee),
          condition: match.condition,
        });
      },
    };
  },
};
