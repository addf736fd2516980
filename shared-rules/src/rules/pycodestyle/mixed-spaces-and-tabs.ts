import type { FileRule } from '../rule';
import { reportIndentation } from './indentation/reportIndentation';

const docs = `
## What it does
Reports indentation that uses a different character from the file's own, as
pycodestyle's E101 does: the file's indentation character is the first
character of its first indented line, and after a finding the reported line's
character takes its place. Lines that start inside a string are not indentation.

## Why is this bad?
Where tabs and spaces mix, how deep a line is depends on the tab width: code
that looks nested in one editor is not in another, and Python 3 refuses some
mixtures with \`TabError\`.

## Example
\`\`\`python
if ready:
        start()
\tstop()
\`\`\`

Use instead:
\`\`\`python
if ready:
    start()
    stop()
\`\`\`

## Fix safety
As for W191: the enclosing block is reindented with four spaces per level,
keeping continuation lines' alignment, string contents and comment text. Safe.
`;

export const mixedSpacesAndTabs: FileRule = {
  kind: 'file',
  meta: {
    code: 'E101',
    name: 'mixed-spaces-and-tabs',
    summary: 'Indentation mixes tabs and spaces.',
    category: 'indentation',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  check: (context) => reportIndentation(context, 'E101'),
};
