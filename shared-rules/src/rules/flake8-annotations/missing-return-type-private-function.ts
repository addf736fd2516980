import type { FileRule } from '../rule';
import { reportMissingReturns } from './functionFacts';
import { RETURN_TYPE_FIX_SAFETY, RETURN_TYPE_INFERENCE, WHY_RETURN_TYPES } from './sharedDocs';

const docs = `
## What it does
Reports a private function: one with a leading underscore, left out of \`__all__\`, nested in
another function, in a private class or in a private module that has no return type annotation.

${RETURN_TYPE_INFERENCE}

${WHY_RETURN_TYPES}

## Example
\`\`\`python
def _is_even(number: int):
    return number % 2 == 0
\`\`\`

Use instead:
\`\`\`python
def _is_even(number: int) -> bool:
    return number % 2 == 0
\`\`\`

${RETURN_TYPE_FIX_SAFETY}
`;

export const missingReturnTypePrivateFunction: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN202',
    name: 'missing-return-type-private-function',
    summary: 'Private function without a return type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingReturns(context, 'private', (name) => `Missing return type annotation for private function \`${name}\``);
  },
};
