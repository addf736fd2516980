import type { NodeRule } from '../rule';
import { F } from '../../syntax/grammar';
import { NONE, type NodeId } from '../../syntax/tree';
import { hardcodedString, looksLikePasswordName, targetName } from './passwordNames';

const docs = `
## What it does
Reports a string literal assigned to, or compared with, a name that looks like
a credential: \`password\`, \`passwd\`, \`pwd\`, \`passphrase\`, \`token\`, \`secret\` as a
whole word of the name (\`db_password\`, \`API_TOKEN\`, \`self.secret\`,
\`config["password"]\`). Empty strings are not reported.

## Why is this bad?
A credential in source code is in every clone, backup and log of the
repository, and cannot be rotated without a release.

## Example
\`\`\`python
DB_PASSWORD = "hunter2"
\`\`\`

Use instead:
\`\`\`python
DB_PASSWORD = os.environ["DB_PASSWORD"]
\`\`\`

## Fix safety
There is no automatic fix: where the secret should come from is a deployment decision.
`;

export const hardcodedPasswordString: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S105',
    name: 'hardcoded-password-string',
    summary: 'A string literal is assigned to a password-like name.',
    category: 'security',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    const report = (name: string, value: NodeId): void =>
      context.report({ message: `Possible hardcoded password assigned to: "${name}"`, start: tree.start(value), end: tree.end(value) });
    return {
      assignment(node) {
        const value = tree.field(node, F.right);
        const name = targetName(tree, tree.field(node, F.left));
        if (name && looksLikePasswordName(name) && value !== NONE && hardcodedString(tree, value)) report(name, value);
      },
      comparison_operator(node) {
        const [left, ...rest] = tree.namedChildren(node);
        const name = targetName(tree, left ?? NONE);
        if (!name || !looksLikePasswordName(name)) return;
        for (const operand of rest) if (hardcodedString(tree, operand)) report(name, operand);
      },
    };
  },
};
