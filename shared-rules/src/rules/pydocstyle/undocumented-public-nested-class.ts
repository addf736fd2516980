import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';

const docs = `
## What it does
Reports a public class nested in a public class without a docstring, with pydocstyle's meaning of public.

## Why is this bad?
Docstrings are what \`help()\`, editors and documentation generators show;
without one, readers must work out from the code what it is for.

## Example
\`\`\`python
class Model:
    """A stored record."""

    class Meta:
        ordering = ["name"]
\`\`\`

Use instead:
\`\`\`python
class Model:
    """A stored record."""

    class Meta:
        """Options of the model."""

        ordering = ["name"]
\`\`\`

## Fix safety
The quick fix inserts a docstring stub: a placeholder summary line to
rewrite, then, following the option \`docstring-convention\` (\`sphinx\` by
default, \`google\` or \`numpy\`), one entry per parameter, the return value when
something is returned and each exception the body raises itself. It is
unsafe because the placeholder text must be edited, and a docstring changes
\`__doc__\` (and what \`help()\` shows).
`;

export const undocumentedPublicNestedClass: FileRule = {
  kind: 'file',
  meta: {
    code: 'D106',
    name: 'undocumented-public-nested-class',
    summary: 'Public nested class without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingDocstrings(context, (target) => target.kind === 'nested-class', 'Missing docstring in public nested class');
  },
};
