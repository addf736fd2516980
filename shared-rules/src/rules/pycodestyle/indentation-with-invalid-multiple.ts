import type { FileRule } from '../rule';
import { reportIndentation } from './indentation/reportIndentation';

const docs = `
## What it does
Reports statements indented by a number of columns that is not a multiple of
four, as pycodestyle's E111 does (tabs count as eight columns). Only the first
line of a statement is indentation: continuation lines inside brackets or after
\`\\\` and the lines of a string are not checked.

## Why is this bad?
PEP 8 indents by four spaces per level. Blocks indented by two or three
columns in some places and four in others are harder to read, and their depth
is easy to misjudge.

## Example
\`\`\`python
def total(items):
  return sum(items)
\`\`\`

Use instead:
\`\`\`python
def total(items):
    return sum(items)
\`\`\`

## Fix safety
The fix reindents the block with four spaces per level: the nearest enclosing
statement whose indentation is already right, with its whole body, so the
nesting is unchanged. Continuation lines move with their statement; string
contents and comment text are never changed. Safe.
`;

export const indentationWithInvalidMultiple: FileRule = {
  kind: 'file',
  meta: {
    code: 'E111',
    name: 'indentation-with-invalid-multiple',
    summary: 'Indentation is not a multiple of four.',
    category: 'indentation',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  check: (context) => reportIndentation(context, 'E111'),
};
