import * as path from 'path';
import { baseText, classBases } from '../resolution/classBases';
import { fileDefinitions } from '../syntax/definitions';
import { collectTables, type ColumnType, type TableInfo } from '../sqlalchemy/tables';
import { F, T } from '../syntax/grammar';
import { stringLiteralValue } from '../syntax/literals';
import { dottedText, fromImportNames } from '../syntax/imports';
import { NONE, type NodeId, type Segment, type SyntaxTree } from '../syntax/tree';
import { LineIndex } from '../text/lineIndex';
import { moduleNameForFile } from './modulePath';
import type { FileRange } from '../findings/finding';

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

/** A class defined at module level (also under `if`, `try`, …): what its subclasses inherit. */
export interface ClassSummary {
  name: string;
  /** Its bases as written, dotted (`driver.ComputeDriver`; `Generic[T]` is `Generic`), or the text of another expression. */
  bases: string[];
  /** The methods its body defines. */
  methods: string[];
}

/**
 * A name an import binds and the import, as the file spells it: `logging`
 * for `from oslo_log import log as logging`. Relative modules are made
 * absolute (from the file's package), so that another file can use it.
 */
export interface ImportBinding {
  binds: string;
  module: string;
  /** `from module import name`; absent for `import module`. */
  name?: string;
  /** `as alias`, when it differs from the name imported. */
  alias?: string;
  /** The import is in a function or class body: it binds the name there, not in the module. */
  local?: true;
}

/**
 * What the workspace needs to know of one file, without keeping its tree
 * (a tree is many times larger than its summary): the names it
 * defines at module level, its `__all__`, the names it imports from other
 * modules and the names its imports bind (anywhere in the file), its
 * SQLAlchemy tables, and its classes, to follow base classes from module to
 * module.
 */
export interface ModuleSummary {
  path: string;
  names: string[];
  all?: string[];
  imports: FromImport[];
  importBindings: ImportBinding[];
  tables: IndexedTable[];
  classes: ClassSummary[];
}

type Point = { row: number; column: number };

/** Points of offsets in `text`: rows are its lines, columns UTF-16 code units. */
function pointsIn(text: string): (offset: number) => Point {
  const lines = new LineIndex(text);
  return (offset) => {
    const row = lines.lineAt(offset);
    return { row, column: offset - lines.lineStart(row) };
  };
}

function rangeOf(path: string, tree: SyntaxTree, pointAt: (offset: number) => Point, start: number, end: number): FileRange {
  const first = pointAt(tree.start(tree.descendantForRange(start)));
  const last = pointAt(tree.end(tree.descendantForRange(Math.max(start, end - 1))));
  return {
    path,
    startLine: first.row,
    startCharacter: first.column,
    endLine: last.row,
    endCharacter: last.column,
  };
}

function definedName(tree: SyntaxTree, statement: NodeId): string[] {
  const definition = tree.type(statement) === T.decorated_definition ? tree.field(statement, F.definition) : statement;
  if (definition !== NONE && (tree.type(definition) === T.function_definition || tree.type(definition) === T.class_definition)) {
    const name = tree.field(definition, F.name);
    return name !== NONE && tree.text(name) ? [tree.text(name)] : [];
  }
  const assignment = tree.type(statement) === T.expression_statement ? tree.namedChild(statement, 0) : NONE;
  if (assignment !== NONE && tree.type(assignment) === T.assignment) {
    const left = tree.field(assignment, F.left);
    if (left !== NONE && tree.type(left) === T.identifier) return [tree.text(left)];
  }
  return [];
}

const EXPORT_LISTS = new Set<number>([T.list, T.tuple, T.expression_list]);

/** `__all__ = [...]`, `(...)` or `'a', 'b'` of string literals, read literally. */
function exportedNames(tree: SyntaxTree, statement: NodeId): string[] | undefined {
  const assignment = tree.type(statement) === T.expression_statement ? tree.namedChild(statement, 0) : NONE;
  if (assignment === NONE || tree.type(assignment) !== T.assignment) return undefined;
  const left = tree.field(assignment, F.left);
  if (left === NONE || tree.text(left) !== '__all__') return undefined;
  const value = tree.field(assignment, F.right);
  if (value === NONE || !EXPORT_LISTS.has(tree.type(value))) return undefined;
  return tree.namedChildren(value).flatMap((item) => stringLiteralValue(tree, item) ?? []);
}

