import { calleeName, isTrue, keywordArgument, positionalArguments, stringValue } from '../syntax/calls';
import { F, T } from '../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';

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
  call?: NodeId;
  /** The positional argument that gives the type, if any. */
  typeArgument?: NodeId;
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
function typeOf(tree: SyntaxTree, node: NodeId): ColumnType | undefined {
  const type = tree.type(node);
  if (type === T.identifier) return typeFromName(tree.text(node));
  if (type === T.attribute) {
    const attribute = tree.field(node, F.attribute);
    return typeFromName(attribute === NONE ? '' : tree.text(attribute));
  }
  if (type !== T.call) return undefined;
  const lengthArgument = positionalArguments(tree, node)[0] ?? keywordArgument(tree, node, 'length');
  const length = lengthArgument !== NONE && tree.type(lengthArgument) === T.integer ? Number(tree.text(lengthArgument)) : undefined;
  return typeFromName(calleeName(tree, node) ?? '', length);
}

/** `Mapped[int]`, `Mapped[Optional[str]]`, `Mapped[str | None]` → the Python type's column kind. */
function typeOfMappedAnnotation(tree: SyntaxTree, annotation: NodeId): ColumnType | undefined {
  const match = annotation !== NONE && /^(?:\w+\.)?Mapped\[(?:Optional\[)?(\w+)/.exec(tree.text(annotation).replace(/\s+/g, ''));
  return match ? typeFromName(match[1]) : undefined;
}

const SCHEMA_ITEMS = new Set(['ForeignKey', 'Sequence', 'CheckConstraint', 'Identity', 'Computed', 'FetchedValue', 'DefaultClause']);

/** The positional argument giving the column type: after an optional name, not a schema item. */
function typeArgumentOf(tree: SyntaxTree, positional: readonly NodeId[]): NodeId | undefined {
  return positional.find((arg, index) => {
    const type = tree.type(arg);
    if (index === 0 && type === T.string) return false;
    if (type === T.call) return !SCHEMA_ITEMS.has(calleeName(tree, arg) ?? '');
    return type === T.identifier || type === T.attribute;
  });
}

function foreignKeyOf(tree: SyntaxTree, call: NodeId): string | undefined {
  for (const arg of positionalArguments(tree, call)) {
    if (tree.type(arg) === T.call && calleeName(tree, arg) === 'ForeignKey') {
      const target: NodeId | undefined = positionalArguments(tree, arg)[0];
      if (target === undefined) return '?';
      return stringValue(tree, target) ?? tree.text(target);
    }
  }
  return undefined;
}

function columnFromCall(tree: SyntaxTree, name: string, nameNode: NodeId, call: NodeId, start: number, end: number, annotation: NodeId): ColumnInfo {
  const typeArgument = typeArgumentOf(tree, positionalArguments(tree, call));
  const declared = typeArgument !== undefined ? typeOf(tree, typeArgument) : undefined;
  // `mapped_column()` may leave the type to the `Mapped[...]` annotation.
  const type = declared && declared.kind !== 'other' ? declared : typeOfMappedAnnotation(tree, annotation) ?? declared;
  return {
    name,
    type,
    primaryKey: isTrue(tree, keywordArgument(tree, call, 'primary_key')),
    unique: isTrue(tree, keywordArgument(tree, call, 'unique')),
    foreignKey: foreignKeyOf(tree, call),
    start,
    end,
    nameStart: tree.start(nameNode),
    nameEnd: tree.end(nameNode),
    call,
    typeArgument,
  };
}

const COLUMN_CALLS = new Set(['Column', 'mapped_column']);

function columnReferences(columns: readonly ColumnInfo[]): string[] {
  return columns.flatMap((column) => (column.foreignKey ? [referencedTable(column.foreignKey)] : []));
}

/** Column names listed by `ForeignKeyConstraint([...], ...)`, `UniqueConstraint(...)` and `Index(..., unique=True)`. */
function readTableArgs(tree: SyntaxTree, items: readonly NodeId[], constrained: Set<string>, unique: Set<string>, references: string[]): void {
  for (const item of items) {
    if (tree.type(item) !== T.call) continue;
    const callee = calleeName(tree, item);
    const positional = positionalArguments(tree, item);
    if (callee === 'ForeignKeyConstraint') {
      const columns: NodeId | undefined = positional[0];
      for (const column of columns === undefined ? [] : tree.namedChildren(columns)) {
        const value = stringValue(tree, column);
        if (value) constrained.add(value);
      }
      const targets: NodeId | undefined = positional[1];
      for (const target of targets === undefined ? [] : tree.namedChildren(targets)) {
        references.push(referencedTable(stringValue(tree, target) ?? tree.text(target)));
      }
    } else if (callee === 'UniqueConstraint' && positional.length === 1) {
      const value = stringValue(tree, positional[0]);
      if (value) unique.add(value);
    } else if (callee === 'Index' && isTrue(tree, keywordArgument(tree, item, 'unique')) && positional.length === 2) {
      const value = stringValue(tree, positional[1]);
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

function relationshipOf(tree: SyntaxTree, call: NodeId, start: number, end: number): RelationshipInfo {
  const first: NodeId | undefined = positionalArguments(tree, call)[0];
  const firstType = first === undefined ? undefined : tree.type(first);
  const written = first === undefined
    ? undefined
    : stringValue(tree, first) ?? (firstType === T.identifier || firstType === T.attribute ? tree.text(first) : undefined);
  const secondary = keywordArgument(tree, call, 'secondary');
  return {
    target: written?.split('.').pop(),
    explicitJoin: keywordArgument(tree, call, 'primaryjoin') !== NONE || keywordArgument(tree, call, 'foreign_keys') !== NONE,
    secondary: secondary !== NONE ? stringValue(tree, secondary) ?? '?' : undefined,
    start,
    end,
  };
}

function assignmentOf(tree: SyntaxTree, statement: NodeId): NodeId {
  if (tree.type(statement) !== T.expression_statement) return NONE;
  const inner = tree.namedChild(statement, 0);
  return inner !== NONE && tree.type(inner) === T.assignment ? inner : NONE;
}

function tableFromClass(tree: SyntaxTree, statement: NodeId): TableInfo | undefined {
  const definition = tree.type(statement) === T.decorated_definition ? tree.field(statement, F.definition) : statement;
  if (definition === NONE || tree.type(definition) !== T.class_definition) return undefined;
  const body = tree.field(definition, F.body);
  const nameNode = tree.field(definition, F.name);
  if (body === NONE || nameNode === NONE) return undefined;
  let tableName: string | undefined;
  const columns: ColumnInfo[] = [];
  const constrained = new Set<string>();
  const unique = new Set<string>();
  const references: string[] = [];
  const relationships: RelationshipInfo[] = [];
  for (let member = tree.firstNamedChild(body); member !== NONE; member = tree.nextNamedSibling(member)) {
    const assignment = assignmentOf(tree, member);
    if (assignment === NONE) continue;
    const target = tree.field(assignment, F.left);
    const value = tree.field(assignment, F.right);
    if (target === NONE || tree.type(target) !== T.identifier) continue;
    const name = tree.text(target);
    const isCall = value !== NONE && tree.type(value) === T.call;
    if (name === '__tablename__') tableName = stringValue(tree, value);
    else if (name === '__table_args__' && value !== NONE) {
      const valueType = tree.type(value);
      readTableArgs(tree, valueType === T.tuple || valueType === T.list ? tree.namedChildren(value) : [value], constrained, unique, references);
    } else if (isCall && RELATIONSHIP_CALLS.has(calleeName(tree, value) ?? '')) {
      relationships.push(relationshipOf(tree, value, tree.start(target), tree.end(target)));
    } else if (value === NONE && tree.field(assignment, F.type) !== NONE) {
      // `name: Mapped[int]` alone declares a column typed by its annotation.
      const type = typeOfMappedAnnotation(tree, tree.field(assignment, F.type));
      if (type) {
        columns.push({
          name, type, primaryKey: false, unique: false, start: tree.start(member), end: tree.end(member), nameStart: tree.start(target), nameEnd: tree.end(target),
        });
      }
    } else if (isCall && COLUMN_CALLS.has(calleeName(tree, value) ?? '')) {
      // `Column('db_name', ...)` names the database column explicitly.
      const explicit = stringValue(tree, positionalArguments(tree, value)[0] ?? NONE);
      columns.push(columnFromCall(tree, explicit ?? name, target, value, tree.start(member), tree.end(member), tree.field(assignment, F.type)));
    }
  }
  if (!tableName) return undefined;
  for (const column of columns) if (unique.has(column.name)) column.unique = true;
  return {
    tableName,
    className: tree.text(nameNode),
    columns,
    constrainedColumns: constrained,
    references: [...references, ...columnReferences(columns)],
    relationships,
    start: tree.start(statement),
    end: tree.end(statement),
    nameStart: tree.start(nameNode),
    nameEnd: tree.end(nameNode),
  };
}

function tableFromCoreCall(tree: SyntaxTree, statement: NodeId): TableInfo | undefined {
  const assignment = assignmentOf(tree, statement);
  const right = assignment === NONE ? NONE : tree.field(assignment, F.right);
  const call = right !== NONE ? right : tree.type(statement) === T.expression_statement ? tree.namedChild(statement, 0) : NONE;
  if (call === NONE || tree.type(call) !== T.call || calleeName(tree, call) !== 'Table') return undefined;
  const positional = positionalArguments(tree, call);
  const nameNode: NodeId | undefined = positional[0];
  const tableName = stringValue(tree, nameNode ?? NONE);
  if (!tableName || nameNode === undefined) return undefined;
  const columns: ColumnInfo[] = [];
  const constrained = new Set<string>();
  const unique = new Set<string>();
  const references: string[] = [];
  for (const arg of positional.slice(2)) {
    if (tree.type(arg) === T.call && calleeName(tree, arg) === 'Column') {
      const nameNode = positionalArguments(tree, arg)[0] ?? NONE;
      const name = stringValue(tree, nameNode);
      if (name) columns.push(columnFromCall(tree, name, nameNode, arg, tree.start(arg), tree.end(arg), NONE));
    }
  }
  readTableArgs(tree, positional.slice(2), constrained, unique, references);
  for (const column of columns) if (unique.has(column.name)) column.unique = true;
  return {
    tableName,
    columns,
    constrainedColumns: constrained,
    references: [...references, ...columnReferences(columns)],
    relationships: [],
    start: tree.start(statement),
    end: tree.end(statement),
    nameStart: tree.start(nameNode),
    nameEnd: tree.end(nameNode),
  };
}

/** Cheap text test: files that never mention SQLAlchemy's column constructors are skipped. */
function mayDeclareTables(textIncludes: (literal: string) => boolean): boolean {
  return textIncludes('Column(') || textIncludes('mapped_column(') || textIncludes('Table(');
}

/** The tables declared by the module's top-level statements; `textIncludes` tells whether the text contains a literal. */
export function collectTables(tree: SyntaxTree, root: NodeId, textIncludes: (literal: string) => boolean): TableInfo[] {
  if (!mayDeclareTables(textIncludes)) return [];
  const tables: TableInfo[] = [];
  for (let statement = tree.firstNamedChild(root); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
    const table = tableFromClass(tree, statement) ?? tableFromCoreCall(tree, statement);
    if (table) tables.push(table);
  }
  return tables;
}
