import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { BINDING_NODE_TYPES, checkBindings, isMixedCase } from './namingFacts';

const docs = `
## What it does
Reports names bound at module level (assignments, \`for\` targets and the like) spelled in mixedCase: an uppercase letter after a lowercase first letter. UPPER_CASE constants are fine.

## Why is this bad?
PEP 8 names module variables in lower_snake_case and constants in UPPER_CASE; mixedCase is neither.

## Example
\`\`\`python
defaultTimeout = 30
\`\`\`

Use instead:
\`\`\`python
DEFAULT_TIMEOUT = 30
\`\`\`

## Fix safety
There is no fix yet: renaming needs every use of the name, which the semantic model will provide.
`;

export const mixedCaseVariableInGlobalScope: NodeRule = {
  kind: 'node',
  meta: {
    code: 'N816',
    name: 'mixed-case-variable-in-global-scope',
    summary: 'Module-level variable in mixedCase.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const visit = (node: Node): void =>
      checkBindings(node, 'module', isMixedCase, (nameNode) =>
        context.report({ message: `variable '${nameNode.text}' in global scope should not be mixedCase`, start: nameNode.startIndex, end: nameNode.endIndex }));
    return Object.fromEntries(BINDING_NODE_TYPES.map((type) => [type, visit]));
  },
};
