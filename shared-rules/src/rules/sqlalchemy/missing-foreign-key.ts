import type { FileContext, FileRule, Fix } from '../rule';
import { collectTables, type ColumnInfo, type TableInfo } from '../../sqlalchemy/tables';
import { positionalArguments } from '../../syntax/calls';
import { F, T } from '../../syntax/grammar';
import { NONE, type SyntaxTree } from '../../syntax/tree';
import { foreignKeyTarget } from './foreignKeyTargets';
import { indexTables, type IndexedTable } from '../../workspace/moduleSummary';
import { addImportEdit } from '../../fixes/importEdits';
import type { TextEdit } from '../../text/textEdit';
import type { TextReader } from '../../text/pieceText';

const docs = `
## What it does
Reports a SQLAlchemy column named \`<x>_id\` that has no \`ForeignKey\`, when the
workspace defines a table for \`<x>\` (\`__tablename__\` or \`Table\` name \`<x>s\`,
\`<x>es\`, \`<x-y>ies\` or \`<x>\`, or a model class named \`<X>\`) with a column the
key can reference: an integer column needs the target's integer primary key; a
\`String(n)\` column needs a unique or primary-key \`String(n)\` column (such as
\`consumers.uuid\`). ORM models (\`Column\`, \`mapped_column\`, \`Mapped[...]\`) and
Core \`Table(...)\` declarations are both checked; a \`ForeignKeyConstraint\` in
\`__table_args__\` counts as a foreign key.

## Why is this bad?
Without the constraint the database accepts ids that point at nothing: rows
outlive what they refer to, and joins silently drop or duplicate data. The
ORM also cannot infer joins for \`relationship()\` without it.

## Example
\`\`\`python
class Consumer(Base):
    __tablename__ = "consumers"
    id = Column(Integer, primary_key=True)
    project_id = Column(Integer, nullable=False)
\`\`\`

Use instead:
\`\`\`python
class Consumer(Base):
    __tablename__ = "consumers"
    id = Column(Integer, primary_key=True)
    project_id = Column(Integer, ForeignKey("projects.id"), nullable=False)
\`\`\`

## Fix safety
The fix inserts \`ForeignKey('projects.id')\` after the column type (or as the
first argument of \`mapped_column\` when it has no type), using \`sa.ForeignKey\`
when SQLAlchemy is imported as a module and otherwise adding \`ForeignKey\` to the
file's \`from sqlalchemy import …\`. It is unsafe: a migration must add the
constraint to existing databases, and existing rows may violate it. Names such
as \`external_id\` with no matching table are never reported.
`;

/** The quote the file's strings use most (docstrings aside), so the inserted string looks like its neighbours. */
function preferredQuote(source: string): string {
  const text = source.replace(/"""|'''/g, '');
  let double = 0;
  let single = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) double++;
  for (let i = text.indexOf("'"); i !== -1; i = text.indexOf("'", i + 1)) single++;
  return double > single ? '"' : "'";
}

/** `ForeignKey` as the file can spell it: already imported from any sqlalchemy module, or through `addImportEdit`. */
function foreignKeyReference(text: TextReader, tree: SyntaxTree, usedAt: number): { reference: string; edit?: TextEdit } {
  for (let statement = tree.firstNamedChild(tree.root); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
    if (tree.type(statement) !== T.import_from_statement) continue;
    const module = tree.field(statement, F.module_name);
    if (module === NONE || !tree.text(module).startsWith('sqlalchemy')) continue;
    for (const name of tree.fields(statement, F.name)) {
      if (tree.type(name) === T.dotted_name && tree.text(name) === 'ForeignKey') return { reference: 'ForeignKey' };
      if (tree.type(name) === T.aliased_import) {
        const imported = tree.field(name, F.name);
        if (imported === NONE || tree.text(imported) !== 'ForeignKey') continue;
        const alias = tree.field(name, F.alias);
        return { reference: alias === NONE ? 'ForeignKey' : tree.text(alias) };
      }
    }
  }
  return addImportEdit(text, tree, { module: 'sqlalchemy', name: 'ForeignKey', usedAt });
}

function addForeignKeyFix(context: FileContext, column: ColumnInfo, target: string): Fix | undefined {
  const { tree } = context;
  const call = column.call;
  if (call === undefined) return undefined;
  const args = tree.field(call, F.arguments);
  if (args === NONE) return undefined;
  const { reference, edit } = foreignKeyReference(context.text, tree, tree.start(call));
  // Counting the file's quotes reads all of it.
  const quote = preferredQuote(context.text.toString());
  const foreignKey = `${reference}(${quote}${target}${quote})`;
  const edits: TextEdit[] = edit ? [edit] : [];
  const positional = positionalArguments(tree, call);
  if (column.typeArgument !== undefined) {
    edits.push({ start: tree.end(column.typeArgument), end: tree.end(column.typeArgument), newText: `, ${foreignKey}` });
  } else if (positional.length && tree.type(positional[0]) === T.string) {
    edits.push({ start: tree.end(positional[0]), end: tree.end(positional[0]), newText: `, ${foreignKey}` });
  } else {
    const open = tree.start(args) + 1;
    const hasArguments = tree.namedChildren(args).some((child) => tree.type(child) !== T.comment);
    edits.push({ start: open, end: open, newText: hasArguments ? `${foreignKey}, ` : foreignKey });
  }
  return { title: `Add ${foreignKey}`, safety: 'unsafe', edits };
}

function checkColumn(context: FileContext, table: TableInfo, column: ColumnInfo, targets: IndexedTable[]): void {
  const stem = /^([a-z][a-z0-9_]*?)_id$/.exec(column.name)?.[1];
  if (!stem || column.foreignKey || table.constrainedColumns.has(column.name)) return;
  const found = foreignKeyTarget(stem, column.type, targets);
  if (!found) return;
  const where = found.table.location;
  context.report({
    message: `Column \`${column.name}\` has no ForeignKey, but table \`${found.table.tableName}\` has a matching key \`${found.reference}\``,
    start: column.nameStart,
    end: column.nameEnd,
    fix: addForeignKeyFix(context, column, found.reference),
    related: [{ start: 0, end: 0, message: `table \`${found.table.tableName}\` is defined here`, file: where }],
  });
}

export const missingForeignKey: FileRule = {
  kind: 'file',
  meta: {
    code: 'SQA001',
    name: 'missing-foreign-key',
    summary: 'A SQLAlchemy `<x>_id` column has no ForeignKey although the workspace defines the table it refers to.',
    category: 'foreign-keys',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'sometimes',
    docs,
  },
  check(context) {
    const { tree } = context;
    const tables = collectTables(tree, tree.root, context.textIncludes);
    if (!tables.length) return;
    const own = indexTables(context.filePath, tree, tables);
    const targets = [...own, ...(context.workspace?.tables(context.filePath) ?? [])];
    for (const table of tables) for (const column of table.columns) checkColumn(context, table, column, targets);
  },
};
