import type { SyntaxNode as Node } from '../../semantic/syntax';
import type { FileRule } from '../rule';
import type { TextEdit } from '../../text/textEdit';
import { exceptParts } from '../../semantic/analyzer';
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

const PURE_LEAVES = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'ellipsis']);

/** Whether evaluating an expression can have no effect (literals, names, containers of them). */
function isPure(node: Node): boolean {
  if (PURE_LEAVES.has(node.type)) return true;
  if (node.type === 'string') return !node.namedChildren.some((c) => c?.type === 'interpolation');
  if (node.type === 'concatenated_string') return node.namedChildren.every((c) => !c || isPure(c));
  if (['tuple', 'list', 'set', 'dictionary', 'pair', 'parenthesized_expression', 'expression_list'].includes(node.type)) {
    return node.namedChildren.every((c) => !c || c.type === 'comment' || isPure(c));
  }
  return false;
}

function removalEdits(text: string, source: Node): TextEdit[] | undefined {
  if (source.type === 'except_clause' || source.type === 'except_group_clause') {
    const { type, alias } = exceptParts(source);
    return type && alias ? [{ start: type.endIndex, end: alias.endIndex, newText: '' }] : undefined;
  }
  const parent = source.parent;
  if (parent?.type === 'as_pattern_target') {
    const pattern = parent.parent;
    const value = pattern?.namedChild(0);
    return value ? [{ start: value.endIndex, end: parent.endIndex, newText: '' }] : undefined;
  }
  if (parent?.type !== 'assignment' || parent.childForFieldName('left')?.id !== source.id) return undefined;
  const value = parent.childForFieldName('right');
  // Only `x = value` (or `x: T = value`) as a statement of its own; chains are left alone.
  if (!value || value.type === 'assignment' || parent.parent?.type !== 'expression_statement') return undefined;
  const statement = parent.parent;
  if (isPure(value)) return [removeStatement(text, statement)];
  return [{ start: parent.startIndex, end: value.startIndex, newText: '' }];
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
    for (const message of context.model.messages) {
      if (message.kind !== 'unused-variable') continue;
      const source = message.node;
      const at = source.type === 'except_clause' || source.type === 'except_group_clause' ? (exceptParts(source).alias ?? source) : source;
      const edits = removalEdits(context.text, source);
      context.report({
        message: `local variable '${message.name}' is assigned to but never used`,
        start: at.startIndex,
        end: at.endIndex,
        fix: edits ? { title: `Remove assignment to unused variable \`${message.name}\``, safety: 'unsafe', edits } : undefined,
      });
    }
  },
};
