import type { NodeRule } from '../rule';

const docs = `
## What it does
Reports classes that derive directly from \`Exception\` or from a class named \`…Error\` (written as a plain name, not \`module.Error\`) and whose own name does not end in \`Error\`, as Ruff does (pep8-naming 0.10 has no N818).

## Why is this bad?
PEP 8 asks for the suffix \`Error\` on exception names that are errors, so \`except\` clauses read as what they catch.

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
    return {
      class_definition(node) {
        const nameNode = node.childForFieldName('name');
        const bases = node.childForFieldName('superclasses');
        if (!nameNode || !bases || nameNode.text.endsWith('Error')) return;
        // Bases named directly (not `module.Error`): `Exception` itself or a name ending in `Error`.
        const derivesFromException = bases.namedChildren.some((base) =>
          base?.type === 'identifier' && (base.text === 'Exception' || base.text.endsWith('Error')));
        if (!derivesFromException) return;
        context.report({ message: `Exception name \`${nameNode.text}\` should be named with an Error suffix`, start: nameNode.startIndex, end: nameNode.endIndex });
      },
    };
  },
};
