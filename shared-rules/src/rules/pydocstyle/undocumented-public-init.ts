import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';
import { STUB_FIX_SAFETY, WHY_DOCSTRINGS } from './sharedDocs';

const docs = `
## What it does
Reports an \`__init__\` method of a public class without a docstring, with pydocstyle's meaning of
public. \`@overload\` signatures are exempt: the implementation after them carries the docstring.

${WHY_DOCSTRINGS}

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

${STUB_FIX_SAFETY}
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
