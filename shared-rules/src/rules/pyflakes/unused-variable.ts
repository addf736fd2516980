import type { FileRule } from '../rule';
import type { TextEdit } from '../../text/textEdit';
import type { TextReader } from '../../text/pieceText';
import { exceptHandler } from '../../syntax/exceptHandlers';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';
import { removeStatement } from './statementRemoval';

const docs = `
## What it does
Reports local variables of a function that are assigned but never read,
including \`except … as name\` and \`with … as name\` targets (in any scope).
Tuple unpacking, loop variables, \`_\` and functions calling \`locals()\` are
not reported.

## Why is this bad?
The assignment is dead code, or the variable was meant to be used and a bug
hides behind the oversight.

## Example
\`\`\`python
def area(width, height):
    result = width * height
    return width * height
\`\`\`

Use instead:
\`\`\`python
def area(width, height):
    return width * height
\`\`\`

## Fix safety
The fix removes the assignment; a right-hand side that may have effects (a
call, an operator) is kept as an expression statement. Deleting code is never
certain to be what the author wants, so the fix is unsafe.
`;

const PURE_LEAVES = new Set<number>([T.identifier, T.integer, T.float, T.true, T.false, T.none, T.ellipsis]);
const PURE_CONTAINERS = new Set<number>([T.tuple, T.list, T.set, T.dictionary, T.pair, T.parenthesized_expression, T.expression_list]);

/** Whether evaluating an expression can have no effect (literals, names, containers of them). */
function isPure(tree: SyntaxTree, node: NodeId): boolean {
  const type = tree.type(node);
  if (PURE_LEAVES.has(type)) return true;
  if (type === T.string) return !tree.namedChildren(node).some((c) => tree.type(c) === T.interpolation);
  if (type === T.concatenated_string) return tree.namedChildren(node).every((c) => isPure(tree, c));
  if (PURE_CONTAINERS.has(type)) {
    return tree.namedChildren(node).every((c) => tree.type(c) === T.comment || isPure(tree, c));
  }
  return false;
}

function removalEdits(tree: SyntaxTree, text: TextReader, source: NodeId): TextEdit[] | undefined {
  if (tree.type(source) === T.except_clause) {
    const { type, name: alias } = exceptHandler(tree, source);
    return type !== NONE && alias !== NONE ? [{ start: tree.end(type), end: tree.end(alias), newText: '' }] : undefined;
  }
  const parent = tree.parent(source);
  if (parent === NONE) return undefined;
  if (tree.type(parent) === T.as_pattern_target) {
    const pattern = tree.parent(parent);
    const value = pattern === NONE ? NONE : tree.namedChild(pattern, 0);
    return value !== NONE ? [{ start: tree.end(value), end: tree.end(parent), newText: '' }] : undefined;
  }
  if (tree.type(parent) !== T.assignment || tree.field(parent, F.left) !== source) return undefined;
  const value = tree.field(parent, F.right);
  const statement = tree.parent(parent);
  // Only `x = value` (or `x: T = value`) as a statement of its own; chains are left alone.
  if (value === NONE || tree.type(value) === T.assignment || statement === NONE || tree.type(statement) !== T.expression_statement) return undefined;
  if (isPure(tree, value)) return [removeStatement(tree, text, statement)];
  return [{ start: tree.start(parent), end: tree.start(value), newText: '' }];
}

export const unusedVariable: FileRule = {
  kind: 'file',
  meta: {
    code: 'F841',
    name: 'unused-variable',
    summary: 'Local variable is assigned but never used.',
    category: 'unused-code',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    unnecessary: true,
    docs,
  },
  check(context) {
    const { tree } = context;
    for (const message of context.model.messages) {
      if (message.kind !== 'unused-variable') continue;
      const source = message.node;
      const at = tree.type(source) === T.except_clause ? (exceptHandler(tree, source).name || source) : source;
      const edits = removalEdits(tree, context.text, source);
      context.report({
        message: `local variable '${message.name}' is assigned to but never used`,
        start: tree.start(at),
        end: tree.end(at),
        fix: edits ? { title: `Remove assignment to unused variable \`${message.name}\``, safety: 'unsafe', edits } : undefined,
      });
    }
  },
};
