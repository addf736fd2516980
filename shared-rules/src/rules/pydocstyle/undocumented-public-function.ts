import type { FileRule } from '../rule';
import { reportMissingDocstrings, DOCSTRING_CONVENTION_OPTION } from './missingDocstrings';
import { isOverload } from './docstringTargets';

const docs = `
## What it does
Reports a public module-level function without a docstring (nested functions and \`@overload\` signatures are exempt), with pydocstyle's meaning of public.

## Why is this bad?
Docstrings are what \`help()\`, editors and documentation generators show;
without one, readers must work out from the code what it is for.

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

## Fix safety
The quick fix inserts a docstring stub: a placeholder summary line to
rewrite, then, following the option \`docstring-convention\` (\`sphinx\` by
default, \`google\` or \`numpy\`), one entry per parameter, the return value when
something is returned and each exception the body raises itself. It is
unsafe because the placeholder text must be edited, and a docstring changes
\`__doc__\` (and what \`help()\` shows).
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
    reportMissingDocstrings(context, (target) => target.kind === 'function' && !isOverload(target.definition), 'Missing docstring in public function');
  },
};