const IMPORT_STATEMENTS = new Set<number>([T.import_statement, T.import_from_statement]);

/** Every `from … import …` of the file, functions and conditional blocks included. */
function fromImports(tree: SyntaxTree, root: NodeId): FromImport[] {
  const imports: FromImport[] = [];
  for (const statement of tree.descendantsOfType(root, T.import_from_statement)) {
    const source = tree.field(statement, F.module_name);
    if (source === NONE) continue;
    const relative = tree.type(source) === T.relative_import;
    const dotted = relative ? tree.childOfType(source, T.dotted_name) : source;
    const prefixNode = relative ? tree.childOfType(source, T.import_prefix) : NONE;
    const prefix = prefixNode === NONE ? '' : tree.text(prefixNode);
    const names = fromImportNames(tree, statement).flatMap(({ name }) => (name ? [name.replace(/\s+/g, '')] : []));
    if (tree.childOfType(statement, T.wildcard_import) !== NONE) names.push('*');
    imports.push({ level: prefix.replace(/\s+/g, '').length, module: dottedText(tree, dotted), names });
  }
  return imports;
}

/** The package a relative import of `level` dots starts from, for the module `moduleName` (`a.b.c` is in `a.b`). */
function relativeBase(moduleName: string | undefined, isPackage: boolean, level: number): string | undefined {
  if (moduleName === undefined) return undefined;
  const parts = moduleName.split('.');
  const kept = parts.length - (isPackage ? 0 : 1) - (level - 1);
  return kept > 0 ? parts.slice(0, kept).join('.') : undefined;
}

/** What every import of the file binds, functions and conditional blocks included (`__future__` and `*` imports bind nothing to suggest). */
export function importBindings(filePath: string, tree: SyntaxTree, root: NodeId): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  let moduleName: { value: string | undefined } | undefined;
  for (const statement of tree.descendantsOfType(root, IMPORT_STATEMENTS)) {
    const local = inFunctionOrClass(tree, statement) ? { local: true as const } : {};
    if (tree.type(statement) === T.import_statement) {
      for (const { name, alias } of fromImportNames(tree, statement)) {
        const module = name.replace(/\s+/g, '');
        if (!module) continue;
        if (alias && alias !== module) bindings.push({ binds: alias, module, alias, ...local });
        else bindings.push({ binds: module.split('.')[0], module, ...local });
      }
      continue;
    }
    const source = tree.field(statement, F.module_name);
    if (source === NONE) continue;
    let module: string | undefined = dottedText(tree, source);
    if (tree.type(source) === T.relative_import) {
      const prefix = tree.childOfType(source, T.import_prefix);
      const dotted = tree.childOfType(source, T.dotted_name);
      moduleName ??= { value: moduleNameForFile(filePath) };
      const base = relativeBase(moduleName.value, path.basename(filePath).startsWith('__init__.'), prefix === NONE ? 0 : dottedText(tree, prefix).length);
      module = base && (dotted === NONE ? base : `${base}.${dottedText(tree, dotted)}`);
    }
    if (!module) continue;
    for (const { name, alias } of fromImportNames(tree, statement)) {
      if (!name) continue;
      const imported = name.replace(/\s+/g, '');
      if (alias && alias !== imported) bindings.push({ binds: alias, module, name: imported, alias, ...local });
      else bindings.push({ binds: imported, module, name: imported, ...local });
    }
  }
  return bindings;
}

/** Statements whose imports bind in their own scope, not the module's. */
const DEFINITION_STATEMENTS = new Set<number>([T.function_definition, T.class_definition, T.decorated_definition]);

/** What each module-level statement's imports bind in the module, kept while the statement's segment is (for one file path). */
const moduleImportsBySegment = new WeakMap<Segment, { filePath: string; bindings: ImportBinding[] }>();

