import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';

const docs = `
## What it does
Reports calls of the builtin \`exec\`. A function or import named \`exec\` that
shadows the builtin is not reported.

## Why is this bad?
\`exec\` runs any Python code it is given. When any part of that code comes
from outside the program, an attacker can run whatever they like with the
program's rights.

## Example
\`\`\`python
exec(f"result = {expression}")
\`\`\`

Use instead: a dispatch table, \`getattr\`, or a real parser for the input.

## Fix safety
There is no automatic fix: what replaces \`exec\` depends on what it was for.
`;

export const execBuiltin: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S102',
    name: 'exec-builtin',
    summary: 'Use of the builtin `exec`, which runs arbitrary code.',
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
        if (callee?.type !== 'identifier' || callee.text !== 'exec') return;
        const match = matchCall(callee, ['builtins.exec']);
        if (match) context.report({ message: 'Use of `exec` detected', start: callee.startIndex, end: callee.endIndex, condition: match.condition });
      },
    };
  },
};
