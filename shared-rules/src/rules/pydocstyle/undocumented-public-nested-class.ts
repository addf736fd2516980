import type { FileRule } from '../rule';
import { reportMissingDocstrings } from './missingDocstrings';
import { STUB_FIX_SAFETY, WHY_DOCSTRINGS } from './sharedDocs';

const docs = `
## What it does
Reports a public class nested in a public class without a docstring, with pydocstyle's meaning of
public.

${WHY_DOCSTRINGS}

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

${STUB_FIX_SAFETY}
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
