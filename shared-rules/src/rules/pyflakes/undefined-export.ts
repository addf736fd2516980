import type { FileRule } from '../rule';
import { stringValue } from '../../semantic/strings';
import { T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';
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
function listedAt(tree: SyntaxTree, statement: NodeId, name: string): NodeId {
  // In document order; a string's own descendants are not looked into.
  for (let node = statement; node !== NONE;) {
    const isString = tree.type(node) === T.string;
    if (isString && stringValue(tree, node) === name) return node;
    node = tree.following(node, statement, isString);
  }
  return statement;
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
    const { tree } = context;
    const noqa = new StatementNoqa(context);
    for (const message of context.model.messages) {
      if (message.kind !== 'undefined-export') continue;
      const at = listedAt(tree, message.node, message.name);
      if (noqa.suppresses(message.node, at, 'F822')) continue;
      context.report({ message: `undefined name '${message.name}' in __all__`, start: tree.start(at), end: tree.end(at) });
    }
  },
};
