import type { NodeRule } from '../rule';
import { functionParameters } from '../../syntax/definitions';
import { hasUppercase, isIgnoredName } from './namingFacts';

const docs = `
## What it does
Reports a function parameter whose name has an uppercase letter. As pep8-naming 0.10 does, one finding per function: \`*args\` and \`**kwargs\` first, then the other parameters in order.

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
There is no fix yet: renaming needs every use of the name, which the semantic model will provide.
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
    fix: 'none',
    docs,
  },
  create(context) {
    return {
      function_definition(node) {
        const parameters = functionParameters(node);
        const ordered = [
          ...parameters.filter((p) => p.kind === 'varargs'),
          ...parameters.filter((p) => p.kind === 'kwargs'),
          ...parameters.filter((p) => p.kind === 'named'),
        ];
        const culprit = ordered.find((p) => !isIgnoredName(p.nameNode.text) && hasUppercase(p.nameNode.text));
        if (!culprit) return;
        const { nameNode } = culprit;
        context.report({ message: `argument name '${nameNode.text}' should be lowercase`, start: nameNode.startIndex, end: nameNode.endIndex });
      },
    };
  },
};
