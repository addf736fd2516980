import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';

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
    return {
      call(node) {
        const callee = node.childForFieldName('function');
        if (callee?.type !== 'identifier' || callee.text !== 'eval') return;
        const match = matchCall(callee, ['builtins.eval']);
        if (!match) return;
        context.report({
          message: 'Use of possibly insecure function; consider using `ast.literal_eval`',
          start: callee.startIndex,
          end: callee.endIndex,
          condition: match.condition,
        });
      },
    };
  },
};
