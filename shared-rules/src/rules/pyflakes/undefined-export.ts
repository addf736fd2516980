import type { SyntaxNode as Node } from '../../semantic/syntax';
import type { FileRule } from '../rule';
import { stringValue } from '../../semantic/strings';
import { StatementNoqa } from './statementNoqa';

const docs = `
## What it does
Reports names listed in \`__all__\` that the module does not define.

## Why is this bad?
\`from module import *\` raises \`AttributeError\` for them, and documentation
tools list names that do not exist. Not checked in \`__init__.py\` (submodules
may be listed) nor when the module uses \`from … import *\`.

## Example
\`\`\`python
__all__ = ["parse", "dump"]

def parse(text): ...
\`\`\`

Use instead:
\`\`\`python
__all__ = ["parse"]

def parse(text): ...
\`\`\`

## Fix safety
No fix: the name may be missing rather than wrongly listed.
`;

/** The string naming `name` in the `__all__` statement, to point at it. */
function listedAt(statement: Node, name: string): Node {
  const find = (node: Node): Node | undefined => {
    if (node.type === 'string') return stringValue(node) === name ? node : undefined;
    for (const child of node.children) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  return find(statement) ?? statement;
}

export const undefinedExport: FileRule = {
  kind: 'file',
  meta: {
    code: 'F822',
    name: 'undefined-export',
    summary: 'Name listed in `__all__` is not defined in the module.',
    category: 'undefined-names',
    severity: 'error',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const noqa = new StatementNoqa(context);
    for (const message of context.model.messages) {
      if (message.kind !== 'undefined-export') continue;
      const at = listedAt(message.node, message.name);
      if (noqa.suppresses(message.node, at, 'F822')) continue;
      context.report({ message: `undefined name '${message.name}' in __all__`, start: at.startIndex, end: at.endIndex });
    }
  },
};
