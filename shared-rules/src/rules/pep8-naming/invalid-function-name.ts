import type { NodeRule } from '../rule';
import { hasUppercase, isIgnoredName } from './namingFacts';

const docs = `
## What it does
Reports functions and methods whose name has an uppercase letter. \`__dir__\`, \`__getattr__\` and the names in pep8-naming's default ignore list (\`setUp\`, \`tearDown\`, …) are exempt.

## Why is this bad?
PEP 8 names functions in lower_snake_case; mixing styles makes names harder to guess.

## Example
\`\`\`python
def getUser(user_id):
    ...
\`\`\`

Use instead:
\`\`\`python
def get_user(user_id):
    ...
\`\`\`

## Fix safety
There is no fix yet: renaming needs every use of the name, which the semantic model will provide.
`;

export const invalidFunctionName: NodeRule = {
  kind: 'node',
  meta: {
    code: 'N802',
    name: 'invalid-function-name',
    summary: 'Function name is not lowercase.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    return {
      function_definition(node) {
        const nameNode = node.childForFieldName('name');
        if (!nameNode) return;
        const name = nameNode.text;
        if (isIgnoredName(name) || name === '__dir__' || name === '__getattr__' || !hasUppercase(name)) return;
        context.report({ message: `function name '${name}' should be lowercase`, start: nameNode.startIndex, end: nameNode.endIndex });
      },
    };
  },
};
