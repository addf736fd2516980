import type { Node } from 'web-tree-sitter';
import { calleeName, isTrue, keywordArgument, positionalArguments, stringValue } from '../syntax/calls';

/**
 * SQLAlchemy tables as a file declares them: ORM declarative models (classes
 * with `__tablename__`) and Core `Table('name', metadata, Column(...))`.
 * Only what the source says literally is recorded; a column whose type or
 * constraints cannot be read is kept with what is known, so rules can stay
 * silent rather than guess.
 */
export type ColumnKind = 'integer' | 'string' | 'other';

export interface ColumnType {
  kind: ColumnKind;
  /** `String(36)` → 36. */
  length?: number;
}

export interface ColumnInfo {
  name: string;
  type?: ColumnType;
  primaryKey: boolean;
  unique: boolean;
  /** The target of a `ForeignKey('table.column')` (or `ForeignKey(Model.column)` as written), if any. */
  foreignKey?: string;
  /** Offsets of the whole column declaration (the assignment, or the `Column(...)` call in a Table). */
  start: number;
  end: number;
  /** Offsets of the column's name as written: the attribute, or the name string in a Table. */
  nameStart: number;
  nameEnd: number;
  /** The `Column(...)`/`mapped_column(...)` call, if there is one. */
  call?: Node;
  /** The positional argument that gives the type, if any. */
  typeArgument?: Node;
}

export interface RelationshipInfo {
  /** The related model's class name, as written (`'Consumer'`, `Consumer`, `'models.Consumer'` → `Consumer`). */
  target?: string;
  /** `primaryjoin`/`foreign_keys` given: the join is spelled out. */
  explicitJoin: boolean;
  /** The `secondary` argument: a table name, or `?` when it is not a string. */
  secondary?: string;
  start: number;
  end: number;
}

