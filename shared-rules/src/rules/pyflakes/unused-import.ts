import * as path from 'path';
import type { FileContext, FileRule, Fix } from '../rule';
import type { Binding } from '../../semantic/scope';
import { importDisplayName } from '../../semantic/scope';
import { T } from '../../syntax/grammar';
import type { NodeId, SyntaxTree } from '../../syntax/tree';
import { removeImportNames } from './importRemoval';
import { StatementNoqa } from './statementNoqa';

const docs = `
## What it does
Reports imports that nothing in the module uses.

## Why is this bad?
Unused imports slow down start-up, can create import cycles and make readers
look for a use that is not there. Names listed in \`__all__\` and names used in
string annotations or \`# type:\` comments count as used; \`import x as x\` and
\`from m import x as x\` are deliberate re-exports (the typing convention) and
are not reported.

## Example
\`\`\`python
import os
import sys

print(sys.argv)
\`\`\`

Use instead:
\`\`\`python
import sys

print(sys.argv)
\`\`\`

## Fix safety
The fix removes the unused names, or the whole statement when none is left,
keeping the other names' formatting and comments. It is safe, except where the
import may be a re-export: in \`__init__.py\`, for users of the package, and in
any module that another file of the workspace (the files of a CLI run, or the
editor's workspace) imports the name from, as \`compat.py\` modules are used.
There the fix is unsafe and its title names the importing file; list the name in
\`__all__\` to keep it. Only \`from module import name\` is seen: a file that
imports the module and reads \`module.name\` is not.
`;

/** The fix of one statement's unused names: unsafe where they may be re-exports (see the docs). */
function removalFix(context: FileContext, statement: NodeId, unused: Binding[], packageInit: boolean): Fix {
  const names = unused.map((binding) => importDisplayName(binding));
  const title = names.length > 1 ? 'Remove unused imports' : `Remove unused import \`${names[0]}\``;
  const edits = removeImportNames(context.tree, context.text, statement, new Set(unused.map((binding) => binding.nameNode!)));
  if (packageInit) return { title, safety: 'unsafe', edits };
  const importers = context.workspace?.importersOf(context.filePath, unused.map((binding) => binding.name));
  const importer = unused.flatMap((binding) => importers?.get(binding.name) ?? [])[0];
  if (!importer) return { title, safety: 'safe', edits };
  const where = path.relative(path.dirname(path.resolve(context.filePath)), importer).split(path.sep).join('/');
  return { title: `${title} (\`${where}\` imports it from this module)`, safety: 'unsafe', edits };
}

/** `import x as x` / `from m import x as x`: the typing convention for a deliberate re-export. */
function isExplicitReexport(tree: SyntaxTree, binding: Binding): boolean {
  if (binding.nameNode === undefined || tree.type(binding.nameNode) !== T.aliased_import) return false;
  const original = binding.kind === 'from-import' ? binding.realName : binding.fullName;
  return original === binding.name;
}

export const unusedImport: FileRule = {
  kind: 'file',
  meta: {
    code: 'F401',
    name: 'unused-import',
    summary: 'Imported name is never used.',
    category: 'unused-code',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'always',
    unnecessary: true,
    docs,
  },
  check(context) {
    const { tree } = context;
    const noqa = new StatementNoqa(context);
    const unused: Binding[] = [];
    for (const message of context.model.messages) {
      if (message.kind !== 'unused-import') continue;
      const { source, nameNode } = message.binding;
      if (isExplicitReexport(tree, message.binding)) continue;
      if (source !== undefined && nameNode !== undefined && noqa.suppresses(source, nameNode, 'F401')) continue;
      unused.push(message.binding);
    }
    // One fix per statement removes all its unused names at once.
    const byStatement = new Map<NodeId, { statement: NodeId; unused: Binding[]; fix?: Fix }>();
    for (const binding of unused) {
      if (binding.source === undefined || binding.nameNode === undefined) continue;
      const entry = byStatement.get(binding.source) ?? { statement: binding.source, unused: [] };
      entry.unused.push(binding);
      byStatement.set(binding.source, entry);
    }
    const packageInit = /(^|[\\/])__init__\.py$/.test(context.filePath);
    for (const binding of unused) {
      const at = binding.nameNode ?? binding.source;
      if (at === undefined) continue;
      const entry = binding.source !== undefined ? byStatement.get(binding.source) : undefined;
      if (entry) entry.fix ??= removalFix(context, entry.statement, entry.unused, packageInit);
      context.report({
        message: `'${importDisplayName(binding)}' imported but unused`,
        start: tree.start(at),
        end: tree.end(at),
        fix: entry?.fix,
      });
    }
  },
};
