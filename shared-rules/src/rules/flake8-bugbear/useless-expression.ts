import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';
import { unparenthesized } from '../../syntax/expressions';
import { tryClauses } from '../../syntax/statements';
import { span, type NodeRule } from '../rule';

/** Expressions that may act when evaluated: calls, awaits, yields, `__getitem__`, comprehensions' iteration, assignment. */
const EFFECTS: ReadonlySet<number> = new Set([
  T.call,
  T.await,
  T.yield,
  T.subscript,
  T.list_comprehension,
  T.set_comprehension,
  T.dictionary_comprehension,
  T.generator_expression,
  T.named_expression,
  T.assignment,
  T.augmented_assignment,
]);

/** Operands whose operators Python defines itself, so `1 + 2` cannot run user code; `a + b` may (`__add__`). */
const LITERALS: ReadonlySet<number> = new Set([
  T.integer,
  T.float,
  T.true,
  T.false,
  T.none,
  T.ellipsis,
  T.string,
  T.concatenated_string,
  T.list,
  T.tuple,
  T.set,
  T.dictionary,
]);

/** Statements that are an expression by design: docstrings and other text, `...` placeholders, and comparisons, which B015 owns. */
const INTENDED: ReadonlySet<number> = new Set([T.string, T.concatenated_string, T.ellipsis, T.comparison_operator]);

/** A bytes literal (`b"..."`, or implicitly concatenated ones) is no docstring. */
function isBytes(tree: SyntaxTree, node: NodeId): boolean {
  const literal = tree.type(node) === T.concatenated_string ? tree.firstNamedChild(node) : node;
  const start = tree.type(literal) === T.string ? tree.firstChild(literal) : NONE;
  return start !== NONE && /b/i.test(tree.text(start));
}

function hasEffect(tree: SyntaxTree, node: NodeId): boolean {
  const type = tree.type(node);
  if (EFFECTS.has(type)) return true;
  if (type === T.lambda) return false;
  if (type === T.binary_operator) {
    const left = unparenthesized(tree, tree.field(node, F.left));
    const right = unparenthesized(tree, tree.field(node, F.right));
    if (!LITERALS.has(tree.type(left)) || !LITERALS.has(tree.type(right))) return true;
  }
  for (let child = tree.firstNamedChild(node); child !== NONE; child = tree.nextNamedSibling(child)) {
    if (hasEffect(tree, child)) return true;
  }
  return false;
}

/** Whether error recovery left an ERROR node just before the statement: its first words may be the statement's head (`value value`). */
function followsError(tree: SyntaxTree, statement: NodeId): boolean {
  for (let node = statement; node !== NONE; node = tree.parent(node)) {
    let previous = tree.previousSibling(node);
    while (previous !== NONE && tree.type(previous) === T.comment) previous = tree.previousSibling(previous);
    if (previous !== NONE) return tree.isError(previous);
    if (tree.type(tree.parent(node)) !== T.block) return false;
  }
  return false;
}

/** A name or attribute access (or a tuple of them) evaluated only to see whether it raises `NameError` or `AttributeError`. */
function isProbe(tree: SyntaxTree, parts: readonly NodeId[]): boolean {
  return parts.every((part) => {
    const type = tree.type(unparenthesized(tree, part));
    return type === T.identifier || type === T.attribute;
  });
}

/** Whether the statement is in the body of a `try` with `except` clauses, where a probe is the point. */
function inGuardedTryBody(tree: SyntaxTree, statement: NodeId): boolean {
  const block = tree.parent(statement);
  const owner = tree.parent(block);
  return tree.type(owner) === T.try_statement && tree.fieldId(block) === F.body && tryClauses(tree, owner).handlers.length > 0;
}

export const uselessExpression: NodeRule = {
  kind: 'node',
  meta: {
    code: 'B018',
    name: 'useless-expression',
    summary: 'An expression statement whose value is discarded and that has no effect.',
    category: 'correctness',
    severity: 'warning',
    enabledByDefault: false,
    fix: 'none',
    skippedInNotebooks: "a cell's last expression is how a notebook shows a value",
    docs: `## What it does
Flags a statement that is only an expression with no effect: a name, a literal,
a tuple or list of them, arithmetic on literals, or an attribute access
(\`self.close\` where \`self.close()\` was meant). Calls, \`await\`, \`yield\`,
subscripts, comprehensions and operators on names (which may run
\`__add__\` and the like) are not flagged; neither are strings (docstrings;
bytes are flagged),
\`...\` or comparisons (B015). Nor is a name or attribute access in the body of
a \`try\` that has \`except\` clauses: there it checks that the name exists
(\`try: WindowsError\` / \`except NameError:\`).

## Why is this bad?
Its value is computed and thrown away, so the line does nothing. It is usually
a mistake: a call without its parentheses, a half-written assignment, or a
leftover from debugging. Off by default: code sometimes reads an attribute
only to run a property or to fail early on the wrong type, and says so better
with \`_ = obj.attribute\`.

## Example
\`\`\`python
def close(self):
    self.file.close
\`\`\`

Use instead:
\`\`\`python
def close(self):
    self.file.close()
\`\`\`

## Fix safety
There is no fix: whether the expression should be called, assigned or
removed is for the author to decide.
`,
  },
  create(context) {
    const tree = context.tree;
    return {
      expression_statement(statement) {
        if (tree.hasError(statement) || followsError(tree, statement)) return;
        const parts = tree.namedChildren(statement).filter((part) => tree.type(part) !== T.comment);
        if (parts.length === 0) return;
        const expression = parts.length === 1 ? unparenthesized(tree, parts[0]) : NONE;
        if (expression !== NONE && INTENDED.has(tree.type(expression)) && !isBytes(tree, expression)) return;
        const isAttribute = expression !== NONE && tree.type(expression) === T.attribute;
        if (!isAttribute && parts.some((part) => hasEffect(tree, part))) return;
        if (isProbe(tree, parts) && inGuardedTryBody(tree, statement)) return;
        context.report({
          message: isAttribute
            ? 'Useless attribute access: its value is discarded; call it, assign it, or remove the line.'
            : 'Useless expression: its value is discarded; assign it, or remove the line.',
          ...span(tree, statement),
        });
      },
    };
  },
};
