import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';
import { isMagicMethod } from './docstringTargets';

const docs = `
## What it does
Reports a magic method such as \`__len__\` or \`__eq__\` of a public class without a docstring, with pydocstyle's meaning of public.

## Why is this bad?
Docstrings are what \`help()\`, editors and documentation generators show;
without one, readers must work out from the code what it is for.

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

## Fix safety
The quick fix inserts a docstring stub: a placeholder summary line to
rewrite, then, following the option \`docstring-convention\` (\`sphinx\` by
default, \`google\` or \`numpy\`), one entry per parameter, the return value when
something is returned and each exception the body raises itself. It is
unsafe because the placeholder text must be edited, and a docstring changes
\`__doc__\` (and what \`help()\` shows).
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
