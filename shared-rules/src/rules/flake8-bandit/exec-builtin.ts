import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { F, T } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';

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
    const { tree } = context;
    return {
      call(node) {
        const callee = tree.field(node, F.function);
        if (callee === NONE || tree.type(callee) !== T.identifier || tree.text(callee) !== 'exec') return;
        const match = matchCall(tree, callee, ['builtins.exec']);
        if (match) context.report({ message: 'Use of `exec` detected', start: tree.start(callee), end: tree.end(callee), condition: match.condition });
      },
    };
  },
};
