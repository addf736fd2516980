import type { NodeRule } from '../rule';
import type { NodeId } from '../../syntax/tree';
import { BINDING_NODE_TYPES, checkBindings, isMixedCase } from './namingFacts';
import { snakeCaseRename } from './snakeCaseRename';

const docs = `
## What it does
Reports names bound at module level (assignments, \`for\` targets and the like) spelled in
mixedCase: an uppercase letter after a lowercase first letter. UPPER_CASE constants are fine.

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
The fix renames the variable to lower_snake_case with every use in the file that resolves to it
(functions, \`global\` declarations, \`del\`, \`__all__\` entries), but not strings or attributes of
other objects. It is unsafe: other modules may import the name. No fix is offered when the new name
is a builtin's, is already taken or would change what another name refers to, nor when
\`globals()\`, \`locals()\` or \`vars()\` is called anywhere in the module: they may read the name
as a string.
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
    fix: 'sometimes',
    docs,
  },
  create(context) {
    const { tree } = context;
    const visit = (node: NodeId): void =>
      checkBindings(tree, node, 'module', isMixedCase, (nameNode) =>
        context.report({
          message: `variable '${tree.text(nameNode)}' in global scope should not be mixedCase`,
          start: tree.start(nameNode),
          end: tree.end(nameNode),
          rename: snakeCaseRename(context, nameNode, 'unsafe', 'other modules may import it'),
        }));
    return Object.fromEntries(BINDING_NODE_TYPES.map((type) => [type, visit]));
  },
};
