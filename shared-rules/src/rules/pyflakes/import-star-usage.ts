import type { FileRule } from '../rule';

const docs = `
## What it does
Reports names that are defined nowhere in a module that uses
\`from module import *\`: they may come from the star import, or be undefined.

## Why is this bad?
Whether the code works depends on what the other module happens to export.

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
No fix.
`;

export const importStarUsage: FileRule = {
  kind: 'file',
  meta: {
    code: 'F405',
    name: 'import-star-usage',
    summary: 'Name may be undefined, or defined by a star import.',
    category: 'undefined-names',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const { tree } = context;
    for (const message of context.model.messages) {
      if (message.kind !== 'import-star-usage') continue;
      context.report({
        message: `'${message.name}' may be undefined, or defined from star imports: ${message.fromList}`,
        start: tree.start(message.node),
        end: tree.end(message.node),
      });
    }
  },
};
