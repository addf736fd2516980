import type { Node } from 'web-tree-sitter';
import type { Fix, NodeRule } from '../rule';
import {
  exceptHandler, isName, nestedBlocks, raiseParts, statementKind, visitStatements, type ExceptHandler,
} from '../../syntax/exceptHandlers';

const docs = `
## What it does
Reports \`raise NewError(…)\` inside an \`except\` (or \`except*\`) handler without
\`from\`, as flake8-bugbear's B904 does. Re-raising the caught name
(\`raise err\`) is not reported. The raise statements looked at are those of the
handler's own flow: inside \`if\`/\`elif\`/\`else\`, loop bodies, \`with\` and
\`match\`, but not inside a nested \`try\`, function or class.

## Why is this bad?
Without \`from\`, the traceback says the new error happened *while handling* the
old one, as if the handler itself were broken. \`raise … from err\` states that
one caused the other; \`raise … from None\` hides the original on purpose.

## Example
\`\`\`python
try:
    port = int(text)
except ValueError:
    raise ConfigError(f"bad port {text!r}")
\`\`\`

Use instead:
\`\`\`python
try:
    port = int(text)
except ValueError as err:
    raise ConfigError(f"bad port {text!r}") from err
\`\`\`

## Fix safety
The fix adds \`from <name>\`, first naming the caught exception \`as err\` when
the handler has no name and \`err\` is not used in the enclosing function. It
changes the exception's \`__cause__\` and the traceback users see, so it is
unsafe. A bare \`except:\` cannot name its exception and gets no fix, and
neither does \`raise err.with_traceback(tb)\`: it raises the caught exception
itself, which \`from err\` would make its own cause.
`;

const FRESH_NAME = 'err';

/** Where the handler's exception may be named: the enclosing function, else the whole statement at module level. */
function enclosingScope(node: Node): Node {
  let current = node;
  while (current.parent && current.parent.type !== 'module') {
    if (current.type === 'function_definition' || current.type === 'lambda') return current;
    current = current.parent;
  }
  return current;
}

/** `name.with_traceback(…)`: the caught exception itself, raised again with another traceback. */
function reraisesWithTraceback(exc: Node, name: string): boolean {
  const callee = exc.type === 'call' ? exc.childForFieldName('function') : null;
  return callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'with_traceback' && isName(callee.childForFieldName('object'), name);
}

function chainFix(handler: ExceptHandler, exc: Node): Fix | undefined {
  if (handler.name) {
    if (reraisesWithTraceback(exc, handler.name.text)) return undefined;
    return {
      title: `Chain with \`from ${handler.name.text}\``,
      safety: 'unsafe',
      edits: [{ start: exc.endIndex, end: exc.endIndex, newText: ` from ${handler.name.text}` }],
    };
  }
  if (!handler.type) return undefined;
  const taken = enclosingScope(handler.clause).descendantsOfType('identifier').some((id) => id?.text === FRESH_NAME);
  if (taken) return undefined;
  return {
    title: `Name the exception \`${FRESH_NAME}\` and chain with \`from ${FRESH_NAME}\``,
    safety: 'unsafe',
    edits: [
      { start: handler.type.endIndex, end: handler.type.endIndex, newText: ` as ${FRESH_NAME}` },
      { start: exc.endIndex, end: exc.endIndex, newText: ` from ${FRESH_NAME}` },
    ],
  };
}

/** The handler's own flow: conditionals, loop bodies, `with`, `match`. */
function ownBlocks(statement: Node): Node[] {
  const kind = statementKind(statement);
  if (kind === 'try' || kind === 'definition') return [];
  const blocks = nestedBlocks(statement);
  return [...blocks.main, ...blocks.alternatives];
}

export const raiseWithoutFromInsideExcept: NodeRule = {
  kind: 'node',
  meta: {
    code: 'B904',
    name: 'raise-without-from-inside-except',
    summary: 'A new exception raised inside `except` without `from err` or `from None`.',
    category: 'exceptions',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  create(context) {
    const check = (clause: Node): void => {
      const handler = exceptHandler(clause);
      const name = handler.name?.text;
      const keyword = handler.star ? 'except*' : 'except';
      visitStatements(handler.body, (statement) => {
        if (statement.type !== 'raise_statement') return;
        const { exc, cause } = raiseParts(statement);
        if (!exc || cause || isName(exc, name)) return;
        const fix = chainFix(handler, exc);
        context.report({
          message: `Raise inside \`${keyword}\` without \`from\`: chain it with \`from err\` or \`from None\``,
          start: statement.startIndex,
          end: statement.endIndex,
          ...(fix ? { fix } : {}),
        });
      }, ownBlocks);
    };
    return { except_clause: check, except_group_clause: check };
  },
};
