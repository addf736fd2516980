import type { NodeRule } from '../rule';
import type { NodeId } from '../../syntax/tree';
import { BINDING_NODE_TYPES, checkBindings, globalNames, hasUppercase, type Scope } from './namingFacts';
import { snakeCaseRename } from './snakeCaseRename';

const docs = `
## What it does
Reports names bound in a function (assignments, \`for\` targets, \`with … as\`, \`except … as\`,
comprehension targets, \`:=\`) that have an uppercase letter, unless the function declares them
\`global\` or the value is a \`namedtuple(...)\` call.

## Why is this bad?
PEP 8 names local variables in lower_snake_case; an uppercase local reads like a module constant or
a class.

## Example
\`\`\`python
def total(items):
    Sum = 0
    for item in items:
        Sum += item
    return Sum
\`\`\`

Use instead:
\`\`\`python
def total(items):
    result = 0
    for item in items:
        result += item
    return result
\`\`\`

## Fix safety
The fix renames the variable to lower_snake_case with every use that resolves to it, including
nested functions, \`nonlocal\` declarations and \`del\`, and nothing else (not strings, not
attributes, not other variables of the same name). A local variable cannot be seen from outside the
function, so the fix is safe. No fix is offered when the new name is a builtin's, is already taken
or would change what another name refers to, nor when \`locals()\`, \`vars()\`, \`eval\` or \`exec\`
is called in its scope: they may read the name as a string.
`;

export const nonLowercaseVariableInFunction: NodeRule = {
  kind: 'node',
  meta: {
    code: 'N806',
    name: 'non-lowercase-variable-in-function',
    summary: 'Variable in a function is not lowercase.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  create(context) {
    const { tree } = context;
    const globals = new Map<NodeId, Set<string>>();
    const declaredGlobal = (name: string, scope: Scope): boolean => {
      if (scope.kind !== 'function') return false;
      let names = globals.get(scope.node);
      if (!names) globals.set(scope.node, (names = globalNames(tree, scope.node)));
      return names.has(name);
    };
    const visit = (node: NodeId): void =>
      checkBindings(tree, node, 'function', (name, scope) => hasUppercase(name) && !declaredGlobal(name, scope), (nameNode) =>
        context.report({
          message: `variable '${tree.text(nameNode)}' in function should be lowercase`,
          start: tree.start(nameNode),
          end: tree.end(nameNode),
          rename: snakeCaseRename(context, nameNode, 'safe'),
        }));
    return Object.fromEntries(BINDING_NODE_TYPES.map((type) => [type, visit]));
  },
};
