import type { NodeRule } from '../rule';
import type { NodeId } from '../../syntax/tree';
import { BINDING_NODE_TYPES, checkBindings, isMixedCase } from './namingFacts';
import { snakeCaseRename } from './snakeCaseRename';

const docs = `
## What it does
Reports names bound in a class body (assignments, \`for\` targets and the like) spelled in
mixedCase: an uppercase letter after a lowercase first letter.

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
The fix renames the class attribute to lower_snake_case in the class body and through the class
(\`Class.name\`, and \`self.name\` / \`cls.name\` in its methods). It is unsafe: other code,
subclasses and instances elsewhere may use the attribute. No fix is offered when the new name is a
builtin's, is already an attribute or would change what another name refers to, nor when
\`locals()\`, \`vars()\`, \`eval\` or \`exec\` is called in its scope: they may read the name as a
string.
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
    fix: 'sometimes',
    docs,
  },
  create(context) {
    const { tree } = context;
    const visit = (node: NodeId): void =>
      checkBindings(tree, node, 'class', isMixedCase, (nameNode) =>
        context.report({
          message: `variable '${tree.text(nameNode)}' in class scope should not be mixedCase`,
          start: tree.start(nameNode),
          end: tree.end(nameNode),
          rename: snakeCaseRename(context, nameNode, 'unsafe', 'other code may use the attribute'),
        }));
    return Object.fromEntries(BINDING_NODE_TYPES.map((type) => [type, visit]));
  },
};
