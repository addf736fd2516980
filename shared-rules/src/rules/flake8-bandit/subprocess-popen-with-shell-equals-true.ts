import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { keywordArgument, positionalArguments, stringValue } from '../../syntax/calls';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports \`subprocess\` calls (\`Popen\`, \`call\`, \`check_call\`, \`check_output\`,
\`run\`) made with \`shell=True\` or another true literal, however \`subprocess\`
or the function was imported (\`from subprocess import run as r\` too).

## Why is this bad?
With a shell, the command is a string the shell parses: any part that comes
from outside can add commands (\`; rm -rf ~\`). Without a shell, arguments are
passed to the program as they are.

## Example
\`\`\`python
subprocess.run(f"convert {path} out.png", shell=True)
\`\`\`

Use instead:
\`\`\`python
subprocess.run(["convert", path, "out.png"])
\`\`\`

## Fix safety
There is no automatic fix: splitting a shell command into arguments changes
quoting, globbing and pipes.
`;

const TARGETS = ['Popen', 'call', 'check_call', 'check_output', 'run'].map((name) => `subprocess.${name}`);

/** `True`, non-zero numbers, non-empty strings and displays: what Python would treat as true. */
function truthyLiteral(tree: SyntaxTree, node: NodeId): 'true' | 'truthy' | undefined {
  switch (tree.type(node)) {
    case T.true:
      return 'true';
    case T.integer:
    case T.float:
      return Number(tree.text(node).replace(/_/g, '')) !== 0 ? 'truthy' : undefined;
    case T.string:
      return stringValue(tree, node) ? 'truthy' : undefined;
    case T.list:
    case T.tuple:
    case T.dictionary:
    case T.set:
      return tree.namedChildCount(node) > 0 ? 'truthy' : undefined;
    default:
      return undefined;
  }
}

export const subprocessPopenWithShellEqualsTrue: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S602',
    name: 'subprocess-popen-with-shell-equals-true',
    summary: '`subprocess` call with `shell=True`: the command is parsed by a shell.',
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
        const shell = keywordArgument(tree, node, 'shell');
        const truth = shell !== NONE ? truthyLiteral(tree, shell) : undefined;
        if (!truth) return;
        const callee = tree.field(node, F.function);
        const match = matchCall(tree, callee, TARGETS);
        if (!match) return;
        const command = positionalArguments(tree, node)[0] ?? keywordArgument(tree, node, 'args');
        const literal = command !== NONE && tree.type(command) === T.string && stringValue(tree, command) !== undefined;
        const message = truth === 'truthy'
          ? '`subprocess` call with truthy `shell` identified, security issue'
          : literal
            ? '`subprocess` call with `shell=True` seems safe, but may be changed in the future; consider rewriting without `shell`'
            : '`subprocess` call with `shell=True` identified, security issue';
        context.report({ message, start: tree.start(node), end: tree.end(callee), condition: match.condition });
      },
    };
  },
};
