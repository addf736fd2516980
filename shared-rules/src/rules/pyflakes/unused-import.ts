import type { SyntaxNode as Node } from '../../semantic/syntax';
import type { FileRule } from '../rule';
import type { Binding } from '../../semantic/scope';
import { importDisplayName } from '../../semantic/scope';
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
keeping the other names' formatting and comments. It is safe, except in
\`__init__.py\`, where an import may be a re-export for users of the package:
there it is offered as an unsafe quick fix (list the name in \`__all__\` to keep it).
`;

/** `import x as x` / `from m import x as x`: the typing convention for a deliberate re-export. */
function isExplicitReexport(binding: Binding): boolean {
  if (binding.nameNode?.type !== 'aliased_import') return false;
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
    const noqa = new StatementNoqa(context);
    const unused: Binding[] = [];
    for (const message of context.model.messages) {
      if (message.kind !== 'unused-import') continue;
      const { source, nameNode } = message.binding;
      if (isExplicitReexport(message.binding)) continue;
      if (source && nameNode && noqa.suppresses(source, nameNode, 'F401')) continue;
      unused.push(message.binding);
    }
    // One fix per statement removes all its unused names at once.
    const byStatement = new Map<number, { statement: Node; names: Set<number> }>();
    for (const binding of unused) {
      if (!binding.source || !binding.nameNode) continue;
      const entry = byStatement.get(binding.source.id) ?? { statement: binding.source, names: new Set<number>() };
      entry.names.add(binding.nameNode.id);
      byStatement.set(binding.source.id, entry);
    }
    const packageInit = /(^|[\\/])__init__\.py$/.test(context.filePath);
    for (const binding of unused) {
      const at = binding.nameNode ?? binding.source;
      if (!at) continue;
      const entry = binding.source && byStatement.get(binding.source.id);
      context.report({
        message: `'${importDisplayName(binding)}' imported but unused`,
        start: at.startIndex,
        end: at.endIndex,
        fix: entry
          ? {
              title: entry.names.size > 1 ? 'Remove unused imports' : `Remove unused import \`${importDisplayName(binding)}\``,
              safety: packageInit ? 'unsafe' : 'safe',
              edits: removeImportNames(context.text, entry.statement, entry.names),
            }
          : undefined,
      });
    }
  },
};
