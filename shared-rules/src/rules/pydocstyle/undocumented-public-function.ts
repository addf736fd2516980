import type { FileRule } from '../rule';
import { reportMissingDocstrings, DOCSTRING_CONVENTION_OPTION } from './missingDocstrings';
import { STUB_FIX_SAFETY, WHY_DOCSTRINGS } from './sharedDocs';

const docs = `
## What it does
Reports a public module-level function without a docstring (nested functions and \`@overload\`
signatures are exempt), with pydocstyle's meaning of public.

${WHY_DOCSTRINGS}

## Example
\`\`\`python
def area(width, height):
    return width * height
\`\`\`

Use instead:
\`\`\`python
def area(width, height):
    """Compute the area of a rectangle.

    :param width: The width.
    :param height: The height.
    :returns: The area.
    """
    return width * height
\`\`\`

${STUB_FIX_SAFETY}
`;

export const undocumentedPublicFunction: FileRule = {
  kind: 'file',
  meta: {
    code: 'D103',
    name: 'undocumented-public-function',
    summary: 'Public function without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    options: [DOCSTRING_CONVENTION_OPTION],
    docs,
  },
  check(context) {
    reportMissingDocstrings(context, (target) => target.kind === 'function', 'Missing docstring in public function');
  },
};
