import type { Node } from 'web-tree-sitter';
import type { FileRule } from '../rule';
import { docstringOf } from '../../syntax/definitions';
import { docstringTargets } from './docstringTargets';

const docs = `
## What it does
Reports docstrings that contain nothing but whitespace, on modules, classes
and functions, public or not.

## Why is this bad?
An empty docstring documents nothing, yet it silences the missing-docstring
rules and shows up as blank help text.

## Example
\`\`\`python
def parse(text):
    """ """
    return text.split()
\`\`\`

Use instead:
\`\`\`python
def parse(text):
    """Split the text into words."""
    return text.split()
\`\`\`

## Fix safety
There is no fix: only the author can write what the docstring should say.
`;

/** Whether a string literal's value is only whitespace (escapes such as `\\n` included). */
function isBlankString(node: Node): boolean {
  if (node.type === 'concatenated_string') return node.namedChildren.every((part) => !part || isBlankString(part));
  const match = /^([A-Za-z]*)('''|"""|'|")([\s\S]*)\2$/.exec(node.text);
  if (!match) return false;
  const raw = /r/i.test(match[1]);
  const value = raw ? match[3] : match[3].replace(/\\[ntrfv\n]|\\\r\n?/g, ' ');
  return value.trim() === '';
}

export const emptyDocstring: FileRule = {
  kind: 'file',
  meta: {
    code: 'D419',
    name: 'empty-docstring',
    summary: 'Docstring is empty.',
    category: 'docstrings',
    severity: 'info',
    enabledByDefault: false,
    fix: 'none',
    docs,
  },
  check(context) {
    const docstrings = [docstringOf(context.tree.rootNode), ...docstringTargets(context.tree, context.text).map((t) => t.docstring)];
    for (const docstring of docstrings) {
      if (!docstring || !isBlankString(docstring)) continue;
      context.report({ message: 'Docstring is empty', start: docstring.startIndex, end: docstring.endIndex });
    }
  },
};
