import type { FileRule } from '../rule';
import { reportIndentation } from './indentation/reportIndentation';

const docs = `
## What it does
Reports lines whose indentation contains a tab, as pycodestyle's W191 does.
Continuation lines count (their leading whitespace is indentation too), but
lines that start inside a string are text, not indentation, and are left alone.

## Why is this bad?
PEP 8 asks for spaces. A tab is as wide as each reader's editor makes it, so
code indented with tabs lines up differently for everyone, and mixing tabs
and spaces can change which block a line belongs to.

## Example
\`\`\`python
if ready:
\tstart()
\`\`\`

Use instead:
\`\`\`python
if ready:
    start()
\`\`\`

## Fix safety
The fix reindents the enclosing block with four spaces per level (tabs count
as eight columns, as Python reads them). Continuation lines move with their
statement, so alignment with an opening bracket is kept; string contents and
comment text are never changed. The block keeps its meaning, so the fix is safe.
`;

export const tabIndentation: FileRule = {
  kind: 'file',
  meta: {
    code: 'W191',
    name: 'tab-indentation',
    summary: 'Indentation contains tabs; indent with spaces.',
    category: 'indentation',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  check: (context) => reportIndentation(context, 'W191'),
};
