import type { FileRule } from '../rule';
import type { Binding } from '../../semantic/scope';
import { F, T } from '../../syntax/grammar';
import { dottedText } from '../../syntax/imports';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports a name defined again (by \`def\`, \`class\`, an import or an assignment)
while its earlier definition — a function, class or import — was never used.

## Why is this bad?
The first definition is dead code, and often the second one was meant to have
another name: a test method copied and not renamed never runs.
Alternatives in the branches of an \`if\` or \`try\` (\`try: import json\` /
\`except ImportError: json = None\`) and \`@overload\` signatures are not reported.

## Example
\`\`\`python
def test_parse(): ...
def test_parse(): ...
\`\`\`

Use instead:
\`\`\`python
def test_parse_empty(): ...
def test_parse_nested(): ...
\`\`\`

## Fix safety
No fix: which definition should go is the author's choice.
`;

/** Where a redefinition is shown: the name of a `def`/`class`, the matching name of an import. */
function nameOf(tree: SyntaxTree, node: NodeId, name: string): NodeId {
  const type = tree.type(node);
  if (type === T.function_definition || type === T.class_definition) {
    const nameNode = tree.field(node, F.name);
    return nameNode === NONE ? node : nameNode;
  }
  if (type === T.import_statement || type === T.import_from_statement) {
    for (const item of tree.fields(node, F.name)) {
      const bound = tree.type(item) === T.aliased_import ? tree.field(item, F.alias) : item;
      const text = dottedText(tree, bound);
      if (text === name || text.split('.')[0] === name) return item;
    }
  }
  return node;
}

function definitionNode(tree: SyntaxTree, binding: Binding): NodeId | undefined {
  if (binding.source === undefined) return undefined;
  return binding.nameNode ?? nameOf(tree, binding.source, binding.name);
}

export const redefinedWhileUnused: FileRule = {
  kind: 'file',
  meta: {
    code: 'F811',
    name: 'redefined-while-unused',
    summary: 'Name is defined again before its earlier definition was used.',
    category: 'unused-code',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const { tree } = context;
    for (const message of context.model.messages) {
      if (message.kind !== 'redefined-while-unused') continue;
      const at = nameOf(tree, message.node, message.name);
      const original = definitionNode(tree, message.original);
      context.report({
        message: `redefinition of unused '${message.name}'${original !== undefined ? ` from ${context.lineName(tree.start(original))}` : ''}`,
        start: tree.start(at),
        end: tree.end(at),
        related: original !== undefined ? [{ start: tree.start(original), end: tree.end(original), message: `'${message.name}' first defined here` }] : undefined,
      });
    }
  },
};
