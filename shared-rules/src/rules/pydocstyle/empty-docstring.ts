import type { FileRule } from '../rule';
import { docstringOf } from '../../syntax/definitions';
import { docstringTargets } from './docstringTargets';
import { T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

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
function isBlankString(tree: SyntaxTree, node: NodeId): boolean {
  if (tree.type(node) === T.concatenated_string) return tree.namedChildren(node).every((part) => isBlankString(tree, part));
  const match = /^([A-Za-z]*)('''|"""|'|")([\s\S]*)\2$/.exec(tree.text(node));
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
    const { tree } = context;
    const docstrings = [docstringOf(tree, tree.root), ...docstringTargets(tree).map((t) => t.docstring)];
    for (const docstring of docstrings) {
      if (docstring === NONE || !isBlankString(tree, docstring)) continue;
      context.report({ message: 'Docstring is empty', start: tree.start(docstring), end: tree.end(docstring) });
    }
  },
};
