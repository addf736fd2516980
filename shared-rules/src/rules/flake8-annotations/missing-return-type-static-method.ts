import type { FileRule } from '../rule';
import { reportMissingReturns } from './functionFacts';
import { RETURN_TYPE_FIX_SAFETY, RETURN_TYPE_INFERENCE, WHY_RETURN_TYPES } from './sharedDocs';

const docs = `
## What it does
Reports a method decorated with \`@staticmethod\` that has no return type annotation.

${RETURN_TYPE_INFERENCE}

${WHY_RETURN_TYPES}

## Example
\`\`\`python
class Units:
    @staticmethod
    def is_metric(name: str):
        return name in ("m", "kg")
\`\`\`

Use instead:
\`\`\`python
class Units:
    @staticmethod
    def is_metric(name: str) -> bool:
        return name in ("m", "kg")
\`\`\`

${RETURN_TYPE_FIX_SAFETY}
`;

export const missingReturnTypeStaticMethod: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN205',
    name: 'missing-return-type-static-method',
    summary: 'Static method without a return type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingReturns(context, 'staticmethod', (name) => `Missing return type annotation for staticmethod \`${name}\``);
  },
};
