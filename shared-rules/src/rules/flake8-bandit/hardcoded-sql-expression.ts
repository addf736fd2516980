import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { positionalArguments, stringValue } from '../../syntax/calls';
import { F, K, T } from '../../syntax/grammar';
import { memoizedPerNode } from '../../syntax/memo';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

const docs = `
## What it does
Reports SQL text built from pieces — an f-string, \`%\` formatting, \`.format()\`
or \`+\` — that is run: passed to \`execute()\`, \`executemany()\`, \`executescript()\`,
\`exec_driver_sql()\` or SQLAlchemy's \`text()\`, directly or through one local
variable. SQL is recognised by its shape (\`SELECT … FROM\`, \`INSERT … VALUES\`,
\`UPDATE … SET\`, \`DELETE FROM\`). Strings that are built but never run are not
reported.

## Why is this bad?
Values pasted into SQL text can change the statement: a name such as
\`x' OR '1'='1\` reads every row, or worse. Bound parameters keep data and SQL apart.

## Example
\`\`\`python
cursor.execute(f"SELECT * FROM consumers WHERE uuid = '{uuid}'")
\`\`\`

Use instead:
\`\`\`python
cursor.execute("SELECT * FROM consumers WHERE uuid = %s", (uuid,))
\`\`\`

## Fix safety
There is no automatic fix: the parameter style depends on the database driver.
`;

const SQL = /\b(select\s[\s\S]*\sfrom\s|delete\s+from\s|(insert|replace)\s[\s\S]*\svalues\b|update\s[\s\S]*\sset\s)/i;
// Every SQL shape above starts with one of these words, followed in the source by a space, a
// replacement field, the end of the literal or an escape, not by `(` as in `s.replace(…)` or `d.update(…)`.
// Code without one has nothing to report.
const SQL_WORD = /\b(select|delete|insert|replace|update)(?=[\s{"'\\%])/i;
const EXECUTE_METHODS = new Set(['execute', 'executemany', 'executescript', 'exec_driver_sql']);
const TEXT_FUNCTIONS = ['sqlalchemy.text', 'sqlalchemy.sql.text', 'sqlalchemy.sql.expression.text'];

/** The literal text of an f-string, with each replacement field as a space. */
function fstringText(tree: SyntaxTree, node: NodeId): string | undefined {
  if (tree.type(node) !== T.string || tree.childOfType(node, T.interpolation) === NONE) return undefined;
  return tree.namedChildren(node).map((child) => (tree.type(child) === T.string_content ? tree.text(child) : ' ')).join('');
}

/** The literal SQL-looking text of an expression that builds a string from pieces, if it is one. */
function builtSqlText(tree: SyntaxTree, node: NodeId): string | undefined {
  switch (tree.type(node)) {
    case T.string:
      return fstringText(tree, node);
    case T.binary_operator: {
      const operator = tree.field(node, F.operator);
      const left = tree.field(node, F.left);
      const right = tree.field(node, F.right);
      if (left === NONE || right === NONE) return undefined;
      const operatorType = operator === NONE ? undefined : tree.type(operator);
      if (operatorType === K['%']) return stringValue(tree, left);
      if (operatorType !== K['+']) return undefined;
      // A concatenation counts when one side is literal text and the other is not.
      const parts = [left, right].map((side) => stringValue(tree, side) ?? builtSqlText(tree, side));
      if ([left, right].every((side) => stringValue(tree, side) !== undefined)) return undefined;
      return parts.filter((part) => part !== undefined).join(' ');
    }
    case T.call: {
      const callee = tree.field(node, F.function);
      if (callee === NONE || tree.type(callee) !== T.attribute) return undefined;
      const attribute = tree.field(callee, F.attribute);
      if (attribute === NONE || tree.text(attribute) !== 'format') return undefined;
      return stringValue(tree, tree.field(callee, F.object));
    }
    case T.parenthesized_expression: {
      const inner = tree.namedChild(node, 0);
      return inner !== NONE ? builtSqlText(tree, inner) : undefined;
    }
    default:
      return undefined;
  }
}

function isBuiltSql(tree: SyntaxTree, node: NodeId): boolean {
  if (!SQL_WORD.test(tree.text(node))) return false;
  const text = builtSqlText(tree, node);
  return text !== undefined && SQL.test(text);
}

const mentionsSql = memoizedPerNode((tree, scope): boolean => SQL_WORD.test(tree.text(scope)));

/** The value last assigned to `name` before `use`, within the same function (or module-level unit). */
function localValue(tree: SyntaxTree, use: NodeId, name: string): NodeId {
  let scope = NONE;
  for (let node = tree.parent(use); node !== NONE && scope === NONE; node = tree.parent(node)) {
    const parent = tree.parent(node);
    if (tree.type(node) === T.function_definition || (parent !== NONE && tree.type(parent) === T.module)) scope = node;
  }
  // A memoized test of the scope's text rules out most calls before its assignments are searched.
  if (scope === NONE || !mentionsSql(tree, scope)) return NONE;
  let found = NONE;
  const useStart = tree.start(use);
  for (const assignment of tree.descendantsOfType(scope, T.assignment)) {
    if (tree.start(assignment) >= useStart) continue;
    const left = tree.field(assignment, F.left);
    if (left !== NONE && tree.text(left) === name) found = tree.field(assignment, F.right);
  }
  return found;
}

export const hardcodedSqlExpression: NodeRule = {
  kind: 'node',
  meta: {
    code: 'S608',
    name: 'hardcoded-sql-expression',
    summary: 'SQL built with string formatting reaches `execute()` or `text()`.',
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
        const callee = tree.field(node, F.function);
        if (callee === NONE) return;
        const attribute = tree.type(callee) === T.attribute ? tree.field(callee, F.attribute) : NONE;
        const method = attribute === NONE ? undefined : tree.text(attribute);
        const executes = method !== undefined && EXECUTE_METHODS.has(method);
        // Any plain call may be an alias of `text()`.
        if (!executes && method !== undefined && method !== 'text') return;
        const argument = positionalArguments(tree, node)[0];
        if (argument === undefined) return;
        const sql = tree.type(argument) === T.identifier ? localValue(tree, node, tree.text(argument)) : argument;
        if (sql === NONE || !isBuiltSql(tree, sql)) return;
        // Resolving the callee costs the most: only for SQL that is built.
        const textCall = executes ? undefined : matchCall(tree, callee, TEXT_FUNCTIONS);
        if (!executes && !textCall) return;
        context.report({
          message: 'Possible SQL injection vector through string-based query construction',
          start: tree.start(sql),
          end: tree.end(sql),
          condition: textCall?.condition,
        });
      },
    };
  },
};
