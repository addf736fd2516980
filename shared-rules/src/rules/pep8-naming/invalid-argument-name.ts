import type { NodeRule } from '../rule';
import { functionParameters } from '../../syntax/definitions';
import { hasUppercase, isIgnoredName } from './namingFacts';
import { snakeCaseRename } from './snakeCaseRename';

const docs = `
## What it does
Reports a function parameter whose name has an uppercase letter. As pep8-naming 0.10 does, one
finding per function: \`*args\` and \`**kwargs\` first, then the other parameters in order.

## Why is this bad?
PEP 8 names parameters like variables, in lower_snake_case.

## Example
\`\`\`python
def move(dX, dY):
    ...
\`\`\`

Use instead:
\`\`\`python
def move(dx, dy):
    ...
\`\`\`

## Fix safety
The fix renames the argument to lower_snake_case in the function and, when the callee is certain (a
plain function bound once, not a method, not decorated), in \`name=\` keywords of calls in this
file. It is unsafe: callers elsewhere may pass the argument by keyword. No fix is offered when the
new name is a builtin's, is already taken or would change what another name refers to, nor when
\`locals()\`, \`vars()\`, \`eval\` or \`exec\` is called in its scope: they may read the name as a
string.
`;

export const invalidArgumentName: NodeRule = {
  kind: 'node',
  meta: {
    code: 'N803',
    name: 'invalid-argument-name',
    summary: 'Argument name is not lowercase.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      function_definition(node) {
        const parameters = functionParameters(tree, node);
        const ordered = [
          ...parameters.filter((p) => p.kind === 'varargs'),
          ...parameters.filter((p) => p.kind === 'kwargs'),
          ...parameters.filter((p) => p.kind === 'named'),
        ];
        const culprit = ordered.find((p) => !isIgnoredName(tree.text(p.nameNode)) && hasUppercase(tree.text(p.nameNode)));
        if (!culprit) return;
        const { nameNode } = culprit;
        context.report({
          message: `argument name '${tree.text(nameNode)}' should be lowercase`,
          start: tree.start(nameNode),
          end: tree.end(nameNode),
          rename: snakeCaseRename(context, nameNode, 'unsafe', 'callers may pass it by keyword'),
        });
      },
    };
  },
};