export interface TableInfo {
  tableName: string;
  /** The model class, for ORM tables. */
  className?: string;
  columns: ColumnInfo[];
  /** Local column names covered by a `ForeignKeyConstraint` in `__table_args__` or the Table's arguments. */
  constrainedColumns: Set<string>;
  /** What the table's foreign keys point at, as written: `projects` (from `projects.id`) or `Project` (from `Project.id`). */
  references: string[];
  /** The model's `relationship()` attributes. */
  relationships: RelationshipInfo[];
  /** Offsets of the class or Table statement, and of its name. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
}

const INTEGER_TYPES = new Set(['Integer', 'BigInteger', 'SmallInteger', 'INTEGER', 'BIGINT', 'SMALLINT', 'INT', 'int']);
const STRING_TYPES = new Set(['String', 'Unicode', 'VARCHAR', 'CHAR', 'NVARCHAR', 'Text', 'UnicodeText', 'Uuid', 'UUID', 'str']);

function typeFromName(name: string, length?: number): ColumnType {
  if (INTEGER_TYPES.has(name)) return { kind: 'integer' };
  if (STRING_TYPES.has(name)) return length === undefined ? { kind: 'string' } : { kind: 'string', length };
  return { kind: 'other' };
}

/** `Integer`, `sa.Integer`, `String(36)`, `sa.String(length=36)`. */
function typeOf(node: Node): ColumnType | undefined {
  if (node.type === 'identifier') return typeFromName(node.text);
  if (node.type === 'attribute') return typeFromName(node.childForFieldName('attribute')?.text ?? '');
  if (node.type !== 'call') return undefined;
  const lengthArgument = positionalArguments(node)[0] ?? keywordArgument(node, 'length');
  const length = lengthArgument?.type === 'integer' ? Number(lengthArgument.text) : undefined;
  return typeFromName(calleeName(node) ?? '', length);
}

/** `Mapped[int]`, `Mapped[Optional[str]]`, `Mapped[str | None]` → the Python type's column kind. */
function typeOfMappedAnnotation(annotation: Node | null): ColumnType | undefined {
  const match = annotation && /^(?:\w+\.)?Mapped\[(?:Optional\[)?(\w+)/.exec(annotation.text.replace(/\s+/g, ''));
  return match ? typeFromName(match[1]) : undefined;
}

const SCHEMA_ITEMS = new Set(['ForeignKey', 'Sequence', 'CheckConstraint', 'Identity', 'Computed', 'FetchedValue', 'DefaultClause']);

/** The positional argument giving the column type: after an optional name, not a schema item. */
function typeArgumentOf(positional: readonly Node[]): Node | undefined {
  return positional.find((arg, index) => {
    if (index === 0 && arg.type === 'string') return false;
    if (arg.type === 'call') return !SCHEMA_ITEMS.has(calleeName(arg) ?? '');
    return arg.type === 'identifier' || arg.type === 'attribute';
  });
}

function foreignKeyOf(call: Node): string | undefined {
  for (const arg of positionalArguments(call)) {
    if (arg.type === 'call' && calleeName(arg) === 'ForeignKey') {
      const target = positionalArguments(arg)[0];
      return stringValue(target) ?? target?.text ?? '?';
    }
  }
  return undefined;
}

function columnFromCall(name: string, nameNode: Node, call: Node, start: number, end: number, annotation: Node | null): ColumnInfo {
  const typeArgument = typeArgumentOf(positionalArguments(call));
  const declared = typeArgument && typeOf(typeArgument);
  // `mapped_column()` may leave the type to the `Mapped[...]` annotation.
  const type = declared && declared.kind !== 'other' ? declared : typeOfMappedAnnotation(annotation) ?? declared;
  return {
    name,
    type,
    primaryKey: isTrue(keywordArgument(call, 'primary_key')),
    unique: isTrue(keywordArgument(call, 'unique')),
    foreignKey: foreignKeyOf(call),
    start,
    end,
    nameStart: nameNode.startIndex,
    nameEnd: nameNode.endIndex,
    call,
    typeArgument,
  };
}

const COLUMN_CALLS = new Set(['Column', 'mapped_column']);

function columnReferences(columns: readonly ColumnInfo[]): string[] {
  return columns.flatMap((column) => (column.foreignKey ? [referencedTable(column.foreignKey)] : []));
}

/** Column names listed by `ForeignKeyConstraint([...], ...)`, `UniqueConstraint(...)` and `Index(..., unique=True)`. */
function readTableArgs(items: readonly Node[], constrained: Set<string>, unique: Set<string>, references: string[]): void {
  for (const item of items) {
    if (item.type !== 'call') continue;
    const callee = calleeName(item);
    const positional = positionalArguments(item);
    if (callee === 'ForeignKeyConstraint') {
      const columns = positional[0];
      for (const column of columns?.namedChildren ?? []) {
        const value = stringValue(column);
        if (value) constrained.add(value);
      }
      for (const target of positional[1]?.namedChildren ?? []) references.push(referencedTable(stringValue(target) ?? target.text));
    } else if (callee === 'UniqueConstraint' && positional.length === 1) {
      const value = stringValue(positional[0]);
      if (value) unique.add(value);
    } else if (callee === 'Index' && isTrue(keywordArgument(item, 'unique')) && positional.length === 2) {
      const value = stringValue(positional[1]);
      if (value) unique.add(value);
    }
  }
}

/** `projects.id` → `projects`; `Project.id` → `Project`. */
function referencedTable(target: string): string {
  const parts = target.split('.');
  return parts.length > 1 ? parts[parts.length - 2] : target;
}

const RELATIONSHIP_CALLS = new Set(['relationship', 'relation']);

function relationshipOf(call: Node, start: number, end: number): RelationshipInfo {
  const first = positionalArguments(call)[0];
  const written = first && (stringValue(first) ?? (first.type === 'identifier' || first.type === 'attribute' ? first.text : undefined));
  const secondary = keywordArgument(call, 'secondary');
  return {
    target: written?.split('.').pop(),
    explicitJoin: Boolean(keywordArgument(call, 'primaryjoin') ?? keywordArgument(call, 'foreign_keys')),
    secondary: secondary ? stringValue(secondary) ?? '?' : undefined,
    start,
    end,
  };
}

function assignmentOf(statement: Node): Node | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  const inner = statement.namedChild(0);
  return inner?.type === 'assignment' ? inner : undefined;
}

function tableFromClass(statement: Node): TableInfo | undefined {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type !== 'class_definition') return undefined;
  const body = definition.childForFieldName('body');
  const nameNode = definition.childForFieldName('name');
  if (!body || !nameNode) return undefined;
  let tableName: string | undefined;
  const columns: ColumnInfo[] = [];
  const constrained = new Set<string>();
  const unique = new Set<string>();
  const references: string[] = [];
  const relationships: RelationshipInfo[] = [];
  for (const member of body.namedChildren) {
    const assignment = assignmentOf(member);
    const target = assignment?.childForFieldName('left');
    const value = assignment?.childForFieldName('right');
    if (!assignment || target?.type !== 'identifier') continue;
    const name = target.text;
    if (name === '__tablename__') tableName = stringValue(value);
    else if (name === '__table_args__' && value) {
      readTableArgs(value.type === 'tuple' || value.type === 'list' ? value.namedChildren : [value], constrained, unique, references);
    } else if (value?.type === 'call' && RELATIONSHIP_CALLS.has(calleeName(value) ?? '')) {
      relationships.push(relationshipOf(value, target.startIndex, target.endIndex));
    } else if (!value && assignment.childForFieldName('type')) {
      // `name: Mapped[int]` alone declares a column typed by its annotation.
      const type = typeOfMappedAnnotation(assignment.childForFieldName('type'));
      if (type) columns.push({ name, type, primaryKey: false, unique: false, start: member.startIndex, end: member.endIndex, nameStart: target.startIndex, nameEnd: target.endIndex });
    } else if (value?.type === 'call' && COLUMN_CALLS.has(calleeName(value) ?? '')) {
      // `Column('db_name', ...)` names the database column explicitly.
      const explicit = stringValue(positionalArguments(value)[0]);
      columns.push(columnFromCall(explicit ?? name, target, value, member.startIndex, member.endIndex, assignment.childForFieldName('type')));
    }
  }
  if (!tableName) return undefined;
  for (const column of columns) if (unique.has(column.name)) column.unique = true;
  return {
    tableName,
    className: nameNode.text,
    columns,
    constrainedColumns: constrained,
    references: [...references, ...columnReferences(columns)],
    relationships,
    start: statement.startIndex,
    end: statement.endIndex,
    nameStart: nameNode.startIndex,
    nameEnd: nameNode.endIndex,
  };
}

function tableFromCoreCall(statement: Node): TableInfo | undefined {
  const assignment = assignmentOf(statement);
  const call = assignment?.childForFieldName('right') ?? (statement.type === 'expression_statement' ? statement.namedChild(0) : null);
  if (call?.type !== 'call' || calleeName(call) !== 'Table') return undefined;
  const positional = positionalArguments(call);
  const nameNode = positional[0];
  const tableName = stringValue(nameNode);
  if (!tableName || !nameNode) return undefined;
  const columns: ColumnInfo[] = [];
  const constrained = new Set<string>();
  const unique = new Set<string>();
  const references: string[] = [];
  for (const arg of positional.slice(2)) {
    if (arg.type === 'call' && calleeName(arg) === 'Column') {
      const nameNode = positionalArguments(arg)[0];
      const name = stringValue(nameNode);
      if (name) columns.push(columnFromCall(name, nameNode, arg, arg.startIndex, arg.endIndex, null));
    }
  }
  readTableArgs(positional.slice(2), constrained, unique, references);
  for (const column of columns) if (unique.has(column.name)) column.unique = true;
  return {
    tableName,
    columns,
    constrainedColumns: constrained,
    references: [...references, ...columnReferences(columns)],
    relationships: [],
    start: statement.startIndex,
    end: statement.endIndex,
    nameStart: nameNode.startIndex,
    nameEnd: nameNode.endIndex,
  };
}

/** Cheap text test: files that never mention SQLAlchemy's column constructors are skipped. */
function mayDeclareTables(textIncludes: (literal: string) => boolean): boolean {
  return textIncludes('Column(') || textIncludes('mapped_column(') || textIncludes('Table(');
}

/** The tables declared by the module's top-level statements; `textIncludes` tells whether the text contains a literal. */
export function collectTables(root: Node, textIncludes: (literal: string) => boolean): TableInfo[] {
  if (!mayDeclareTables(textIncludes)) return [];
  const tables: TableInfo[] = [];
  for (const statement of root.namedChildren) {
    const table = tableFromClass(statement) ?? tableFromCoreCall(statement);
    if (table) tables.push(table);
  }
  return tables;
}
