import type { NodeRule } from '../rule';
import { blockStatements } from '../../syntax/statements';
import { blindExceptionName, caughtTypes, exceptHandler } from '../../syntax/exceptHandlers';
import { K, T } from '../../syntax/grammar';
import { NONE, type NodeId } from '../../syntax/tree';

const docs = `
## What it does
Reports \`except\` handlers whose whole body is \`pass\`, as bandit's B110 (Ruff's
S110) does. By default only handlers that catch everything are reported — a bare
\`except:\`, \`Exception\` or \`BaseException\` (alone or in a tuple); with the
option \`check-typed-exception\` every such handler is.

## Why is this bad?
An error swallowed without a trace is invisible in production and in an
incident review: the program carries on with whatever state the failed
operation left behind.

## Example
\`\`\`python
try:
    send(report)
except Exception:
    pass
\`\`\`

Use instead:
\`\`\`python
try:
    send(report)
except Exception:
    logger.exception("cannot send the report")
\`\`\`

## Fix safety
There is no fix: whether to log, handle or let the error propagate is the
author's decision.
`;

export const tryExceptPass: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S110',
    name: 'try-except-pass',
    summary: '`try`/`except`/`pass`: an exception is silently swallowed.',
    category: 'exceptions',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    options: [
      {
        name: 'check-typed-exception',
        type: 'boolean',
        default: false,
        description: 'Also report `except SomeError: pass` for specific exception types.',
      },
    ],
    docs,
  },
  create(context) {
    const { tree } = context;
    const checkTyped = context.options['check-typed-exception'] === true;
    const check = (clause: NodeId): void => {
      const handler = exceptHandler(tree, clause);
      const body = blockStatements(tree, handler.body);
      if (body.length !== 1 || tree.type(body[0]) !== T.pass_statement) return;
      // A bare `except:` catches everything; so do `Exception` and `BaseException`.
      const catchesAll = handler.type === NONE || caughtTypes(tree, handler.type).some((type) => blindExceptionName(tree, type) !== undefined);
      if (!checkTyped && !catchesAll) return;
      const colon = tree.childOfType(clause, K[':']);
      context.report({
        message: '`try`-`except`-`pass`: the exception is silently ignored; log it or handle it',
        start: tree.start(handler.keyword),
        end: colon !== NONE ? tree.end(colon) : tree.end(handler.keyword),
      });
    };
    return { except_clause: check };
  },
};
