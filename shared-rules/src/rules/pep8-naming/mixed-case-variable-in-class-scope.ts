import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { BINDING_NODE_TYPES, checkBindings, isMixedCase } from './namingFacts';

const docs = `
## What it does
Reports names bound in a class body (assignments, \`for\` targets and the like) spelled in mixedCase: an uppercase letter after a lowercase first letter.

## Why is this bad?
PEP 8 names attributes in lower_snake_case; mixedCase mixes two conventions in one class.

## Example
\`\`\`python
class Config:
    maxRetries = 3
\`\`\`

Use instead:
\`\`\`python
class Config:
    max_retries = 3
\`\`\`

## Fix safety
There is no fix yet: renaming needs every use of the name, which the semantic model will provide.
`;

export const mixedCaseVariableInClassScope: NodeRule = {
  kind: 'node',
  meta: {
    code: 'N815',
    name: 'mixed-case-variable-in-class-scope',
    summary: 'Class attribute in mixedCase.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const visit = (node: Node): void =>
      checkBindings(node, 'class', isMixedCase, (nameNode) =>
        context.report({ message: `variable '${nameNode.text}' in class scope should not be mixedCase`, start: nameNode.startIndex, end: nameNode.endIndex }));
    return Object.fromEntries(BINDING_NODE_TYPES.map((type) => [type, visit]));
  },
};
