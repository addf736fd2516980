import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { blockStatements } from '../../analysis/statements';
import { exceptHandler, isName, nestedBlocks, raiseParts, statementKind } from '../../syntax/exceptHandlers';

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

const WRAPPERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern']);

/** Whether the handler's body binds `name` again (assignment, loop or `with` target, walrus). */
function rebinds(body: Node, name: string): boolean {
  return body.descendantsOfType('identifier').some((identifier) => {
    if (!identifier || identifier.text !== name) return false;
    let target: Node = identifier;
    while (target.parent && WRAPPERS.has(target.parent.type)) target = target.parent;
    const parent = target.parent;
    if (!parent) return false;
    if (parent.type === 'as_pattern_target') return true;
    const field = parent.type === 'named_expression' ? 'name' : 'left';
    if (!['assignment', 'augmented_assignment', 'for_statement', 'named_expression'].includes(parent.type)) return false;
    return parent.childForFieldName(field)?.startIndex === target.startIndex;
  });
}

/** Places where a bare `raise` may not re-raise the handled exception. */
const OTHER_CONTEXTS = new Set(['function_definition', 'class_definition', 'lambda', 'except_clause', 'except_group_clause', 'finally_clause']);

function inOtherContext(node: Node, handlerBody: Node): boolean {
  for (let current = node.parent; current && current.startIndex >= handlerBody.startIndex; current = current.parent) {
    if (current.startIndex === handlerBody.startIndex && current.type === handlerBody.type) return false;
    if (OTHER_CONTEXTS.has(current.type)) return true;
  }
  return false;
}

function allBlocks(statement: Node): Node[] {
  const blocks = nestedBlocks(statement);
  return [...blocks.main, ...blocks.alternatives, ...blocks.loopElse, ...blocks.handlers, ...blocks.final];
}

function visitChildren(statement: Node, onRaise: (raise: Node) => void): void {
  for (const block of allBlocks(statement)) {
    for (const child of blockStatements(block)) visitStatement(child, onRaise);
  }
}

/**
 * Every raise of the handler, including in nested functions and classes. In a
 * nested \`try\`, the statements of its body and \`finally\` are not taken
 * themselves, only what is nested in them (as tryceratops' visitor in Ruff
 * does); its handlers and \`else\` are skipped, since there a bare \`raise\`
 * would re-raise another exception.
 */
function visitStatement(statement: Node, onRaise: (raise: Node) => void): void {
  if (statement.type === 'raise_statement') onRaise(statement);
  else if (statementKind(statement) === 'try') {
    const blocks = nestedBlocks(statement);
    for (const block of [...blocks.main, ...blocks.final]) {
      for (const child of blockStatements(block)) visitChildren(child, onRaise);
    }
  } else visitChildren(statement, onRaise);
}

/** Names through which code may read a variable without naming it. */
const DYNAMIC_READERS = new Set(['locals', 'vars', 'eval', 'exec']);

/** Whether the handler's body names `name` only as the exception of `raises` (and reads no scope dynamically). */
function onlyReadByRaises(body: Node, name: string, raises: readonly Node[]): boolean {
  const raised = new Set(raises.map((statement) => raiseParts(statement).exc!.startIndex));
  return body.descendantsOfType('identifier').every((identifier) =>
    !identifier || (!DYNAMIC_READERS.has(identifier.text) && (identifier.text !== name || raised.has(identifier.startIndex))));
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
    const check = (clause: Node): void => {
      const handler = exceptHandler(clause);
      const name = handler.name?.text;
      const body = handler.body;
      if (!name || !body) return;
      const raises: Node[] = [];
      const collect = (statement: Node): void => {
        const { exc, cause } = raiseParts(statement);
        if (!cause && exc && isName(exc, name)) raises.push(statement);
      };
      for (const statement of blockStatements(body)) visitStatement(statement, collect);
      if (!raises.length) return;
      const rebound = rebinds(body, name);
      const safe = raises.map((statement) => !rebound && !inOtherContext(statement, body));
      // Once the raises are bare, a name they alone used is unused (F841, whose fix is unsafe): drop `as name` with them.
      const alias = safe.every(Boolean) && handler.type && onlyReadByRaises(body, name, raises)
        ? { start: handler.type.endIndex, end: handler.name!.endIndex, newText: '' }
        : undefined;
      const bare = (statement: Node) => ({ start: statement.startIndex, end: statement.endIndex, newText: 'raise' });
      raises.forEach((statement, i) => {
        const exc = raiseParts(statement).exc!;
        context.report({
          message: `Use a bare \`raise\` to re-raise \`${name}\``,
          start: exc.startIndex,
          end: exc.endIndex,
          fix: alias
            ? { title: `Replace with \`raise\` and remove \`as ${name}\``, safety: 'safe', edits: [...raises.map(bare), alias] }
            : { title: 'Replace with `raise`', safety: safe[i] ? 'safe' : 'unsafe', edits: [bare(statement)] },
        });
      });
    };
    return { except_clause: check, except_group_clause: check };
  },
};
