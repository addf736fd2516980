import type { FileRule } from '../rule';
import { reportMissingReturns } from './functionFacts';
import { RETURN_TYPE_FIX_SAFETY, RETURN_TYPE_INFERENCE, WHY_RETURN_TYPES } from './sharedDocs';

const docs = `
## What it does
Reports a method decorated with \`@classmethod\` that has no return type annotation.

${RETURN_TYPE_INFERENCE}

${WHY_RETURN_TYPES}

## Example
\`\`\`python
class Config:
    @classmethod
    def default_name(cls):
        return "config.toml"
\`\`\`

Use instead:
\`\`\`python
class Config:
    @classmethod
    def default_name(cls) -> str:
        return "config.toml"
\`\`\`

${RETURN_TYPE_FIX_SAFETY}
`;

export const missingReturnTypeClassMethod: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN206',
    name: 'missing-return-type-class-method',
    summary: 'Class method without a return type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingReturns(context, 'classmethod', (name) => `Missing return type annotation for classmethod \`${name}\``);
  },
};
