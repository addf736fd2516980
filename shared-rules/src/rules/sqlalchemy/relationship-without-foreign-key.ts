import type { FileContext, FileRule } from '../rule';
import { collectTables, type RelationshipInfo, type TableInfo } from '../../sqlalchemy/tables';
import { indexTables, type IndexedTable } from '../../workspace/moduleSummary';

const docs = `
## What it does
Reports a SQLAlchemy \`relationship()\` between two models whose tables have no
foreign key between them — neither table references the other, and the
\`secondary\` table (when given) does not reference both — unless the join is
spelled out with \`primaryjoin\` or \`foreign_keys\`. Models and tables are looked
up in the whole workspace; a model pyreview cannot find is never reported.

## Why is this bad?
SQLAlchemy derives the join condition of a relationship from foreign keys. With
none, the mapper fails at start-up ("Could not determine join condition"), or
the relationship relies on an implicit join the database does not enforce.

## Example
\`\`\`python
class Allocation(Base):
    __tablename__ = "allocations"
    consumer_id = Column(String(36))
    consumer = relationship("Consumer")
\`\`\`

Use instead:
\`\`\`python
class Allocation(Base):
    __tablename__ = "allocations"
    consumer_id = Column(String(36), ForeignKey("consumers.uuid"))
    consumer = relationship("Consumer")
\`\`\`

## Fix safety
There is no automatic fix: add the foreign key (see SQA001) or spell out the
join with \`primaryjoin\` and \`foreign_keys\`.
`;

function refersTo(table: IndexedTable, target: IndexedTable): boolean {
  return table.references.some((name) => name === target.tableName || name === target.className);
}

/** Whether the relationship can be joined through foreign keys, or cannot be judged. */
function joinable(source: IndexedTable, relationship: RelationshipInfo, tables: readonly IndexedTable[]): boolean {
  if (relationship.explicitJoin || !relationship.target) return true;
  const targets = tables.filter((table) => table.className === relationship.target);
  if (targets.length !== 1) return true;
  const [target] = targets;
  if (relationship.secondary !== undefined) {
    const secondary = tables.filter((table) => table.tableName === relationship.secondary);
    if (secondary.length !== 1) return true;
    return refersTo(secondary[0], source) && refersTo(secondary[0], target);
  }
  return refersTo(source, target) || refersTo(target, source);
}

function report(tables: TableInfo[], indexed: IndexedTable[], all: IndexedTable[], context: FileContext): void {
  tables.forEach((table, index) => {
    for (const relationship of table.relationships) {
      if (joinable(indexed[index], relationship, all)) continue;
      const target = all.find((t) => t.className === relationship.target)!;
      context.report({
        message: relationship.secondary
          ? `relationship() to \`${relationship.target}\` through \`${relationship.secondary}\`, which lacks a foreign key to \`${table.tableName}\` or \`${target.tableName}\``
          : `relationship() to \`${relationship.target}\`, but no foreign key joins \`${table.tableName}\` and \`${target.tableName}\``,
        start: relationship.start,
        end: relationship.end,
        related: [{ start: 0, end: 0, message: `\`${relationship.target}\` is defined here`, file: target.location }],
      });
    }
  });
}

export const relationshipWithoutForeignKey: FileRule = {
  kind: 'file',
  meta: {
    code: 'SQA002',
    name: 'relationship-without-foreign-key',
    summary: 'A SQLAlchemy `relationship()` joins two models whose tables have no foreign key between them.',
    category: 'foreign-keys',
    severity: 'warning',
    enabledByDefault: true,
    fix: 'none',
    docs,
  },
  check(context) {
    const { tree } = context;
    const tables = collectTables(tree, tree.root, context.textIncludes);
    if (!tables.some((table) => table.relationships.length)) return;
    const indexed = indexTables(context.filePath, tree, tables);
    const all = [...indexed, ...(context.workspace?.tables(context.filePath) ?? [])];
    report(tables, indexed, all, context);
  },
};
