import type { Node } from 'web-tree-sitter';
import { collectTables, type ColumnType, type TableInfo } from '../sqlalchemy/tables';
import { stringLiteralValue } from '../syntax/literals';
import { fromImportNames } from '../syntax/imports';

/** A place in another file: 0-based line and UTF-16 column, as tree-sitter reports them. */
export interface FileRange {
  path: string;
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export interface IndexedColumn {
  name: string;
  type?: ColumnType;
  primaryKey: boolean;
  unique: boolean;
  foreignKey?: string;
}

export interface IndexedTable {
  tableName: string;
  className?: string;
  columns: IndexedColumn[];
  /** Tables (or model classes) its foreign keys point at. */
  references: string[];
  location: FileRange;
}

/** A `from … import …` statement: `level` leading dots, the module after them (may be empty) and the names imported (`*` for all). */
export interface FromImport {
  level: number;
  module: string;
  names: string[];
}

/**
 * What the workspace needs to know of one file, without keeping its tree
 * (a tree costs about 1.7 MiB of WASM heap per 2k lines): the names it
 * defines at module level, its `__all__`, the names it imports from other
 * modules (anywhere in the file), and its SQLAlchemy tables.
 */
export interface ModuleSummary {
  path: string;
  names: string[];
  all?: string[];
  imports: FromImport[];
  tables: IndexedTable[];
}

function rangeOf(path: string, root: Node, start: number, end: number): FileRange {
  const first = root.descendantForIndex(start);
  const last = root.descendantForIndex(Math.max(start, end - 1));
  return {
    path,
    startLine: first?.startPosition.row ?? 0,
    startCharacter: first?.startPosition.column ?? 0,
    endLine: last?.endPosition.row ?? 0,
    endCharacter: last?.endPosition.column ?? 0,
  };
}

function definedName(statement: Node): string[] {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type === 'function_definition' || definition?.type === 'class_definition') {
    const name = definition.childForFieldName('name')?.text;
    return name ? [name] : [];
  }
  const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  if (assignment?.type === 'assignment') {
    const left = assignment.childForFieldName('left');
    if (left?.type === 'identifier') return [left.text];
  }
  return [];
}

/** `__all__ = [...]`, `(...)` or `'a', 'b'` of string literals, read literally. */
function exportedNames(statement: Node): string[] | undefined {
  const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== '__all__') return undefined;
  const value = assignment.childForFieldName('right');
  if (value?.type !== 'list' && value?.type !== 'tuple' && value?.type !== 'expression_list') return undefined;
  return value.namedChildren.flatMap((item) => stringLiteralValue(item) ?? []);
}

/** Every `from … import …` of the file, functions and conditional blocks included. */
function fromImports(root: Node): FromImport[] {
  const imports: FromImport[] = [];
  for (const statement of root.descendantsOfType('import_from_statement')) {
    const source = statement?.childForFieldName('module_name');
    if (!source) continue;
    const dotted = source.type === 'relative_import' ? source.namedChildren.find((child) => child.type === 'dotted_name') : source;
    const prefix = source.type === 'relative_import' ? (source.namedChildren.find((child) => child.type === 'import_prefix')?.text ?? '') : '';
    const names = fromImportNames(statement!).flatMap(({ name }) => (name ? [name.replace(/\s+/g, '')] : []));
    if (statement!.namedChildren.some((child) => child.type === 'wildcard_import')) names.push('*');
    imports.push({ level: prefix.replace(/\s+/g, '').length, module: dotted?.text.replace(/\s+/g, '') ?? '', names });
  }
  return imports;
}

export function summarizeModule(path: string, root: Node, text: string): ModuleSummary {
  const names: string[] = [];
  let all: string[] | undefined;
  for (const statement of root.namedChildren) {
    names.push(...definedName(statement));
    all = exportedNames(statement) ?? all;
  }
  return { path, names, all, imports: fromImports(root), tables: indexTables(path, root, collectTables(root, (literal) => text.includes(literal))) };
}

/** Tables without their nodes, as the index keeps them. */
export function indexTables(path: string, root: Node, tables: readonly TableInfo[]): IndexedTable[] {
  return tables.map((table) => ({
    tableName: table.tableName,
    className: table.className,
    columns: table.columns.map(({ name, type, primaryKey, unique, foreignKey }) => ({ name, type, primaryKey, unique, foreignKey })),
    references: table.references,
    location: rangeOf(path, root, table.nameStart, table.nameEnd),
  }));
}
