import type { FileRule } from '../rule';

const docs = `
## What it does
Reports a name read in a function before the function assigns it, while an
enclosing scope defines the same name.

## Why is this bad?
Assigning a name anywhere in a function makes it local to the whole function,
so the earlier read raises \`UnboundLocalError\` instead of seeing the outer name.

## Example
\`\`\`python
counter = 0

def increment():
    counter = counter + 1
\`\`\`

Use instead:
\`\`\`python
counter = 0

def increment():
    global counter
    counter = counter + 1
\`\`\`

## Fix safety
No fix: \`global\`, \`nonlocal\` or a new name are all possible intents.
`;

export const undefinedLocal: FileRule = {
  kind: 'file',
  meta: {
    code: 'F823',
    name: 'undefined-local',
    summary: 'Local variable is read before it is assigned.',
    category: 'undefined-names',
    severity: 'error',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const { tree } = context;
    for (const message of context.model.messages) {
      if (message.kind !== 'undefined-local') continue;
      const origin = message.original.source;
      const where = origin !== undefined ? ` defined in enclosing scope on ${context.lineName(tree.start(origin))}` : '';
      context.report({
        message: `local variable '${message.name}'${where} referenced before assignment`,
        start: tree.start(message.node),
        end: tree.end(message.node),
      });
    }
  },
};