/**
 * What the imports of the file bind in the module (not in function or class
 * bodies), in document order: `importBindings` without the local ones, read
 * again only for the module-level statements an edit replaced.
 */
export function moduleImportBindings(filePath: string, tree: SyntaxTree): ImportBinding[] {
  const all: ImportBinding[] = [];
  for (let segment = tree.module.firstChild; segment; segment = segment.next) {
    for (const binding of segmentImportBindings(filePath, tree, segment)) all.push(binding);
  }
  return all;
}

/** What a module-level statement's imports bind in the module (see `moduleImportBindings`). */
export function segmentImportBindings(filePath: string, tree: SyntaxTree, segment: Segment): readonly ImportBinding[] {
  let known = moduleImportsBySegment.get(segment);
  if (known?.filePath !== filePath) {
    const statement = segment.first as NodeId;
    const bindings = DEFINITION_STATEMENTS.has(tree.type(statement)) ? [] : importBindings(filePath, tree, statement).filter((binding) => !binding.local);
    moduleImportsBySegment.set(segment, (known = { filePath, bindings }));
  }
  return known.bindings;
}

function inFunctionOrClass(tree: SyntaxTree, node: NodeId): boolean {
  for (let parent = tree.parent(node); parent !== NONE; parent = tree.parent(parent)) {
    if (tree.type(parent) === T.function_definition || tree.type(parent) === T.class_definition) return true;
  }
  return false;
}

/**
 * What a name the module binds by import refers to, as a dotted name:
 * `nova.virt.driver` for `driver` after `from nova.virt import driver`, `os`
 * after `import os.path`. The last import of the name in the module (not in a
 * function or class) counts.
 */
export function importedName(bindings: readonly ImportBinding[], name: string): string | undefined {
  for (let i = bindings.length - 1; i >= 0; i--) {
    const binding = bindings[i];
    if (binding.binds !== name || binding.local) continue;
    if (binding.name !== undefined) return `${binding.module}.${binding.name}`;
    return binding.alias !== undefined ? binding.module : binding.binds;
  }
  return undefined;
}

/** The module-level classes of a file, with their bases and methods. */
function moduleClasses(tree: SyntaxTree): ClassSummary[] {
  const classes: ClassSummary[] = [];
  const byDefinition = new Map<unknown, ClassSummary>();
  for (const definition of fileDefinitions(tree)) {
    if (definition.kind === 'class' && !definition.parent) {
      const summary = { name: definition.name, bases: classBases(tree, definition.node).map((base) => baseText(tree, base)), methods: [] };
      byDefinition.set(definition, summary);
      classes.push(summary);
    } else if (definition.kind === 'function' && definition.parent) {
      byDefinition.get(definition.parent)?.methods.push(definition.name);
    }
  }
  return classes;
}

export function summarizeModule(path: string, tree: SyntaxTree, text: string): ModuleSummary {
  const names: string[] = [];
  let all: string[] | undefined;
  for (let statement = tree.firstNamedChild(tree.root); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
    names.push(...definedName(tree, statement));
    all = exportedNames(tree, statement) ?? all;
  }
  return {
    path,
    names,
    all,
    imports: fromImports(tree, tree.root),
    importBindings: importBindings(path, tree, tree.root),
    tables: indexTables(path, tree, collectTables(tree, tree.root, (literal) => text.includes(literal))),
    classes: moduleClasses(tree),
  };
}

/** Tables without their nodes, as the index keeps them. */
export function indexTables(path: string, tree: SyntaxTree, tables: readonly TableInfo[]): IndexedTable[] {
  if (!tables.length) return [];
  const pointAt = pointsIn(tree.source.toString());
  return tables.map((table) => ({
    tableName: table.tableName,
    className: table.className,
    columns: table.columns.map(({ name, type, primaryKey, unique, foreignKey }) => ({ name, type, primaryKey, unique, foreignKey })),
    references: table.references,
    location: rangeOf(path, tree, pointAt, table.nameStart, table.nameEnd),
  }));
}
