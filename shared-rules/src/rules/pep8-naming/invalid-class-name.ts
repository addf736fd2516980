import type { NodeRule } from '../rule';
import { isCapWords, isIgnoredName } from './namingFacts';
import { F } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';

const docs = `
## What it does
Reports classes whose name, without leading and trailing underscores, does not start with an
uppercase letter or contains an underscore. The names in pep8-naming's default ignore list
(\`setUp\`, \`tearDown\`, \`setUpClass\`, \`tearDownClass\`, \`setUpTestData\`,
\`failureException\`, \`longMessage\`, \`maxDiff\`) are exempt.

## Why is this bad?
PEP 8 names classes in CapWords; other spellings read as functions or variables.

## Example
\`\`\`python
class shopping_cart:
    pass
\`\`\`

Use instead:
\`\`\`python
class ShoppingCart:
    pass
\`\`\`

## Fix safety
There is no fix yet: renaming needs every use of the name, which the semantic model will provide.
`;

export const invalidClassName: NodeRule = {
  kind: 'node',
  meta: {
    code: 'N801',
    name: 'invalid-class-name',
    summary: 'Class name does not use CapWords.',
    category: 'naming',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      class_definition(node) {
        const nameNode = tree.field(node, F.name);
        if (nameNode === NONE || isIgnoredName(tree.text(nameNode)) || isCapWords(tree.text(nameNode))) return;
        const name = tree.text(nameNode).replace(/^_+|_+$/g, '');
        context.report({ message: `class name '${name}' should use CapWords convention`, start: tree.start(nameNode), end: tree.end(nameNode) });
      },
    };
  },
};
