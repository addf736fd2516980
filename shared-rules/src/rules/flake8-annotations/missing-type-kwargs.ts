import type { FileRule } from '../rule';
import { reportUnannotatedVariadic } from './functionFacts';

const docs = `
## What it does
Reports a \`**\` parameter (as in \`**kwargs\`) without a type annotation. The
option \`suppress-dummy-args\` (declared by ANN001) exempts dummy names such as
\`**_\`.

## Why is this bad?
The annotation states the type of each extra keyword argument and lets type checkers verify every
call.

## Example
\`\`\`python
def connect(host: str, **options):
    ...
\`\`\`

Use instead:
\`\`\`python
def connect(host: str, **options: int) -> None:
    ...
\`\`\`

## Fix safety
There is no fix: the type cannot be known from the function alone.
`;

export const missingTypeKwargs: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN003',
    name: 'missing-type-kwargs',
    summary: 'Parameter `**kwargs` without a type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'none',
    docs,
  },
  check(context) {
    reportUnannotatedVariadic(context, 'kwargs');
  },
};
