import type { Node } from 'web-tree-sitter';
import type { NodeRule, RuleContext } from '../rule';
import { matchCall, type CallMatch } from '../../resolution/matchCall';
import { keywordArgument, positionalArguments, stringValue } from '../../syntax/calls';

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

function declaredNotForSecurity(call: Node): boolean {
  return keywordArgument(call, 'usedforsecurity')?.type === 'false';
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
    return {
      call(node) {
        if (declaredNotForSecurity(node)) return;
        const callee = node.childForFieldName('function');
        const direct = matchCall(callee, WEAK.map((name) => `hashlib.${name}`));
        if (direct && callee) {
          const name = callee.type === 'attribute' ? callee.childForFieldName('attribute')!.text : callee.text;
          report(context, { start: node.startIndex, end: callee.endIndex }, WEAK.includes(name) ? name : callee.text, direct);
          return;
        }
        const algorithm = positionalArguments(node)[0] ?? keywordArgument(node, 'name');
        const value = stringValue(algorithm);
        if (!algorithm || !value || !WEAK.includes(value.toLowerCase())) return;
        const viaNew = matchCall(callee, ['hashlib.new']);
        if (viaNew) report(context, { start: algorithm.startIndex, end: algorithm.endIndex }, value, viaNew);
      },
    };
  },
};
