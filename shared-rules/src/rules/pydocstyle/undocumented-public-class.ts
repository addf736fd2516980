import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';
import { STUB_FIX_SAFETY, WHY_DOCSTRINGS } from './sharedDocs';

const docs = `
## What it does
Reports a public class (no leading underscore; listed in \`__all__\` when the module has one)
without a docstring, with pydocstyle's meaning of public.

${WHY_DOCSTRINGS}

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

${STUB_FIX_SAFETY}
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
