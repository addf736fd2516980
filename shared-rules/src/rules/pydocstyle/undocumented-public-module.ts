import type { FileRule } from '../rule';
import { reportMissingModuleDocstring } from './missingDocstrings';
import { MODULE_STUB_FIX_SAFETY } from './sharedDocs';

const docs = `
## What it does
Reports a module (any file but \`__init__.py\`) without a docstring, unless it is private: its file
name, or
the name of a package directory on its path (relative to the configuration
root), starts with one underscore.

## Why is this bad?
The module docstring says what the module is for; it is the first thing
\`help()\` and documentation generators show.

## Example
\`\`\`python
import json


def load(path):
    ...
\`\`\`

Use instead:
\`\`\`python
"""Read and write the settings file."""

import json


def load(path):
    ...
\`\`\`

${MODULE_STUB_FIX_SAFETY}
`;

export const undocumentedPublicModule: FileRule = {
  kind: 'file',
  meta: {
    code: 'D100',
    name: 'undocumented-public-module',
    summary: 'Public module without a docstring.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'always',
    docs,
    skippedInNotebooks: 'A notebook has no module docstring: its first cell, usually Markdown, says what it is for.',
  },
  check(context) {
    reportMissingModuleDocstring(context, 'module');
  },
};
