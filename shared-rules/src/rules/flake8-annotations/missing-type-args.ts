import type { FileRule } from '../rule';
import { reportUnannotatedVariadic } from './functionFacts';

const docs = `
## What it does
Reports a \`*\` parameter (as in \`*args\`) without a type annotation. The
option \`suppress-dummy-args\` (declared by ANN001) exempts dummy names such as
\`*_\`.

## Why is this bad?
The annotation states the type of each extra positional argument and lets type checkers verify every
call.

## Example
\`\`\`python
def log(message: str, *values):
    ...
\`\`\`

Use instead:
\`\`\`python
def log(message: str, *values: object) -> None:
    ...
\`\`\`

## Fix safety
There is no fix: the type cannot be known from the function alone.
`;

export const missingTypeArgs: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN002',
    name: 'missing-type-args',
    summary: 'Parameter `*args` without a type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'none',
    docs,
  },
  check(context) {
    reportUnannotatedVariadic(context, 'varargs');
  },
};
