import type { NodeRule } from '../rule';
import { blockStatements } from '../../syntax/statements';
import { exceptHandler, isName, nestedBlocks, raiseParts, statementKind } from '../../syntax/exceptHandlers';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports \`raise err\` where \`err\` is the exception the enclosing \`except … as err\`
caught, as tryceratops' TRY201 does (with Ruff's reach: nested functions and
classes count; of a nested \`try\`, only statements nested inside its body's
and \`finally\`'s statements do).

## Why is this bad?
A bare \`raise\` re-raises the exception being handled, with its traceback
as it is; \`raise err\` says the same with more words and adds the \`raise\` line
to the traceback.

## Example
\`\`\`python
try:
    connect()
except OSError as err:
    log_failure(err)
    raise err
\`\`\`

Use instead:
\`\`\`python
try:
    connect()
except OSError as err:
    log_failure(err)
    raise
\`\`\`

## Fix safety
Replacing \`raise err\` with \`raise\` is safe when \`err\` still is the handled
exception: the fix is unsafe when the handler assigns \`err\` again, when the
\`raise\` is in a nested function or class (which may run after the handler
ends), or in a nested \`except\` or \`finally\` (where a bare \`raise\` re-raises
the inner exception). When those raises were the handler's only uses of
\`err\`, the fix also removes \`as err\`, which would otherwise be an unused
variable (F841); every \`raise err\` of the handler is then fixed at once.
`;

const WRAPPERS = new Set<number>([
  T.pattern_list, T.tuple_pattern, T.list_pattern, T.tuple, T.list, T.parenthesized_expression, T.list_splat_pattern,
]);
const BINDERS = new Set<number>([T.assignment, T.augmented_assignment, T.for_statement, T.named_expression]);

/** Whether the handler's body binds `name` again (assignment, loop or `with` target, walrus). */
function rebinds(tree: SyntaxTree, body: NodeId, name: string): boolean {
  return tree.descendantsOfType(body, T.identifier).some((identifier) => {
    if (tree.text(identifier) !== name) return false;
    let target = identifier;
    for (let parent = tree.parent(target); parent !== NONE && WRAPPERS.has(tree.type(parent)); parent = tree.parent(target)) target = parent;
    const parent = tree.parent(target);
    if (parent === NONE) return false;
    const type = tree.type(parent);
    if (type === T.as_pattern_target) return true;
    const field = type === T.named_expression ? F.name : F.left;
    if (!BINDERS.has(type)) return false;
    const bound = tree.field(parent, field);
    return bound !== NONE && tree.start(bound) === tree.start(target);
  });
}

/** Places where a bare `raise` may not re-raise the handled exception. */
const OTHER_CONTEXTS = new Set<number>([T.function_definition, T.class_definition, T.lambda, T.except_clause, T.finally_clause]);

function inOtherContext(tree: SyntaxTree, node: NodeId, handlerBody: NodeId): boolean {
  const bodyStart = tree.start(handlerBody);
  for (let current = tree.parent(node); current !== NONE && tree.start(current) >= bodyStart; current = tree.parent(current)) {
    if (tree.start(current) === bodyStart && tree.type(current) === tree.type(handlerBody)) return false;
    if (OTHER_CONTEXTS.has(tree.type(current))) return true;
  }
  return false;
}

function allBlocks(tree: SyntaxTree, statement: NodeId): NodeId[] {
  const blocks = nestedBlocks(tree, statement);
  return [...blocks.main, ...blocks.alternatives, ...blocks.loopElse, ...blocks.handlers, ...blocks.final];
}

function visitChildren(tree: SyntaxTree, statement: NodeId, onRaise: (raise: NodeId) => void): void {
  for (const block of allBlocks(tree, statement)) {
    for (const child of blockStatements(tree, block)) visitStatement(tree, child, onRaise);
  }
}

/**
 * Every raise of the handler, including in nested functions and classes. In a
 * nested \`try\`, the statements of its body and \`finally\` are not taken
 * themselves, only what is nested in them (as tryceratops' visitor in Ruff
 * does); its handlers and \`else\` are skipped, since there a bare \`raise\`
 * would re-raise another exception.
 */
function visitStatement(tree: SyntaxTree, statement: NodeId, onRaise: (raise: NodeId) => void): void {
  if (tree.type(statement) === T.raise_statement) onRaise(statement);
  else if (statementKind(tree, statement) === 'try') {
    const blocks = nestedBlocks(tree, statement);
    for (const block of [...blocks.main, ...blocks.final]) {
      for (const child of blockStatements(tree, block)) visitChildren(tree, child, onRaise);
    }
  } else visitChildren(tree, statement, onRaise);
}

/** Names through which code may read a variable without naming it. */
const DYNAMIC_READERS = new Set(['locals', 'vars', 'eval', 'exec']);

/** Whether the handler's body names `name` only as the exception of `raises` (and reads no scope dynamically). */
function onlyReadByRaises(tree: SyntaxTree, body: NodeId, name: string, raises: readonly NodeId[]): boolean {
  const raised = new Set(raises.map((statement) => tree.start(raiseParts(tree, statement).exc)));
  return tree.descendantsOfType(body, T.identifier).every((identifier) => {
    const text = tree.text(identifier);
    return !DYNAMIC_READERS.has(text) && (text !== name || raised.has(tree.start(identifier)));
  });
}

export const verboseRaise: NodeRule = {
  kind: 'node',
  meta: {
    code: 'TRY201',
    name: 'verbose-raise',
    summary: '`raise err` of the caught exception; a bare `raise` says the same.',
    category: 'exceptions',
    severity: 'info',
    enabledByDefault: true,
    fix: 'always',
    docs,
  },
  create(context) {
    const { tree } = context;
    const check = (clause: NodeId): void => {
      const handler = exceptHandler(tree, clause);
      const name = handler.name === NONE ? undefined : tree.text(handler.name);
      const body = handler.body;
      if (!name || body === NONE) return;
      const raises: NodeId[] = [];
      const collect = (statement: NodeId): void => {
        const { exc, cause } = raiseParts(tree, statement);
        if (cause === NONE && exc !== NONE && isName(tree, exc, name)) raises.push(statement);
      };
      for (const statement of blockStatements(tree, body)) visitStatement(tree, statement, collect);
      if (!raises.length) return;
      const rebound = rebinds(tree, body, name);
      const safe = raises.map((statement) => !rebound && !inOtherContext(tree, statement, body));
      // Once the raises are bare, a name they alone used is unused (F841, whose fix is unsafe): drop `as name` with them.
      const alias = safe.every(Boolean) && handler.type !== NONE && onlyReadByRaises(tree, body, name, raises)
        ? { start: tree.end(handler.type), end: tree.end(handler.name), newText: '' }
        : undefined;
      const bare = (statement: NodeId) => ({ start: tree.start(statement), end: tree.end(statement), newText: 'raise' });
      raises.forEach((statement, i) => {
        const { exc } = raiseParts(tree, statement);
        context.report({
          message: `Use a bare \`raise\` to re-raise \`${name}\``,
          start: tree.start(exc),
          end: tree.end(exc),
          fix: alias
            ? { title: `Replace with \`raise\` and remove \`as ${name}\``, safety: 'safe', edits: [...raises.map(bare), alias] }
            : { title: 'Replace with `raise`', safety: safe[i] ? 'safe' : 'unsafe', edits: [bare(statement)] },
        });
      });
    };
    return { except_clause: check };
  },
};
