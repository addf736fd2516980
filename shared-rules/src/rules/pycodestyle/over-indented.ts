import type { FileRule } from '../rule';
import { reportIndentation } from './indentation/reportIndentation';

const docs = `
## What it does
Reports the first statement or comment of a block indented further than one
level past the line that opens the block, as pycodestyle's E117 does: more
than four columns, or eight when the file is indented with tabs.

## Why is this bad?
An over-indented block looks nested deeper than it is, and usually means the
indentation was pasted from elsewhere or mixes tabs and spaces.

## Example
\`\`\`python
for item in items:
        process(item)
\`\`\`

Use instead:
\`\`\`python
for item in items:
    process(item)
\`\`\`

## Fix safety
The fix reindents the block with four spaces per level, keeping its nesting,
continuation lines' alignment, string contents and comment text. Safe.
`;

export const overIndented: FileRule = {
  kind: 'file',
  meta: {
    code: 'E117',
    name: 'over-indented',
    summary: 'Block is indented more than one level past its header.',
    category: 'indentation',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  check: (context) => reportIndentation(context, 'E117'),
};
