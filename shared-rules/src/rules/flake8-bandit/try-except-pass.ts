import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { blockStatements } from '../../analysis/statements';
import { blindExceptionName, caughtTypes, exceptHandler } from '../../syntax/exceptHandlers';

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
    const checkTyped = context.options['check-typed-exception'] === true;
    const check = (clause: Node): void => {
      const handler = exceptHandler(clause);
      const body = blockStatements(handler.body);
      if (body.length !== 1 || body[0].type !== 'pass_statement') return;
      // A bare `except:` catches everything; so do `Exception` and `BaseException`.
      const catchesAll = !handler.type || caughtTypes(handler.type).some((type) => blindExceptionName(type) !== undefined);
      if (!checkTyped && !catchesAll) return;
      const colon = clause.children.find((child) => child?.type === ':');
      context.report({
        message: '`try`-`except`-`pass`: the exception is silently ignored; log it or handle it',
        start: handler.keyword.startIndex,
        end: colon?.endIndex ?? handler.keyword.endIndex,
      });
    };
    return { except_clause: check, except_group_clause: check };
  },
};
