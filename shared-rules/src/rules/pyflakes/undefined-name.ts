import type { FileContext, FileRule } from '../rule';
import * as path from 'path';
import { addImportEdit, type ImportRequest } from '../../fixes/importEdits';
import { moduleNameForFile } from '../../workspace/modulePath';
import { T } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';
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

When exactly one other module of the workspace defines the name at module
level (or exports it through \`__all__\`), the fix adds
\`from package.module import name\`, with the module path taken from the package
layout (\`__init__.py\` files). That fix is unsafe: importing a module of the
project runs its top-level code and may create an import cycle.
`;

/** `from package.module import name` when exactly one other workspace module defines or exports `name`. */
function workspaceImport(context: FileContext, name: string): ImportRequest | undefined {
  const here = path.resolve(context.filePath);
  const modules = context.workspace?.modulesDefining(name).filter((summary) => path.resolve(summary.path) !== here) ?? [];
  if (modules.length !== 1) return undefined;
  const module = moduleNameForFile(modules[0].path);
  return module ? { module, name } : undefined;
}

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
    const { tree } = context;
    for (const message of context.model.messages) {
      if (message.kind !== 'undefined-name') continue;
      const node = message.node;
      const parent = tree.parent(node);
      const importable = tree.type(node) === T.identifier && !(parent !== NONE && tree.type(parent) === T.delete_statement);
      const known = importable ? KNOWN_IMPORTS.get(message.name) : undefined;
      const fromWorkspace = importable && !known ? workspaceImport(context, message.name) : undefined;
      const request = known ?? fromWorkspace;
      const edit = request && addImportEdit(context.text, tree, { ...request, usedAt: tree.start(node) }).edit;
      const statement = request && (request.name ? `from ${request.module} import ${request.name}` : `import ${request.module}`);
      context.report({
        message: `undefined name '${message.name}'`,
        start: tree.start(node),
        end: tree.end(node),
        // Importing a workspace module runs its top-level code: the user decides.
        fix: edit ? { title: `Add \`${statement}\``, safety: known ? 'safe' : 'unsafe', edits: [edit] } : undefined,
      });
    }
  },
};
