import type { Node } from 'web-tree-sitter';
import type { NodeRule } from '../rule';
import { matchCall } from '../../resolution/matchCall';
import { positionalArguments, stringValue } from '../../syntax/calls';
import { memoizedPerNode } from '../../syntax/memo';

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
function fstringText(node: Node): string | undefined {
  if (node.type !== 'string' || !node.children.some((child) => child?.type === 'interpolation')) return undefined;
  return node.namedChildren.map((child) => (child.type === 'string_content' ? child.text : ' ')).join('');
}

/** The literal SQL-looking text of an expression that builds a string from pieces, if it is one. */
function builtSqlText(node: Node): string | undefined {
  switch (node.type) {
    case 'string':
      return fstringText(node);
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.type;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return undefined;
      if (operator === '%') return stringValue(left);
      if (operator !== '+') return undefined;
      // A concatenation counts when one side is literal text and the other is not.
      const parts = [left, right].map((side) => stringValue(side) ?? builtSqlText(side));
      if ([left, right].every((side) => stringValue(side) !== undefined)) return undefined;
      return parts.filter((part) => part !== undefined).join(' ');
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'format') return undefined;
      return stringValue(callee.childForFieldName('object'));
    }
    case 'parenthesized_expression':
      return node.namedChild(0) ? builtSqlText(node.namedChild(0)!) : undefined;
    default:
      return undefined;
  }
}

function isBuiltSql(node: Node): boolean {
  if (!SQL_WORD.test(node.text)) return false;
  const text = builtSqlText(node);
  return text !== undefined && SQL.test(text);
}

const mentionsSql = memoizedPerNode((scope: Node): boolean => SQL_WORD.test(scope.text));

/** The value last assigned to `name` before `use`, within the same function (or module-level unit). */
function localValue(use: Node, name: string): Node | undefined {
  // Most calls pass a name: ask their top-level statement first, one memoized test, before climbing to the function.
  const statement = use.tree.rootNode.childWithDescendant(use);
  if (!statement || !mentionsSql(statement)) return undefined;
  let scope: Node | null = null;
  for (let node = use.parent; node && !scope; node = node.parent) {
    if (node.type === 'function_definition' || node.parent?.type === 'module') scope = node;
  }
  if (!scope || !mentionsSql(scope)) return undefined;
  let found: Node | undefined;
  for (const assignment of scope?.descendantsOfType('assignment') ?? []) {
    if (!assignment || assignment.startIndex >= use.startIndex) continue;
    if (assignment.childForFieldName('left')?.text === name) found = assignment.childForFieldName('right') ?? undefined;
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
    return {
      call(node) {
        const callee = node.childForFieldName('function');
        if (!callee) return;
        const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
        const executes = method !== undefined && EXECUTE_METHODS.has(method);
        // Any plain call may be an alias of `text()`.
        if (!executes && method !== undefined && method !== 'text') return;
        const argument = positionalArguments(node)[0];
        if (!argument) return;
        const sql = argument.type === 'identifier' ? localValue(node, argument.text) : argument;
        if (!sql || !isBuiltSql(sql)) return;
        // Resolving the callee costs the most: only for SQL that is built.
        const textCall = executes ? undefined : matchCall(callee, TEXT_FUNCTIONS);
        if (!executes && !textCall) return;
        context.report({
          message: 'Possible SQL injection vector through string-based query construction',
          start: sql.startIndex,
          end: sql.endIndex,
          condition: textCall?.condition,
        });
      },
    };
  },
};
