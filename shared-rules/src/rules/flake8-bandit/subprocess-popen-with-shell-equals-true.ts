import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { keywordArgument, positionalArguments, stringValue } from '../../syntax/calls';

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
function truthyLiteral(node: Node): 'true' | 'truthy' | undefined {
  switch (node.type) {
    case 'true':
      return 'true';
    case 'integer':
    case 'float':
      return Number(node.text.replace(/_/g, '')) !== 0 ? 'truthy' : undefined;
    case 'string':
      return stringValue(node) ? 'truthy' : undefined;
    case 'list':
    case 'tuple':
    case 'dictionary':
    case 'set':
      return node.namedChildCount > 0 ? 'truthy' : undefined;
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
    return {
      call(node) {
        const shell = keywordArgument(node, 'shell');
        const truth = shell && truthyLiteral(shell);
        if (!truth) return;
        const callee = node.childForFieldName('function');
        const match = matchCall(callee, TARGETS);
        if (!match || !callee) return;
        const command = positionalArguments(node)[0] ?? keywordArgument(node, 'args');
        const literal = command?.type === 'string' && stringValue(command) !== undefined;
        const message = truth === 'truthy'
          ? '`subprocess` call with truthy `shell` identified, security issue'
          : literal
            ? '`subprocess` call with `shell=True` seems safe, but may be changed in the future; consider rewriting without `shell`'
            : '`subprocess` call with `shell=True` identified, security issue';
        context.report({ message, start: node.startIndex, end: callee.endIndex, condition: match.condition });
      },
    };
  },
};
