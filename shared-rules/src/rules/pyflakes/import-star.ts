import type { FileRule } from '../rule';

const docs = `
## What it does
Reports \`from module import *\`.

## Why is this bad?
Nobody — neither readers nor tools — can tell which names the module brings
in, so undefined names go unnoticed and later imports may be silently shadowed.

## Example
\`\`\`python
from os.path import *

print(join("a", "b"))
\`\`\`

Use instead:
\`\`\`python
from os.path import join

print(join("a", "b"))
\`\`\`

## Fix safety
No fix: the names used would have to be known from the other module.
`;

export const importStar: FileRule = {
  kind: 'file',
  meta: {
    code: 'F403',
    name: 'import-star',
    summary: '`from module import *` hides which names are defined.',
    category: 'undefined-names',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const { tree } = context;
    for (const message of context.model.messages) {
      if (message.kind !== 'import-star-used') continue;
      context.report({
        message: `'from ${message.module} import *' used; unable to detect undefined names`,
        start: tree.start(message.node),
        end: tree.end(message.node),
      });
    }
  },
};
