import type { FileRule } from '../rule';
import { reportMissingModuleDocstring } from './missingDocstrings';
import { MODULE_STUB_FIX_SAFETY } from './sharedDocs';

const docs = `
## What it does
Reports an \`__init__.py\` without a docstring, unless it is private: its file name, or
the name of a package directory on its path (relative to the configuration
root), starts with one underscore.

## Why is this bad?
The package docstring says what the package is for; it is the first thing
\`help()\` and documentation generators show.

## Example
\`\`\`python
# mypackage/__init__.py
from .core import run
\`\`\`

Use instead:
\`\`\`python
# mypackage/__init__.py
"""Run jobs on a schedule."""

from .core import run
\`\`\`

${MODULE_STUB_FIX_SAFETY}
`;

export const undocumentedPublicPackage: FileRule = {
  kind: 'file',
  meta: {
    code: 'D104',
    name: 'undocumented-public-package',
    summary: 'Public package without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'always',
    docs,
  },
  check(context) {
    reportMissingModuleDocstring(context, 'package');
  },
};
