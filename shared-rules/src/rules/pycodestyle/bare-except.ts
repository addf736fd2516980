import type { NodeRule } from '../rule';
import { F, K } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';

const docs = `
## What it does
Reports \`except:\` clauses that name no exception class.

## Why is this bad?
A bare \`except:\` also catches \`KeyboardInterrupt\` and \`SystemExit\`, so a
program can no longer be interrupted or exit cleanly, and real errors are
hidden together with the expected ones.

## Example
\`\`\`python
try:
    value = int(text)
except:
    value = 0
\`\`\`

Use instead:
\`\`\`python
try:
    value = int(text)
except ValueError:
    value = 0
\`\`\`

## Fix safety
The fix writes \`except Exception:\`, which stops catching \`KeyboardInterrupt\`,
\`SystemExit\` and \`GeneratorExit\`. That changes behaviour, so it is unsafe:
it is offered as a quick fix but never applied by "fix all".
`;

export const bareExcept: NodeRule = {
  kind: 'node',
  meta: {
    code: 'E722',
    name: 'bare-except',
    summary: 'Do not use a bare `except:`; name the exceptions to catch.',
    category: 'exceptions',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'always',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      except_clause(node) {
        // `except:` has no value; `except*` always names a type.
        if (tree.field(node, F.value) !== NONE) return;
        const keyword = tree.firstChild(node);
        if (keyword === NONE || tree.type(keyword) !== K.except) return;
        const colon = tree.childOfType(node, K[':']);
        if (colon === NONE) return;
        context.report({
          message: 'Do not use bare `except`',
          start: tree.start(keyword),
          end: tree.end(colon),
          fix: {
            title: 'Replace with `except Exception:`',
            safety: 'unsafe',
            edits: [{ start: tree.end(keyword), end: tree.end(keyword), newText: ' Exception' }],
          },
        });
      },
    };
  },
};
