import type { FileRule } from '../rule';
import { literalType } from '../../inference/returnType';
import { functionFacts, isSuppressedDummy, SUPPRESS_DUMMY_ARGS_OPTION } from './functionFacts';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';
import type { TextReader } from '../../text/pieceText';

const docs = `
## What it does
Reports function parameters without a type annotation. The first parameter of
a method (\`self\`, \`cls\`) is exempt, except in static methods. With the
option \`suppress-dummy-args\`, parameters named like dummies (\`_\`,
\`_unused\`) are exempt too.

## Why is this bad?
Annotated parameters document what a function accepts and let type checkers
verify every call.

## Example
\`\`\`python
def repeat(text, times=2):
    return text * times
\`\`\`

Use instead:
\`\`\`python
def repeat(text: str, times: int = 2) -> str:
    return text * times
\`\`\`

## Fix safety
When the default value is a literal (\`0\`, \`-1.5\`, \`"x"\`, \`b""\`, \`True\`), the
quick fix annotates the parameter with the literal's type: \`times=2\` becomes
\`times: int = 2\`. A \`None\` default or any other expression gets no fix. The
fix is unsafe: callers passing other types (a \`float\` where the default is an
\`int\`) become type errors.
`;

export const missingTypeFunctionArgument: FileRule = {
  kind: 'file',
  meta: {
    code: 'ANN001',
    name: 'missing-type-function-argument',
    summary: 'Function parameter without a type annotation.',
    category: 'type-hints',
    severity: 'info',
    enabledByDefault: false,
    fix: 'sometimes',
    options: [SUPPRESS_DUMMY_ARGS_OPTION],
    docs,
  },
  check(context) {
    const { tree } = context;
    for (const facts of functionFacts(tree)) {
      for (const parameter of facts.parameters.named) {
        const name = tree.text(parameter.nameNode);
        if (parameter.annotated || isSuppressedDummy(name, context)) continue;
        context.report({
          message: `Missing type annotation for function argument \`${name}\``,
          start: tree.start(parameter.nameNode),
          end: tree.end(parameter.nameNode),
          fix: defaultTypeFix(tree, parameter.node, context.text),
        });
      }
    }
  },
};

/** `x=0` → `x: int = 0`, when the default is a literal. */
function defaultTypeFix(tree: SyntaxTree, parameter: NodeId, text: TextReader) {
  if (tree.type(parameter) !== T.default_parameter) return undefined;
  const name = tree.field(parameter, F.name);
  const value = tree.field(parameter, F.value);
  if (name === NONE || value === NONE) return undefined;
  const type = literalType(tree, value);
  // Only a plain `=` between them is rewritten: never drop a comment or a line break.
  if (!type || !/^\s*=\s*$/.test(text.slice(tree.end(name), tree.start(value))) ||
    text.slice(tree.end(name), tree.start(value)).includes('\n')) return undefined;
  return {
    title: `Annotate \`${tree.text(name)}\` as \`${type}\``,
    safety: 'unsafe' as const,
    edits: [{ start: tree.end(name), end: tree.start(value), newText: `: ${type} = ` }],
  };
}
