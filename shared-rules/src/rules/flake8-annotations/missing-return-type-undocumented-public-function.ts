import type { FileRule } from '../rule';
import { reportMissingReturns } from './functionFacts';
import { RETURN_TYPE_FIX_SAFETY, RETURN_TYPE_INFERENCE, WHY_RETURN_TYPES } from './sharedDocs';

const docs = `
## What it does
Reports a public function (its name has no leading underscore, it is listed in \`__all__\` when the
module has one, its class is public and its module is not private) that has no return type
annotation.

${RETURN_TYPE_INFERENCE}

${WHY_RETURN_TYPES}

## Example
\`\`\`python
def is_even(number: int):
    return number % 2 == 0
\`\`\`

Use instead:
\`\`\`python
def is_even(number: int) -> bool:
    return number % 2 == 0
\`\`\`

${RETURN_TYPE_FIX_SAFETY}
`;

export const missingReturnTypeUndocumentedPublicFunction: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN201',
    name: 'missing-return-type-undocumented-public-function',
    summary: 'Public function without a return type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingReturns(context, 'public', (name) => `Missing return type annotation for public function \`${name}\``);
  },
};
