import type { SyntaxNode as Node } from '../../semantic/syntax';
import type { FileRule } from '../rule';
import type { Binding } from '../../semantic/scope';

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
function nameOf(node: Node, name: string): Node {
  if (node.type === 'function_definition' || node.type === 'class_definition') return node.childForFieldName('name') ?? node;
  if (node.type === 'import_statement' || node.type === 'import_from_statement') {
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      const bound = item.type === 'aliased_import' ? item.childForFieldName('alias') : item;
      const text = bound?.text.replace(/\s+/g, '') ?? '';
      if (text === name || text.split('.')[0] === name) return item;
    }
  }
  return node;
}

function definitionNode(binding: Binding): Node | undefined {
  if (!binding.source) return undefined;
  return binding.nameNode ?? nameOf(binding.source, binding.name);
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
    for (const message of context.model.messages) {
      if (message.kind !== 'redefined-while-unused') continue;
      const at = nameOf(message.node, message.name);
      const original = definitionNode(message.original);
      context.report({
        message: `redefinition of unused '${message.name}'${original ? ` from ${context.lineName(original.startIndex)}` : ''}`,
        start: at.startIndex,
        end: at.endIndex,
        related: original ? [{ start: original.startIndex, end: original.endIndex, message: `'${message.name}' first defined here` }] : undefined,
      });
    }
  },
};
