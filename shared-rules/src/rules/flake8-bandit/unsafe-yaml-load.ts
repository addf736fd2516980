import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { keywordArgument, positionalArguments } from '../../syntax/calls';
import { dottedParts } from '../../resolution/callTarget';

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
    return {
      call(node) {
        const callee = node.childForFieldName('function');
        const match = matchCall(callee, ['yaml.load']);
        if (!match || !callee) return;
        const loader = keywordArgument(node, 'Loader') ?? positionalArguments(node)[1];
        if (loader) {
          const name = dottedParts(loader)?.pop();
          if (name && SAFE_LOADERS.has(name)) return;
          context.report({
            message: `Probable use of unsafe loader \`${name ?? loader.text}\` with \`yaml.load\`. Allows instantiation of arbitrary objects. Consider \`yaml.safe_load\`.`,
            start: loader.startIndex,
            end: loader.endIndex,
            condition: match.condition,
          });
          return;
        }
        // Only `module.load` can become `module.safe_load` without a new import.
        const attribute = callee.type === 'attribute' ? callee.childForFieldName('attribute') : null;
        context.report({
          message: 'Probable use of unsafe `yaml.load`. Allows instantiation of arbitrary objects. Consider `yaml.safe_load`.',
          start: node.startIndex,
          end: callee.endIndex,
          condition: match.condition,
          fix: attribute
            ? { title: 'Use `yaml.safe_load`', safety: 'safe', edits: [{ start: attribute.startIndex, end: attribute.endIndex, newText: 'safe_load' }] }
            : undefined,
        });
      },
    };
  },
};
