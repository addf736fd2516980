import type { FileRule } from '../rule';
import { addImportEdit } from '../../fixes/importEdits';
import { KNOWN_IMPORTS } from './knownImports';

const docs = `
## What it does
Reports names that are used but defined nowhere: not in the enclosing
function, class or module, not imported and not a builtin of the configured
target version.

## Why is this bad?
The code raises \`NameError\` when it runs; usually a missing import or a typo.

## Example
\`\`\`python
def read(path):
    return Path(path).read_text()
\`\`\`

Use instead:
\`\`\`python
from pathlib import Path


def read(path):
    return Path(path).read_text()
\`\`\`

## Fix safety
When the name is a well-known standard library name (\`os\`, \`sys\`, \`re\`,
\`json\`, \`Path\`, \`dataclass\`, \`Optional\`, \`Any\`, …), the fix adds its import to
the file's import block in the file's style (merged into an existing
\`from module import …\`). Only one import is known for each such name, so the
fix is safe.
`;

export const undefinedName: FileRule = {
  kind: 'file',
  meta: {
    code: 'F821',
    name: 'undefined-name',
    summary: 'Name is used but never defined.',
    category: 'undefined-names',
    severity: 'error',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    for (const message of context.model.messages) {
      if (message.kind !== 'undefined-name') continue;
      const node = message.node;
      const known = node.type === 'identifier' && node.parent?.type !== 'delete_statement' ? KNOWN_IMPORTS.get(message.name) : undefined;
      const edit = known && addImportEdit(context.text, context.tree, { ...known, usedAt: node.startIndex }).edit;
      const statement = known && (known.name ? `from ${known.module} import ${known.name}` : `import ${known.module}`);
      context.report({
        message: `undefined name '${message.name}'`,
        start: node.startIndex,
        end: node.endIndex,
        fix: edit ? { title: `Add \`${statement}\``, safety: 'safe', edits: [edit] } : undefined,
      });
    }
  },
};
