import type { FileContext, FileRule, Fix } from '../rule';
import * as path from 'path';
import { addImportEdit, importStatement, type ImportRequest } from '../../fixes/importEdits';
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
The fix adds an import for the name, in the file's style (merged into an
existing \`from module import …\`), and each plausible import is offered as a
quick fix of its own, most plausible first: the imports the workspace's other
files use for that name (the most used first: in a project that writes
\`from oslo_log import log as logging\`, that one rather than the standard
library's \`logging\`), the standard library's import of a well-known name
(\`os\`, \`sys\`, \`re\`, \`json\`, \`Path\`, \`dataclass\`, \`Optional\`, \`Any\`, …),
and \`from package.module import name\` when exactly one other module of the
workspace defines the name at module level (or exports it through \`__all__\`),
with the module path taken from the package layout (\`__init__.py\` files).

Every such fix is unsafe: which import was meant is a guess (the wrong
\`logging\` imports and then fails at run time), and importing a module of the
project runs its top-level code and may create an import cycle. With
\`--unsafe-fixes\`, the first is applied.
`;

/** `from package.module import name` when exactly one other workspace module defines or exports `name`. */
function workspaceImport(context: FileContext, name: string): ImportRequest | undefined {
  const here = path.resolve(context.filePath);
  const modules = context.workspace?.modulesDefining(name).filter((summary) => path.resolve(summary.path) !== here) ?? [];
  if (modules.length !== 1) return undefined;
  const module = moduleNameForFile(modules[0].path);
  return module ? { module, name } : undefined;
}

/** How many of the imports the workspace's other files use for a name are offered. */
const WORKSPACE_IMPORTS = 3;

/**
 * The imports that may define `name`, most plausible first: those the
 * workspace's other files use for it (the most used first), the standard
 * library's, and the one workspace module that defines it.
 */
function plausibleImports(context: FileContext, name: string, here: () => string | undefined): ImportRequest[] {
  const requests = new Map<string, ImportRequest>();
  const add = (request: ImportRequest | undefined) => {
    if (request && !requests.has(importStatement(request))) requests.set(importStatement(request), request);
  };
  // A module imports neither itself (`from nova import utils` in nova/utils.py) nor from itself.
  const used = (context.workspace?.importsBinding(name, context.filePath) ?? [])
    .filter(({ binding }) => binding.module !== here() && `${binding.module}.${binding.name}` !== here());
  for (const { binding } of used.slice(0, WORKSPACE_IMPORTS)) add({ module: binding.module, name: binding.name, alias: binding.alias });
  add(KNOWN_IMPORTS.get(name));
  add(workspaceImport(context, name));
  return [...requests.values()];
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
    let moduleName: { value: string | undefined } | undefined;
    const here = () => (moduleName ??= { value: moduleNameForFile(context.filePath) }).value;
    for (const message of context.model.messages) {
      if (message.kind !== 'undefined-name') continue;
      const node = message.node;
      const parent = tree.parent(node);
      const importable = tree.type(node) === T.identifier && !(parent !== NONE && tree.type(parent) === T.delete_statement);
      // Which import was meant is a guess: every one is unsafe, and the user picks.
      const fixes = (importable ? plausibleImports(context, message.name, here) : []).flatMap((request): Fix[] => {
        const { edit } = addImportEdit(context.text, tree, { ...request, usedAt: tree.start(node) });
        return edit ? [{ title: `Add \`${importStatement(request)}\``, safety: 'unsafe', edits: [edit] }] : [];
      });
      context.report({
        message: `undefined name '${message.name}'`,
        start: tree.start(node),
        end: tree.end(node),
        fix: fixes[0],
        ...(fixes.length > 1 ? { alternatives: fixes.slice(1) } : {}),
      });
    }
  },
};
