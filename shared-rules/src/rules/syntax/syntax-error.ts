import type { FileContext, FileRule } from '../rule';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

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
function firstUnexpectedChild(tree: SyntaxTree, error: NodeId): NodeId {
  for (let child = tree.firstChild(error); child !== NONE; child = tree.nextSibling(child)) {
    if (tree.isNamed(child) && !tree.hasError(child) && COMPLETE_STATEMENT.test(tree.typeName(child))) continue;
    return child;
  }
  return error;
}

/** The outermost ERROR nodes and the MISSING nodes, found by descending only into subtrees with errors. */
function collectErrors(tree: SyntaxTree, root: NodeId): NodeId[] {
  const found: NodeId[] = [];
  for (let node = root; node !== NONE;) {
    if (node !== root && !tree.hasError(node) && !tree.isMissing(node)) {
      node = tree.following(node, root, true);
    } else if (tree.isError(node) || tree.isMissing(node)) {
      found.push(node);
      node = tree.following(node, root, true);
    } else {
      node = tree.following(node, root);
    }
  }
  return found;
}

function report(error: NodeId, context: FileContext, reportedLines: Set<number>): void {
  const { tree } = context;
  const missing = tree.isMissing(error);
  const culprit = missing ? error : firstUnexpectedChild(tree, error);
  const culpritStart = tree.start(culprit);
  const line = context.lines.lineAt(culpritStart);
  // Recovery can split one mistake into several nodes: one finding per line is enough.
  if (reportedLines.has(line)) return;
  reportedLines.add(line);
  if (missing) {
    context.report({ message: `SyntaxError: expected \`${tree.typeName(error)}\``, start: tree.start(error), end: tree.end(error) });
    return;
  }
  const unexpected = describe(tree.text(culprit));
  const end = Math.min(tree.end(culprit), context.lines.lineContentEnd(line));
  context.report({
    message: unexpected ? `SyntaxError: unexpected \`${unexpected}\`` : 'SyntaxError: invalid syntax',
    start: culpritStart,
    end: Math.max(end, culpritStart),
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
    const root = context.tree.root;
    if (!context.tree.hasError(root)) return;
    const reportedLines = new Set<number>();
    for (const error of collectErrors(context.tree, root)) report(error, context, reportedLines);
  },
};
