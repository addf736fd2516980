import type { NodeRule, RuleContext } from '../rule';
import { matchCall, type CallMatch } from '../../resolution/matchCall';
import { keywordArgument, positionalArguments, stringValue } from '../../syntax/calls';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports \`hashlib.md4\`, \`md5\`, \`sha\` and \`sha1\`, and \`hashlib.new()\` with one of
those names, unless the call says \`usedforsecurity=False\`.

## Why is this bad?
These hashes have practical collision attacks: they must not protect
passwords, signatures or integrity. Non-security uses (cache keys, file
fingerprints) should say so with \`usedforsecurity=False\`, which also keeps
them working on FIPS-restricted systems.

## Example
\`\`\`python
digest = hashlib.md5(password.encode()).hexdigest()
\`\`\`

Use instead:
\`\`\`python
digest = hashlib.sha256(password.encode()).hexdigest()
# or, for a non-security fingerprint:
etag = hashlib.md5(body, usedforsecurity=False).hexdigest()
\`\`\`

## Fix safety
There is no automatic fix: changing the algorithm changes every stored hash.
`;

const WEAK = ['md4', 'md5', 'sha', 'sha1'];

function declaredNotForSecurity(tree: SyntaxTree, call: NodeId): boolean {
  const value = keywordArgument(tree, call, 'usedforsecurity');
  return value !== NONE && tree.type(value) === T.false;
}

function report(context: RuleContext, span: { start: number; end: number }, name: string, match: CallMatch): void {
  context.report({ message: `Probable use of insecure hash functions in \`hashlib\`: \`${name}\``, ...span, condition: match.condition });
}

export const hashlibInsecureHashFunction: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S324',
    name: 'hashlib-insecure-hash-function',
    summary: 'Weak hash (`md5`, `sha1`, …) used without `usedforsecurity=False`.',
    category: 'security',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      call(node) {
        if (declaredNotForSecurity(tree, node)) return;
        const callee = tree.field(node, F.function);
        const direct = matchCall(tree, callee, WEAK.map((name) => `hashlib.${name}`));
        if (direct) {
          const name = tree.type(callee) === T.attribute ? tree.text(tree.field(callee, F.attribute)) : tree.text(callee);
          report(context, { start: tree.start(node), end: tree.end(callee) }, WEAK.includes(name) ? name : tree.text(callee), direct);
          return;
        }
        const algorithm = positionalArguments(tree, node)[0] ?? keywordArgument(tree, node, 'name');
        const value = stringValue(tree, algorithm);
        if (algorithm === NONE || !value || !WEAK.includes(value.toLowerCase())) return;
        const viaNew = matchCall(tree, callee, ['hashlib.new']);
        if (viaNew) report(context, { start: tree.start(algorithm), end: tree.end(algorithm) }, value, viaNew);
      },
    };
  },
};
