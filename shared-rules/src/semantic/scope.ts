import type { NodeId } from '../syntax/tree';

export type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'generator' | 'type-params';

export type BindingKind =
  | 'builtin'
  | 'argument'
  /** `x = …`, `x += …`, `with … as x`, `except … as x`, match captures: checked for being unused. */
  | 'assignment'
  | 'named-expr'
  /** `x: int` without a value: not a value, except in postponed annotations. */
  | 'annotation'
  /** Loop targets, unpacking: never reported as unused. */
  | 'plain'
  | 'export'
  | 'function'
  | 'class'
  | 'import'
  | 'submodule-import'
  | 'from-import'
  | 'star-import'
  | 'future-import'
  | 'type-param'
  | 'type-alias'
  | 'global';

/** The last use of a binding: the scope it happened in and the referencing node. */
export interface Use {
  scope: Scope;
  node: NodeId | undefined;
}

/** Where a name occurs: `node` is the identifier (or import item, for imports). */
export interface Reference {
  node: NodeId;
  /** The scope the occurrence is in. */
  scope: Scope;
  kind: 'load' | 'store' | 'delete' | 'declaration';
  /** Inside a string annotation or type comment: that string or comment (`node` is then relative to its value). */
  host?: NodeId;
}

/**
 * One name of one scope across all its bindings (Python's notion of a
 * variable): every place it is stored, read, deleted or declared
 * `global`/`nonlocal`. Scopes declaring the name `global`/`nonlocal` share the
 * variable of the scope it belongs to. The basis of renaming.
 */
export interface Variable {
  name: string;
  scope: Scope;
  references: Reference[];
}

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The variable the binding belongs to (builtins get one when first read). */
  variable?: Variable;
  /**
   * What defines the name: the identifier for stores, the whole statement for
   * imports, `def` and `class` statements, the `except` clause.
   */
  source: NodeId | undefined;
  /** For imports: the imported name (`dotted_name`, `aliased_import`); findings point at it. */
  nameNode?: NodeId;
  used: Use | undefined;
  /** Imports: the dotted name as written (`os.path`, `pkg.mod.name`). */
  fullName?: string;
  /** From-imports: the module text (`..pkg`) and the imported name before `as`. */
  module?: string;
  realName?: string;
  /** Imports redefined in an inner scope while unused (reported with the import). */
  redefined: NodeId[];
  /** `__all__`: the names it lists. */
  exportNames?: string[];
  /** Whether the store is the target of a `for` loop. */
  forTarget?: boolean;
}

export class Scope {
  readonly bindings = new Map<string, Binding>();
  /** Every name stored, deleted or declared in the scope, even once unbound. */
  readonly variables = new Map<string, Variable>();
  /** Function and lambda scopes: the parameters, in order. */
  readonly parameters: Binding[] = [];
  importStarred = false;
  /** The names of its star imports' bindings (`module.*`, which nothing else binds), in the order they were bound. */
  private readonly starImportNames = new Set<string>();
  /** Whether it ever bound an import or `__all__`: only such scopes have anything to report once closed (see `reportDeadScopes`). */
  bindsImportsOrExports = false;
  /** Function scopes: a `locals()` call makes every local used. */
  usesLocals = false;
  /** Function scopes: names never reported as unused (traceback helpers). */
  readonly alwaysUsed: ReadonlySet<string> = ALWAYS_USED;
  /** While set: the names bound or unbound (the module's during the deferred work, see `ModuleNameChanges`). */
  changed: Set<string> | undefined;

  constructor(
    readonly kind: ScopeKind,
    /** The node opening the scope (module, function, lambda, class, comprehension). */
    readonly node: NodeId,
    /** The enclosing scope (re-attached when a memoized function is replayed in a new build). */
    public parent: Scope | undefined,
  ) {}

  /** The scope's variable `name`, created on first use. */
  variable(name: string): Variable {
    let variable = this.variables.get(name);
    if (!variable) this.variables.set(name, (variable = { name, scope: this, references: [] }));
    return variable;
  }

  /** Binds `binding` under its name; a scope's star imports, and whether it has imports at all, are known without a look at every binding. */
  bind(binding: Binding): void {
    this.bindings.set(binding.name, binding);
    this.changed?.add(binding.name);
    if (binding.kind === 'star-import') this.starImportNames.add(binding.name);
    if (binding.kind === 'export' || isImport(binding)) this.bindsImportsOrExports = true;
  }

  /** Unbinds `name`; false when it was not bound. */
  unbind(name: string): boolean {
    this.changed?.add(name);
    return this.bindings.delete(name);
  }

  /** Forgets its names (a released build's module, which memos' scopes still name as their parent until they are replayed again). */
  forgetNames(): void {
    this.bindings.clear();
    this.variables.clear();
  }

  /** The star-import bindings of the scope (see `bind`). */
  starImports(): Binding[] {
    const found: Binding[] = [];
    for (const name of this.starImportNames) {
      const binding = this.bindings.get(name);
      if (binding?.kind === 'star-import') found.push(binding);
    }
    return found;
  }

  get isFunction(): boolean {
    return this.kind === 'function' || this.kind === 'lambda';
  }
}

const ALWAYS_USED: ReadonlySet<string> = new Set(['__tracebackhide__', '__traceback_info__', '__traceback_supplement__']);

const IMPORT_KINDS: ReadonlySet<BindingKind> = new Set(['import', 'submodule-import', 'from-import', 'star-import', 'future-import']);
const DEFINITION_KINDS: ReadonlySet<BindingKind> = new Set(['builtin', 'function', 'class', ...IMPORT_KINDS]);

export function isImport(binding: Binding): boolean {
  return IMPORT_KINDS.has(binding.kind);
}

export function isDefinition(binding: Binding): boolean {
  return DEFINITION_KINDS.has(binding.kind);
}

/** Whether a new binding replaces an existing definition (the basis of F811). */
export function redefines(value: Binding, other: Binding): boolean {
  if (value.kind === 'annotation') return false;
  if (value.kind === 'submodule-import' && isImport(other)) return value.fullName === other.fullName;
  if (isImport(value) && other.kind === 'submodule-import') return value.fullName === other.fullName;
  return isDefinition(other) && value.name === other.name;
}

/** Whether an import needs `as`: its binding differs from the last part of the dotted name. */
export function hasAlias(binding: Binding): boolean {
  const full = binding.fullName ?? binding.name;
  return full.slice(full.lastIndexOf('.') + 1) !== binding.name;
}

/** How pyflakes names an import in its messages (`os.path`, `a.b as c`, `x.*`). */
export function importDisplayName(binding: Binding): string {
  const full = binding.fullName ?? binding.name;
  switch (binding.kind) {
    case 'import':
      return hasAlias(binding) ? `${full} as ${binding.name}` : full;
    case 'from-import':
    case 'future-import':
      return binding.realName !== binding.name ? `${full} as ${binding.name}` : full;
    case 'star-import':
      return full.endsWith('.') ? `from ${full} import *` : `${full}.*`;
    default:
      return full;
  }
}
