import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';
import { isMagicMethod } from './docstringTargets';
import { STUB_FIX_SAFETY, WHY_DOCSTRINGS } from './sharedDocs';

const docs = `
## What it does
Reports a magic method such as \`__len__\` or \`__eq__\` of a public class without a docstring, with
pydocstyle's meaning of public. \`@overload\` signatures are exempt: the implementation after them
carries the docstring.

${WHY_DOCSTRINGS}

## Example
\`\`\`python
class Stack:
    """A stack."""

    def __len__(self):
        return len(self.items)
\`\`\`

Use instead:
\`\`\`python
class Stack:
    """A stack."""

    def __len__(self):
        """Count the items on the stack."""
        return len(self.items)
\`\`\`

${STUB_FIX_SAFETY}
`;

export const undocumentedMagicMethod: FileRule = {
  kind: 'file',
  meta: {
    code: 'D105',
    name: 'undocumented-magic-method',
    summary: 'Magic method without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingDocstrings(context, (target) => target.kind === 'method' && isMagicMethod(target.definition.name), 'Missing docstring in magic method');
  },
};
