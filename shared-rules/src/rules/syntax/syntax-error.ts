import type { Node } from 'web-tree-sitter';
import type { FileContext, FileRule } from '../rule';

const docs = `
## What it does
Reports code that is not valid Python: the places where the parser had to skip
unexpected text or assume a missing token.

## Why is this bad?
The file cannot be imported or run. Other rules keep checking the rest of the
file, but their findings near the error may be incomplete.

## Example
\`\`\`python
def greet(name:
    print("hello", name)
\`\`\`

## Fix safety
There is no automatic fix: only the author knows what was meant.
`;

function describe(text: string): string {
  const firstLine = text.trim().split(/\r?\n/)[0];
  return firstLine.length > 30 ? `${firstLine.slice(0, 30)}…` : firstLine;
}

const COMPLETE_STATEMENT = /(_statement|_definition)$/;

/**
 * Error recovery often wraps complete statements that precede the real
 * problem into the ERROR node; the first child after them is what the parser
 * could not place.
 */
function firstUnexpectedChild(error: Node): Node {
  for (const child of error.children) {
    if (!child) continue;
    if (child.isNamed && !child.hasError && COMPLETE_STATEMENT.test(child.type)) continue;
    return child;
  }
  return error;
}

/** The outermost ERROR nodes and the MISSING nodes, found by descending only into subtrees with errors. */
function collectErrors(node: Node, found: Node[]): void {
  if (node.type === 'ERROR' || node.isMissing) {
    found.push(node);
    return;
  }
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) collectErrors(child, found);
  }
}

function report(error: Node, context: FileContext, reportedLines: Set<number>): void {
  const culprit = error.isMissing ? error : firstUnexpectedChild(error);
  const line = context.lines.lineAt(culprit.startIndex);
  // Recovery can split one mistake into several nodes: one finding per line is enough.
  if (reportedLines.has(line)) return;
  reportedLines.add(line);
  if (error.isMissing) {
    context.report({ message: `SyntaxError: expected \`${error.type}\``, start: error.startIndex, end: error.endIndex });
    return;
  }
  const unexpected = describe(culprit.text);
  const end = Math.min(culprit.endIndex, context.lines.lineContentEnd(line));
  context.report({
    message: unexpected ? `SyntaxError: unexpected \`${unexpected}\`` : 'SyntaxError: invalid syntax',
    start: culprit.startIndex,
    end: Math.max(end, culprit.startIndex),
  });
}

export const syntaxError: FileRule = {
  kind: 'file',
  meta: {
    code: 'E999',
    name: 'syntax-error',
    summary: 'The code is not valid Python.',
    category: 'syntax',
    severity: 'error',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const root = context.tree.rootNode;
    if (!root.hasError) return;
    const errors: Node[] = [];
    collectErrors(root, errors);
    const reportedLines = new Set<number>();
    for (const error of errors) report(error, context, reportedLines);
  },
};
