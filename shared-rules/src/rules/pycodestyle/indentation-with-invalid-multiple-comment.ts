import type { FileRule } from '../rule';
import { reportIndentation } from './indentation/reportIndentation';

const docs = `
## What it does
Reports comment lines indented by a number of columns that is not a multiple
of four, as pycodestyle's E114 does. Comments inside brackets are continuation
lines and are not checked.

## Why is this bad?
A comment at an odd column belongs visibly to no block, so a reader cannot tell
which code it describes.

## Example
\`\`\`python
def total(items):
      # add them up
    return sum(items)
\`\`\`

Use instead:
\`\`\`python
def total(items):
    # add them up
    return sum(items)
\`\`\`

## Fix safety
The fix moves the comment to the deepest level it reaches (one of the levels
open where it stands, or the one the next statement opens), four spaces per
level; its text is unchanged. Comments do not affect the program, so this is safe.
`;

export const indentationWithInvalidMultipleComment: FileRule = {
  kind: 'file',
  meta: {
    code: 'E114',
    name: 'indentation-with-invalid-multiple-comment',
    summary: 'Comment indentation is not a multiple of four.',
    category: 'indentation',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  check: (context) => reportIndentation(context, 'E114'),
};
