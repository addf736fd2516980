import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { keywordArgument, positionalArguments } from '../../syntax/calls';
import { dottedParts } from '../../resolution/callTarget';
import { F, T } from '../../syntax/grammar';
import { NONE } from '../../syntax/tree';

const docs = `
## What it does
Reports \`yaml.load\` called without a \`Loader\`, or with a loader that can
build arbitrary Python objects (anything but \`SafeLoader\`, \`CSafeLoader\`,
\`BaseLoader\` or \`CBaseLoader\`). \`yaml\` is recognised through its real import,
whatever it is called in the file.

## Why is this bad?
PyYAML's full loaders turn tags such as \`!!python/object/apply\` into calls of
arbitrary Python functions: loading a document from outside runs its code.

## Example
\`\`\`python
import yaml

config = yaml.load(stream)
\`\`\`

Use instead:
\`\`\`python
import yaml

config = yaml.safe_load(stream)
\`\`\`

## Fix safety
When no loader is given, the fix replaces \`yaml.load(x)\` with
\`yaml.safe_load(x)\`. It is safe: without a loader, PyYAML 6 refuses the call,
and older versions warned that it was unsafe. Documents that rely on Python
tags stop loading, which is the point. A call with an explicit unsafe loader
is only reported.
`;

const SAFE_LOADERS = new Set(['SafeLoader', 'CSafeLoader', 'BaseLoader', 'CBaseLoader']);

export const unsafeYamlLoad: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S506',
    name: 'unsafe-yaml-load',
    summary: '`yaml.load` without a safe loader can build arbitrary objects; use `yaml.safe_load`.',
    category: 'security',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  create(context) {
    const { tree } = context;
    return {
      call(node) {
        const callee = tree.field(node, F.function);
        const match = matchCall(tree, callee, ['yaml.load']);
        if (!match) return;
        const keyword = keywordArgument(tree, node, 'Loader');
        const loader = keyword !== NONE ? keyword : (positionalArguments(tree, node)[1] ?? NONE);
        if (loader !== NONE) {
          const name = dottedParts(tree, loader)?.pop();
          if (name && SAFE_LOADERS.has(name)) return;
          context.report({
            message: `Probable use of unsafe loader \`${name ?? tree.text(loader)}\` with \`yaml.load\`. Allows instantiation of arbitrary objects. Consider \`yaml.safe_load\`.`,
            start: tree.start(loader),
            end: tree.end(loader),
            condition: match.condition,
          });
          return;
        }
        // Only `module.load` can become `module.safe_load` without a new import.
        const attribute = tree.type(callee) === T.attribute ? tree.field(callee, F.attribute) : NONE;
        context.report({
          message: 'Probable use of unsafe `yaml.load`. Allows instantiation of arbitrary objects. Consider `yaml.safe_load`.',
          start: tree.start(node),
          end: tree.end(callee),
          condition: match.condition,
          fix: attribute !== NONE
            ? { title: 'Use `yaml.safe_load`', safety: 'safe', edits: [{ start: tree.start(attribute), end: tree.end(attribute), newText: 'safe_load' }] }
            : undefined,
        });
      },
    };
  },
};
