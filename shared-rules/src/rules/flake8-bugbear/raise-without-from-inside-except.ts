import type { Fix, NodeRule } from '../rule';
import {
  exceptHandler, isName, nestedBlocks, raiseParts, statementKind, visitStatements, type ExceptHandler,
} from '../../syntax/exceptHandlers';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

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
function enclosingScope(tree: SyntaxTree, node: NodeId): NodeId {
  let current = node;
  for (let parent = tree.parent(current); parent !== NONE && tree.type(parent) !== T.module; parent = tree.parent(current)) {
    const type = tree.type(current);
    if (type === T.function_definition || type === T.lambda) return current;
    current = parent;
  }
  return current;
}

/** `name.with_traceback(…)`: the caught exception itself, raised again with another traceback. */
function reraisesWithTraceback(tree: SyntaxTree, exc: NodeId, name: string): boolean {
  const callee = tree.type(exc) === T.call ? tree.field(exc, F.function) : NONE;
  if (callee === NONE || tree.type(callee) !== T.attribute) return false;
  const attribute = tree.field(callee, F.attribute);
  return attribute !== NONE && tree.text(attribute) === 'with_traceback' && isName(tree, tree.field(callee, F.object), name);
}

function chainFix(tree: SyntaxTree, handler: ExceptHandler, exc: NodeId): Fix | undefined {
  if (handler.name !== NONE) {
    const name = tree.text(handler.name);
    if (reraisesWithTraceback(tree, exc, name)) return undefined;
    return {
      title: `Chain with \`from ${name}\``,
      safety: 'unsafe',
      edits: [{ start: tree.end(exc), end: tree.end(exc), newText: ` from ${name}` }],
    };
  }
  if (handler.type === NONE) return undefined;
  const taken = tree.descendantsOfType(enclosingScope(tree, handler.clause), T.identifier).some((id) => tree.text(id) === FRESH_NAME);
  if (taken) return undefined;
  return {
    title: `Name the exception \`${FRESH_NAME}\` and chain with \`from ${FRESH_NAME}\``,
    safety: 'unsafe',
    edits: [
      { start: tree.end(handler.type), end: tree.end(handler.type), newText: ` as ${FRESH_NAME}` },
      { start: tree.end(exc), end: tree.end(exc), newText: ` from ${FRESH_NAME}` },
    ],
  };
}

/** The handler's own flow: conditionals, loop bodies, `with`, `match`. */
function ownBlocks(tree: SyntaxTree, statement: NodeId): NodeId[] {
  const kind = statementKind(tree, statement);
  if (kind === 'try' || kind === 'definition') return [];
  const blocks = nestedBlocks(tree, statement);
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
    const { tree } = context;
    const check = (clause: NodeId): void => {
      const handler = exceptHandler(tree, clause);
      const name = handler.name === NONE ? undefined : tree.text(handler.name);
      const keyword = handler.star ? 'except*' : 'except';
      visitStatements(tree, handler.body, (statement) => {
        if (tree.type(statement) !== T.raise_statement) return;
        const { exc, cause } = raiseParts(tree, statement);
        if (exc === NONE || cause !== NONE || isName(tree, exc, name)) return;
        const fix = chainFix(tree, handler, exc);
        context.report({
          message: `Raise inside \`${keyword}\` without \`from\`: chain it with \`from err\` or \`from None\``,
          start: tree.start(statement),
          end: tree.end(statement),
          ...(fix ? { fix } : {}),
        });
      }, (statement) => ownBlocks(tree, statement));
    };
    return { except_clause: check };
  },
};
