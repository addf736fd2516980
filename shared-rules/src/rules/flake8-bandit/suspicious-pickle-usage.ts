import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { F } from '../../syntax/grammar';

const docs = `
## What it does
Reports deserialisation with \`pickle\` and the modules that wrap it:
\`pickle\`/\`cPickle\`/\`dill\` \`load\`, \`loads\` and \`Unpickler\`, \`shelve.open\`,
\`shelve.DbfilenameShelf\`, \`jsonpickle.decode\` and \`pandas.read_pickle\`,
however they were imported.

## Why is this bad?
Unpickling runs code chosen by whoever wrote the data. Data from a network,
a user upload or a shared cache can take over the process.

## Example
\`\`\`python
import pickle

job = pickle.loads(message.body)
\`\`\`

Use instead: a data format without code, such as JSON.

## Fix safety
There is no automatic fix: the replacement format changes what is stored.
`;

const TARGETS = [
  ...['pickle', 'cPickle', 'dill'].flatMap((module) => ['load', 'loads', 'Unpickler'].map((name) => `${module}.${name}`)),
  'shelve.open',
  'shelve.DbfilenameShelf',
  'jsonpickle.decode',
  'jsonpickle.unpickler.decode',
  'pandas.read_pickle',
];

export const suspiciousPickleUsage: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S301',
    name: 'suspicious-pickle-usage',
    summary: '`pickle` and modules that wrap it can run code when loading untrusted data.',
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
        const callee = tree.field(node, F.function);
        const match = matchCall(tree, callee, TARGETS);
        if (!match) return;
        context.report({
          message: '`pickle` and modules that wrap it can be unsafe when used to deserialize untrusted data, possible security issue',
          start: tree.start(node),
          end: tree.end(callee),
          condition: match.condition,
        });
      },
    };
  },
};
