import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';

const docs = `
## What it does
Reports an \`__init__\` method of a public class without a docstring, with pydocstyle's meaning of public.

## Why is this bad?
Docstrings are what \`help()\`, editors and documentation generators show;
without one, readers must work out from the code what it is for.

## Example
\`\`\`python
class Point:
    """A point."""

    def __init__(self, x, y):
        self.x, self.y = x, y
\`\`\`

Use instead:
\`\`\`python
class Point:
    """A point."""

    def __init__(self, x, y):
        """Create a point.

        :param x: The abscissa.
        :param y: The ordinate.
        """
        self.x, self.y = x, y
\`\`\`

## Fix safety
The quick fix inserts a docstring stub: a placeholder summary line to
rewrite, then, following the option \`docstring-convention\` (\`sphinx\` by
default, \`google\` or \`numpy\`), one entry per parameter, the return value when
something is returned and each exception the body raises itself. It is
unsafe because the placeholder text must be edited, and a docstring changes
\`__doc__\` (and what \`help()\` shows).
`;

export const undocumentedPublicInit: FileRule = {
  kind: 'file',
  meta: {
    code: 'D107',
    name: 'undocumented-public-init',
    summary: '`__init__` without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingDocstrings(context, (target) => target.kind === 'method' && target.definition.name === '__init__', 'Missing docstring in __init__');
  },
};
