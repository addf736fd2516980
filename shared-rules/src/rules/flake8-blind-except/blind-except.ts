import type { NodeRule } from '../rule';
import {
  blindExceptionName, caughtTypes, exceptHandler, isName, nestedBlocks, raiseParts, statementKind, visitStatements,
  type ExceptHandler,
} from '../../syntax/exceptHandlers';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports \`except Exception:\` and \`except BaseException:\` handlers (also as
one element of a tuple) that neither re-raise the exception nor log it with
its traceback. Re-raising is a bare \`raise\`, \`raise err\` or
\`raise … from err\` of the caught name; logging is \`logger.exception(…)\`, or
any logging call with a true \`exc_info=\`, on an object that looks like a logger
(\`logging\`, \`log\`, \`logger\`, \`self.log\`, \`logging.getLogger(…)\`). Statements
inside a nested \`try\`, function or class do not count.

## Why is this bad?
Catching every exception hides the unexpected ones too — typos, wrong types,
\`KeyboardInterrupt\` for \`BaseException\` — and the program goes on in a state
nobody planned for, without a trace of what happened.

## Example
\`\`\`python
try:
    config = load(path)
except Exception:
    config = {}
\`\`\`

Use instead:
\`\`\`python
try:
    config = load(path)
except (OSError, ValueError):
    config = {}
\`\`\`
or, when everything must be caught, keep the traceback:
\`\`\`python
except Exception:
    logger.exception("cannot load %s", path)
    config = {}
\`\`\`

## Fix safety
There is no fix: which exceptions to catch is the author's decision.
`;

const LOGGER_CALL_RECEIVER = 'getLogger';

/** A name that reads as a logger: `log…`, `…logger`, `…logging`, or their capitals. */
function isLoggerName(name: string): boolean {
  return (
    name.startsWith('log') || name.endsWith('logger') || name.endsWith('logging') ||
    name.startsWith('LOG') || name.endsWith('LOGGER') || name.endsWith('LOGGING')
  );
}

function isLoggerCandidate(tree: SyntaxTree, receiver: NodeId): boolean {
  if (receiver === NONE) return false;
  const type = tree.type(receiver);
  if (type === T.identifier) return isLoggerName(tree.text(receiver));
  if (type === T.attribute) return isLoggerName(tree.fieldText(receiver, F.attribute) ?? '');
  if (type === T.call) {
    const callee = tree.field(receiver, F.function);
    const tail = callee === NONE ? undefined : tree.type(callee) === T.attribute ? tree.fieldText(callee, F.attribute) : tree.text(callee);
    return tail === LOGGER_CALL_RECEIVER;
  }
  return false;
}

function isFalsyConstant(tree: SyntaxTree, node: NodeId): boolean {
  const type = tree.type(node);
  return type === T.false || type === T.none || (type === T.integer && Number(tree.text(node)) === 0);
}

/** `logger.exception(…)` or `logger.<any>(…, exc_info=<not false>)` as a statement. */
function logsTraceback(tree: SyntaxTree, statement: NodeId): boolean {
  if (tree.type(statement) !== T.expression_statement) return false;
  const call = tree.namedChild(statement, 0);
  if (call === NONE || tree.type(call) !== T.call) return false;
  const callee = tree.field(call, F.function);
  if (callee === NONE || tree.type(callee) !== T.attribute || !isLoggerCandidate(tree, tree.field(callee, F.object))) return false;
  if (tree.fieldText(callee, F.attribute) === 'exception') return true;
  const args = tree.field(call, F.arguments);
  return (args === NONE ? [] : tree.namedChildren(args)).some((argument) => {
    if (tree.type(argument) !== T.keyword_argument || tree.fieldText(argument, F.name) !== 'exc_info') return false;
    const value = tree.field(argument, F.value);
    return value !== NONE && !isFalsyConstant(tree, value);
  });
}

function reraises(tree: SyntaxTree, statement: NodeId, name: string | undefined): boolean {
  if (tree.type(statement) !== T.raise_statement) return false;
  const { exc, cause } = raiseParts(tree, statement);
  return exc === NONE || isName(tree, exc, name) || isName(tree, cause, name);
}

/** Nested try statements, functions and classes are not part of the handler's own flow. */
function handlerBlocks(tree: SyntaxTree, statement: NodeId): NodeId[] {
  const kind = statementKind(tree, statement);
  if (kind === 'try' || kind === 'definition') return [];
  const blocks = nestedBlocks(tree, statement);
  return [...blocks.main, ...blocks.alternatives, ...blocks.loopElse];
}

function handledVisibly(tree: SyntaxTree, handler: ExceptHandler): boolean {
  const name = handler.name === NONE ? undefined : tree.text(handler.name);
  let seen = false;
  visitStatements(tree, handler.body, (statement) => {
    if (!seen && (reraises(tree, statement, name) || logsTraceback(tree, statement))) seen = true;
  }, (statement) => handlerBlocks(tree, statement));
  return seen;
}

export const blindExcept: NodeRule = {
  kind: 'node',
  meta: {
    code: 'BLE001',
    name: 'blind-except',
    summary: 'Catching `Exception` or `BaseException` without re-raising or logging the traceback.',
    category: 'exceptions',
    severity: 'info',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  create(context) {
    const { tree } = context;
    const check = (clause: NodeId): void => {
      const handler = exceptHandler(tree, clause);
      let visible: boolean | undefined;
      for (const type of caughtTypes(tree, handler.type)) {
        const name = blindExceptionName(tree, type);
        if (!name) continue;
        visible ??= handledVisibly(tree, handler);
        if (visible) return;
        context.report({ message: `Blind \`except ${name}\`: catch specific exceptions, or re-raise or log the traceback`, start: tree.start(type), end: tree.end(type) });
      }
    };
    return { except_clause: check };
  },
};
