import type { NodeRule } from '../rule';
import { F } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';
import { hardcodedString, looksLikePasswordName } from './passwordNames';

const docs = `
## What it does
Reports a string literal passed as a keyword argument whose name looks like a
credential (\`password=\`, \`db_passwd=\`, \`api_token=\`, \`secret=\`). Empty strings
are not reported.

## Why is this bad?
A credential in source code is in every clone, backup and log of the
repository, and cannot be rotated without a release.

## Example
\`\`\`python
engine = connect(user="nova", password="nova-secret")
\`\`\`

Use instead:
\`\`\`python
engine = connect(user="nova", password=os.environ["NOVA_DB_PASSWORD"])
\`\`\`

## Fix safety
There is no automatic fix: where the secret should come from is a deployment decision.
`;

export const hardcodedPasswordFuncArg: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S106',
    name: 'hardcoded-password-func-arg',
    summary: 'A string literal is passed as a password-like keyword argument.',
    category: 'security',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      keyword_argument(node) {
        const nameNode = tree.field(node, F.name);
        const name = nameNode === NONE ? undefined : tree.text(nameNode);
        if (!name || !looksLikePasswordName(name) || !hardcodedString(tree, tree.field(node, F.value))) return;
        context.report({ message: `Possible hardcoded password assigned to argument: "${name}"`, start: tree.start(node), end: tree.end(node) });
      },
    };
  },
};
