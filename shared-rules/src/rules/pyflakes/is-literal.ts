import type { NodeRule } from '../rule';
import { F, K, T } from '../../syntax/grammar';
import { unparenthesized } from '../../syntax/expressions';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';
import type { TextEdit } from '../../text/textEdit';

const docs = `
## What it does
Reports \`is\` and \`is not\` comparisons where one side is a literal whose
identity Python does not promise: a string, bytes or number literal, or a tuple
of literals, as pyflakes' F632 does. \`None\`, \`True\`, \`False\` and \`...\` are
singletons and are not reported; neither are f-strings or negative numbers,
which are expressions rather than literals.

## Why is this bad?
\`is\` asks whether both sides are the same object, not whether they are equal.
Whether two equal strings or numbers are one object depends on the interpreter,
on interning and on how the value was made, so \`name is "admin"\` may be true
in a test and false in production. Python 3.8 and later warn about it
(\`SyntaxWarning: "is" with a literal\`).

## Example
\`\`\`python
if status is "done":
    archive(job)
if retries is not 0:
    wait()
\`\`\`

Use instead:
\`\`\`python
if status == "done":
    archive(job)
if retries != 0:
    wait()
\`\`\`

## Fix safety
The fix replaces \`is\` with \`==\` and \`is not\` with \`!=\`, keeping any comment
written between \`is\` and \`not\`. It is unsafe: \`==\` calls the operand's
\`__eq__\`, which a class may define to do anything (NumPy arrays return an
array, which \`if\` cannot use), and a comparison that used to be false because
the objects differed becomes true.
`;

/** Literal types whose values are constants to Python's parser. */
const CONSTANTS = new Set<number>([T.integer, T.float, T.true, T.false, T.none, T.ellipsis]);
/** Constants that are one object by definition: comparing them with `is` is right. */
const SINGLETONS = new Set<number>([T.true, T.false, T.none, T.ellipsis]);

/** Whether a string literal is a constant: f-strings and t-strings are built at run time. */
function isConstantString(tree: SyntaxTree, node: NodeId): boolean {
  const start = tree.firstChild(node);
  return start !== NONE && !/[ft]/i.test(tree.text(start));
}

/** Whether an expression is a literal constant as Python's `ast` parses it (parentheses aside). */
function isConstant(tree: SyntaxTree, expression: NodeId): boolean {
  const node = unparenthesized(tree, expression);
  const type = tree.type(node);
  if (CONSTANTS.has(type)) return true;
  if (type === T.string) return isConstantString(tree, node);
  if (type === T.concatenated_string) return tree.namedChildren(node).every((part) => tree.type(part) !== T.string || isConstantString(tree, part));
  if (type === T.tuple) return tree.namedChildren(node).every((element) => tree.isExtra(element) || isConstant(tree, element));
  return false;
}

function isConstantNonSingleton(tree: SyntaxTree, expression: NodeId): boolean {
  return isConstant(tree, expression) && !SINGLETONS.has(tree.type(unparenthesized(tree, expression)));
}

/** The edits turning `is` into `==` and `is not` into `!=`; a comment between `is` and `not` stays. */
function equalityEdits(tree: SyntaxTree, operator: NodeId): TextEdit[] {
  if (tree.type(operator) === K.is) return [{ start: tree.start(operator), end: tree.end(operator), newText: '==' }];
  if (tree.childOfType(operator, T.comment) === NONE) return [{ start: tree.start(operator), end: tree.end(operator), newText: '!=' }];
  const is = tree.childOfType(operator, K.is);
  const not = tree.childOfType(operator, K.not);
  return [{ start: tree.start(is), end: tree.end(is), newText: '!=' }, { start: tree.start(not), end: tree.end(not), newText: '' }];
}

export const isLiteral: NodeRule = {
  kind: 'node',
  meta: {
    code: 'F632',
    name: 'is-literal',
    summary: '`is` or `is not` compares with a str, bytes, number or tuple literal; use `==` or `!=`.',
    category: 'correctness',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'always',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      comparison_operator(node) {
        const operators = tree.fields(node, F.operators);
        const operands = tree.namedChildren(node).filter((child) => !tree.isExtra(child));
        if (operands.length !== operators.length + 1) return;
        operators.forEach((operator, i) => {
          const type = tree.type(operator);
          if (type !== K.is && type !== K['is not']) return;
          const [left, right] = [operands[i], operands[i + 1]];
          if (!isConstantNonSingleton(tree, left) && !isConstantNonSingleton(tree, right)) return;
          const [written, wanted] = type === K.is ? ['is', '=='] : ['is not', '!='];
          context.report({
            message: `Use \`${wanted}\` to compare with a literal; \`${written}\` compares identity`,
            start: tree.start(left),
            end: tree.end(right),
            fix: { title: `Replace \`${written}\` with \`${wanted}\``, safety: 'unsafe', edits: equalityEdits(tree, operator) },
          });
        });
      },
    };
  },
};
