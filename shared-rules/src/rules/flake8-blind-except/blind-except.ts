import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import {
  blindExceptionName, caughtTypes, exceptHandler, isName, nestedBlocks, raiseParts, statementKind, visitStatements,
  type ExceptHandler,
} from '../../syntax/exceptHandlers';

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

function isLoggerCandidate(receiver: Node | null): boolean {
  if (!receiver) return false;
  if (receiver.type === 'identifier') return isLoggerName(receiver.text);
  if (receiver.type === 'attribute') return isLoggerName(receiver.childForFieldName('attribute')?.text ?? '');
  if (receiver.type === 'call') {
    const callee = receiver.childForFieldName('function');
    const tail = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
    return tail === LOGGER_CALL_RECEIVER;
  }
  return false;
}

function isFalsyConstant(node: Node): boolean {
  return node.type === 'false' || node.type === 'none' || (node.type === 'integer' && Number(node.text) === 0);
}

/** `logger.exception(…)` or `logger.<any>(…, exc_info=<not false>)` as a statement. */
function logsTraceback(statement: Node): boolean {
  if (statement.type !== 'expression_statement') return false;
  const call = statement.namedChild(0);
  if (call?.type !== 'call') return false;
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute' || !isLoggerCandidate(callee.childForFieldName('object'))) return false;
  if (callee.childForFieldName('attribute')?.text === 'exception') return true;
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some((argument) => {
    if (argument?.type !== 'keyword_argument' || argument.childForFieldName('name')?.text !== 'exc_info') return false;
    const value = argument.childForFieldName('value');
    return value !== null && !isFalsyConstant(value);
  });
}

function reraises(statement: Node, name: string | undefined): boolean {
  if (statement.type !== 'raise_statement') return false;
  const { exc, cause } = raiseParts(statement);
  return !exc || isName(exc, name) || isName(cause, name);
}

/** Nested try statements, functions and classes are not part of the handler's own flow. */
function handlerBlocks(statement: Node): Node[] {
  const kind = statementKind(statement);
  if (kind === 'try' || kind === 'definition') return [];
  const blocks = nestedBlocks(statement);
  return [...blocks.main, ...blocks.alternatives, ...blocks.loopElse];
}

function handledVisibly(handler: ExceptHandler): boolean {
  const name = handler.name?.text;
  let seen = false;
  visitStatements(handler.body, (statement) => {
    if (!seen && (reraises(statement, name) || logsTraceback(statement))) seen = true;
  }, handlerBlocks);
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
    const check = (clause: Node): void => {
      const handler = exceptHandler(clause);
      let visible: boolean | undefined;
      for (const type of caughtTypes(handler.type)) {
        const name = blindExceptionName(type);
        if (!name) continue;
        visible ??= handledVisibly(handler);
        if (visible) return;
        context.report({ message: `Blind \`except ${name}\`: catch specific exceptions, or re-raise or log the traceback`, start: type.startIndex, end: type.endIndex });
      }
    };
    return { except_clause: check, except_group_clause: check };
  },
};
