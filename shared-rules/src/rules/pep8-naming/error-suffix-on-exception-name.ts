import type { NodeRule } from '../rule';
import { F, T } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';

const docs = `
## What it does
Reports classes that derive directly from \`Exception\` or from a class named \`…Error\` (written as
a plain name, not \`module.Error\`) and whose own name does not end in \`Error\`, as Ruff does
(pep8-naming 0.10 has no N818).

## Why is this bad?
PEP 8 asks for the suffix \`Error\` on exception names that are errors, so \`except\` clauses read
as what they catch.

## Example
\`\`\`python
class ValidationFailed(Exception):
    pass
\`\`\`

Use instead:
\`\`\`python
class ValidationError(Exception):
    pass
\`\`\`

## Fix safety
There is no fix yet: renaming needs every use of the name, which the semantic model will provide.
`;

export const errorSuffixOnExceptionName: NodeRule = {
  kind: 'node',
  meta: {
    code: 'N818',
    name: 'error-suffix-on-exception-name',
    summary: 'Exception class name without an `Error` suffix.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      class_definition(node) {
        const nameNode = tree.field(node, F.name);
        const bases = tree.field(node, F.superclasses);
        if (nameNode === NONE || bases === NONE || tree.text(nameNode).endsWith('Error')) return;
        // Bases named directly (not `module.Error`): `Exception` itself or a name ending in `Error`.
        const derivesFromException = tree.namedChildren(bases).some((base) =>
          tree.type(base) === T.identifier && (tree.text(base) === 'Exception' || tree.text(base).endsWith('Error')));
        if (!derivesFromException) return;
        context.report({ message: `Exception name \`${tree.text(nameNode)}\` should be named with an Error suffix`, start: tree.start(nameNode), end: tree.end(nameNode) });
      },
    };
  },
};
