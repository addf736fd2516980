import type { ColumnType } from '../../sqlalchemy/tables';
import type { IndexedColumn, IndexedTable } from '../../workspace/moduleSummary';

/** `resource_provider` → `ResourceProvider`. */
function camelCase(name: string): string {
  return name.split('_').filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join('');
}

/** The table names a column `<x>_id` may refer to: `<x>s`, `<x>es`, `<x-y>ies`, `<x>`. */
export function candidateTableNames(stem: string): string[] {
  const names = [`${stem}s`, `${stem}es`, stem];
  if (stem.endsWith('y')) names.push(`${stem.slice(0, -1)}ies`);
  return names;
}

function fits(column: ColumnType, target: IndexedColumn): boolean {
  const type = target.type;
  if (!type || type.kind !== column.kind) return false;
  if (column.kind === 'integer') return target.primaryKey;
  if (column.kind === 'string') return (target.primaryKey || target.unique) && type.length === column.length;
  return false;
}

/** The target column a `<stem>_id` column of `type` should reference, as `table.column`, when exactly one fits. */
export function foreignKeyTarget(
  stem: string,
  type: ColumnType | undefined,
  tables: Iterable<IndexedTable>,
): { reference: string; table: IndexedTable } | undefined {
  if (!type || type.kind === 'other') return undefined;
  const names = new Set(candidateTableNames(stem));
  const className = camelCase(stem);
  const found = new Map<string, IndexedTable>();
  for (const table of tables) {
    if (!names.has(table.tableName) && table.className !== className) continue;
    // An integer key points at the integer primary key; a string key at a unique column of the same length.
    const primaryKeys = table.columns.filter((c) => c.primaryKey);
    const candidates = type.kind === 'integer' && primaryKeys.length > 1 ? [] : table.columns.filter((c) => fits(type, c));
    const preferred = candidates.find((c) => c.primaryKey) ?? candidates.find((c) => c.name === 'uuid') ?? candidates[0];
    if (preferred && (candidates.length === 1 || preferred.primaryKey || preferred.name === 'uuid')) {
      found.set(`${table.tableName}.${preferred.name}`, table);
    }
  }
  if (found.size !== 1) return undefined;
  const [[reference, table]] = found;
  return { reference, table };
}
