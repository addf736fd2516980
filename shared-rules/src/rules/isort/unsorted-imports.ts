import type { FileRule } from '../rule';
import { firstPartyNames, importBlocksOf } from './organizeImports';

const docs = `
## What it does
Reports module-level import blocks that are not in isort's order: sections
\`__future__\`, standard library, third party, first party (the workspace's own
top-level packages, when the editor or the CLI indexed it, and those named
in the \`known-first-party\` option), local (relative imports), separated by a
blank line; in each section \`import x\` lines before \`from x import y\` lines,
by module name; names of one-line \`from\` imports sorted (constants, classes,
then the rest). \`import a, b\` is split into one line per module. Blocks with
comments between their lines, or with backslash continuations, are left
alone, so comments never move; the blank lines after a block are not checked
(isort and Ruff also want one or two there).

## Why is this bad?
A fixed order makes imports easy to scan, shows dependencies at a glance and
avoids merge conflicts.

## Example
\`\`\`python
import sys
from pathlib import Path
import os
\`\`\`

Use instead:
\`\`\`python
import os
import sys
from pathlib import Path
\`\`\`

## Fix safety
The fix rewrites the block in that order, keeping trailing comments and the
layout of multi-line imports. Reordering imports only changes behaviour for
modules with import side effects that depend on order, which is rare: the fix
is safe. The same edit is the editor's "Organize Imports" action.
`;

export const unsortedImports: FileRule = {
  kind: 'file',
  meta: {
    code: 'I001',
    name: 'unsorted-imports',
    summary: 'Import block is not sorted in isort order.',
    category: 'unused-code',
    severity: 'info',
    enabledByDefault: false,
    fix: 'always',
    options: [
      {
        name: 'known-first-party',
        type: 'string',
        default: '',
        description: 'Comma-separated top-level packages of the project, sorted in the first-party section.',
      },
    ],
    docs,
  },
  check(context) {
    for (const block of importBlocksOf(context.text, context.tree, firstPartyNames(context.options, context.workspace))) {
      if (context.text.slice(block.start, block.end) === block.sorted) continue;
      context.report({
        message: 'Import block is un-sorted or un-formatted',
        start: block.start,
        end: block.end,
        fix: { title: 'Organize imports', safety: 'safe', edits: [{ start: block.start, end: block.end, newText: block.sorted }] },
      });
    }
  },
};
