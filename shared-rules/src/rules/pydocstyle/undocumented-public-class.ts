import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';

const docs = `
## What it does
Reports a public class (no leading underscore; listed in \`__all__\` when the module has one) without a docstring, with pydocstyle's meaning of public.

## Why is this bad?
Docstrings are what \`help()\`, editors and documentation generators show;
without one, readers must work out from the code what it is for.

## Example
\`\`\`python
class Inventory:
    items: list[str]
\`\`\`

Use instead:
\`\`\`python
class Inventory:
    """The items in stock."""

    items: list[str]
\`\`\`

## Fix safety
The quick fix inserts a docstring stub: a placeholder summary line to
rewrite, then, following the option \`docstring-convention\` (\`sphinx\` by
default, \`google\` or \`numpy\`), one entry per parameter, the return value when
something is returned and each exception the body raises itself. It is
unsafe because the placeholder text must be edited, and a docstring changes
\`__doc__\` (and what \`help()\` shows).
`;

export const undocumentedPublicClass: FileRule = {
  kind: 'file',
  meta: {
    code: 'D101',
    name: 'undocumented-public-class',
    summary: 'Public class without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    reportMissingDocstrings(context, (target) => target.kind === 'class', 'Missing docstring in public class');
  },
};
