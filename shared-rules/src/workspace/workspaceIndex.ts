import * as path from 'path';
import { outsideClassMethods } from './knownClasses';
import { importedName, type ClassSummary, type ImportBinding, type IndexedTable, type ModuleSummary } from './moduleSummary';
import { moduleNameForFile } from './modulePath';

/** Who imports which names from a module: keyed by the module's file (relative imports) or `module:` + its dotted name. */
type Importers = Map<string, Array<{ path: string; names: readonly string[] }>>;

/** The files a relative import may name: `from ..a.b import x` in `p/q/m.py` is `p/a/b.py` or `p/a/b/__init__.py`. */
function relativeTargets(importer: string, level: number, module: string): string[] {
  let directory = path.dirname(importer);
  for (let up = 1; up < level; up++) directory = path.dirname(directory);
  if (!module) return [path.join(directory, '__init__.py')];
  const base = path.join(directory, ...module.split('.'));
  return [`${base}.py`, path.join(base, '__init__.py')];
}

/** An import binding as one key: `module`, `module:name` and ` as alias`. */
function bindingKey({ module, name, alias }: ImportBinding): string {
  return `${module}${name ? `:${name}` : ''}${alias ? ` as ${alias}` : ''}`;
}

/** A class defined in a file of the workspace. */
interface WorkspaceClass {
  kind: 'workspace';
  path: string;
  cls: ClassSummary;
}

/** A class the workspace does not define (or that cannot be followed): its qualified name as far as imports tell (`ast.NodeVisitor`), else its text. */
interface OutsideClass {
  kind: 'outside';
  name: string;
}

/** What a class and the classes it extends, directly or not, tell about one method and their names. */
export interface Ancestry {
  /** One of them defines the method asked about. */
  defines: boolean;
  /** One of them is from outside the workspace, with methods nobody here knows. */
  unknownMethods: boolean;
  /** Their names (the last part: `NodeVisitor`) that end with one of the endings asked about. */
  names: string[];
}

/** How many imports between workspace modules a class is followed through (re-exports of re-exports). */
const MAX_REEXPORTS = 8;
/** How many levels of bases are followed. */
export const MAX_BASE_DEPTH = 10;

/** Adds what one class tells to an ancestry. */
export function addToAncestry(ancestry: Ancestry, name: string, methods: readonly string[] | undefined, method: string, endings: readonly string[]): void {
  if (methods === undefined) ancestry.unknownMethods = true;
  else if (methods.includes(method)) ancestry.defines = true;
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (endings.some((ending) => last.endsWith(ending)) && !ancestry.names.includes(last)) ancestry.names.push(last);
}

/** The class a module binds to `name` last. */
function lastClassNamed(summary: ModuleSummary, name: string): ClassSummary | undefined {
  for (let i = summary.classes.length - 1; i >= 0; i--) if (summary.classes[i].name === name) return summary.classes[i];
  return undefined;
}

/** How many times each index changed (see `workspaceRevision`). */
const revisions = new WeakMap<WorkspaceIndex, number>();

/**
 * How many times an index changed, for answers kept while it does not;
 * undefined for what is not an index itself (a proxy recording the questions
 * asked of one, whose changes it cannot tell: answers from it are not kept).
 */
export function workspaceRevision(index: WorkspaceIndex): number | undefined {
  return revisions.get(index);
}

/**
 * Per-file summaries of every Python file of the workspace. The server and
 * the CLI feed it files; rules read it through their context, so a rule never
 * knows where it runs. Open documents replace their file's summary.
 */
export class WorkspaceIndex {
  private readonly modules = new Map<string, ModuleSummary>();
  /** Built on first use after a change: rules ask it for each file checked. */
  private importers: Importers | undefined;
  private packages: string[] | undefined;
  /** By name bound: each import binding it, by its spelling, and the files using it. Built on first use after a change. */
  private bindings: Map<string, Map<string, { binding: ImportBinding; files: string[] }>> | undefined;
  /** Files by dotted module name, built on first use after files were added or removed (it reads package layouts on disk). */
  private modulePaths: Map<string, string> | undefined;

  constructor() {
    revisions.set(this, 0);
  }

  update(summary: ModuleSummary): void {
    const key = path.resolve(summary.path);
    if (!this.modules.has(key)) this.modulePaths = undefined;
    this.modules.set(key, summary);
    this.changed();
  }

  remove(filePath: string): void {
    this.modules.delete(path.resolve(filePath));
    this.modulePaths = undefined;
    this.changed();
  }

  /** Drops every file below a folder (a folder deleted or removed from the workspace). */
  removeBelow(folder: string): void {
    const prefix = path.resolve(folder) + path.sep;
    for (const key of this.modules.keys()) if (key.startsWith(prefix)) this.modules.delete(key);
    this.modulePaths = undefined;
    this.changed();
  }

  private changed(): void {
    revisions.set(this, revisions.get(this)! + 1);
    this.importers = undefined;
    this.packages = undefined;
    this.bindings = undefined;
  }

  get size(): number {
    return this.modules.size;
  }

  has(filePath: string): boolean {
    return this.modules.has(path.resolve(filePath));
  }

  /** Tables of every file except `excludedPath` (the file being checked, whose own tables are read fresh). */
  *tables(excludedPath?: string): Iterable<IndexedTable> {
    const excluded = excludedPath && path.resolve(excludedPath);
    for (const [key, summary] of this.modules) {
      if (key !== excluded) yield* summary.tables;
    }
  }

  /**
   * For each of `names`, the other files that import it from the module at
   * `filePath` with `from … import` (a `*` import counts for public names
   * when the module has no `__all__`).
   * Imports of the module object itself (`import pkg.mod`, then
   * `pkg.mod.name`) are not seen.
   */
  importersOf(filePath: string, names: readonly string[]): Map<string, string[]> {
    const here = path.resolve(filePath);
    const moduleName = moduleNameForFile(here);
    const entries = [here, ...(moduleName ? [`module:${moduleName}`] : [])].flatMap((key) => this.importerMap().get(key) ?? []);
    // With an `__all__`, `*` imports only its names, which are not unused.
    const starImportsAll = !this.modules.get(here)?.all;
    const result = new Map<string, string[]>();
    for (const name of names) {
      const viaStar = starImportsAll && !name.startsWith('_');
      const files = entries.filter((entry) => entry.path !== here && (entry.names.includes(name) || (viaStar && entry.names.includes('*'))));
      result.set(name, [...new Set(files.map((entry) => entry.path))].sort());
    }
    return result;
  }

  private importerMap(): Importers {
    if (this.importers) return this.importers;
    const importers: Importers = new Map();
    const add = (key: string, entry: { path: string; names: readonly string[] }): void => {
      const list = importers.get(key);
      if (list) list.push(entry);
      else importers.set(key, [entry]);
    };
    for (const [file, summary] of this.modules) {
      for (const { level, module, names } of summary.imports) {
        const keys = level ? relativeTargets(file, level, module) : [`module:${module}`];
        for (const key of keys) add(key, { path: file, names });
      }
    }
    this.importers = importers;
    return importers;
  }

  /**
   * The workspace's own top-level packages, sorted: directories with an
   * `__init__.py` whose parent has none (`placement/__init__.py` → `placement`).
   * Import sorting counts them as first-party, as isort and Ruff find a
   * project's packages in its source folders.
   */
  topLevelPackages(): string[] {
    if (this.packages) return this.packages;
    const packages = new Set<string>();
    for (const file of this.modules.keys()) {
      if (!/^__init__\.pyi?$/.test(path.basename(file))) continue;
      const directory = path.dirname(file);
      const parent = path.dirname(directory);
      if (!this.modules.has(path.join(parent, '__init__.py')) && !this.modules.has(path.join(parent, '__init__.pyi'))) packages.add(path.basename(directory));
    }
    this.packages = [...packages].filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)).sort();
    return this.packages;
  }

  /**
   * How the files other than `filePath` import `name`: each import that binds
   * it (`from oslo_log import log as logging` for `logging`) with the number
   * of files using it, and of those in `filePath`'s directory. The most used
   * nearby come first (`base` is `nova.objects.base` next to the objects),
   * then the most used, then by module.
   */
  importsBinding(name: string, filePath: string): Array<{ binding: ImportBinding; files: number; nearby: number }> {
    const here = path.resolve(filePath);
    const directory = path.dirname(here);
    const found = this.bindingMap().get(name);
    if (!found) return [];
    return [...found.values()]
      .map(({ binding, files }) => {
        const others = files.filter((file) => file !== here);
        return { binding, files: others.length, nearby: others.filter((file) => path.dirname(file) === directory).length };
      })
      .filter(({ files }) => files > 0)
      .sort((a, b) => b.nearby - a.nearby || b.files - a.files || bindingKey(a.binding).localeCompare(bindingKey(b.binding)));
  }

  /**
   * The ancestry of the class a dotted name refers to, with attributes after
   * it (`'nova.virt.driver', ['ComputeDriver']` for `driver.ComputeDriver`
   * after `from nova.virt import driver`: see `importedName`), the class
   * itself included: whether one of them defines `method`, whether one comes
   * from outside the workspace with unknown methods, and which of their names
   * end with `endings`. Classes are followed through the imports of workspace
   * modules. The answer is small and changes only when it matters, so a file
   * that asked is checked again only then (see the CLI's recorded questions).
   */
  ancestry(target: string, attributes: readonly string[], method: string, endings: readonly string[]): Ancestry {
    const ancestry: Ancestry = { defines: false, unknownMethods: false, names: [] };
    let level = [this.classAt(target, attributes)];
    const seen = new Set<string>();
    for (let depth = 0; depth < MAX_BASE_DEPTH && level.length; depth++) {
      const next: Array<WorkspaceClass | OutsideClass> = [];
      for (const cls of level) {
        const key = cls.kind === 'workspace' ? `${cls.path}\u0000${cls.cls.name}` : cls.name;
        if (seen.has(key)) continue;
        seen.add(key);
        if (cls.kind === 'outside') {
          addToAncestry(ancestry, cls.name, outsideClassMethods(cls.name), method, endings);
          continue;
        }
        addToAncestry(ancestry, cls.cls.name, cls.cls.methods, method, endings);
        for (const base of cls.cls.bases) next.push(this.baseOf(cls.path, cls.cls.name, base));
      }
      level = next;
    }
    return ancestry;
  }

  /** The workspace class a dotted name refers to, else the class outside as the name says. */
  private classAt(target: string, attributes: readonly string[]): WorkspaceClass | OutsideClass {
    return this.resolve([...target.split('.'), ...attributes], 0) ?? { kind: 'outside', name: [target, ...attributes].join('.') };
  }

  /** What a base of a class of the workspace file at `here` refers to, as the class `className` writes it (`Base`, `driver.ComputeDriver`). */
  private baseOf(here: string, className: string, base: string): WorkspaceClass | OutsideClass {
    const summary = this.modules.get(here);
    const parts = base.split('.');
    if (!summary || !parts.every((part) => /^[^\W\d]\w*$/u.test(part))) return { kind: 'outside', name: base };
    // `class Base(Base)` extends the `Base` it imports, not itself.
    const own = parts.length === 1 && parts[0] !== className ? lastClassNamed(summary, parts[0]) : undefined;
    if (own) return { kind: 'workspace', path: here, cls: own };
    const target = importedName(summary.importBindings, parts[0]);
    return target === undefined ? { kind: 'outside', name: base } : this.classAt(target, parts.slice(1));
  }

  /** The class the dotted `parts` name, after `depth` re-exports. */
  private resolve(parts: readonly string[], depth: number): WorkspaceClass | undefined {
    const module = this.moduleOf(parts);
    const summary = module && this.modules.get(module.path);
    if (!module || !summary) return undefined;
    const [name, ...attributes] = module.rest;
    if (!attributes.length) {
      const cls = lastClassNamed(summary, name);
      if (cls) return { kind: 'workspace', path: module.path, cls };
    }
    const target = importedName(summary.importBindings, name);
    if (target === undefined || depth >= MAX_REEXPORTS) return undefined;
    return this.resolve([...target.split('.'), ...attributes], depth + 1);
  }

  /** The workspace file of the longest module `parts` starts with, and the names after it (at least one). */
  private moduleOf(parts: readonly string[]): { path: string; rest: string[] } | undefined {
    const paths = this.modulePathsByName();
    for (let length = parts.length - 1; length > 0; length--) {
      const found = paths.get(parts.slice(0, length).join('.'));
      if (found) return { path: found, rest: parts.slice(length) };
    }
    return undefined;
  }

  private modulePathsByName(): Map<string, string> {
    if (!this.modulePaths) {
      this.modulePaths = new Map();
      for (const file of this.modules.keys()) {
        const name = moduleNameForFile(file);
        if (name !== undefined) this.modulePaths.set(name, file);
      }
    }
    return this.modulePaths;
  }

  private bindingMap(): Map<string, Map<string, { binding: ImportBinding; files: string[] }>> {
    if (this.bindings) return this.bindings;
    const bindings = new Map<string, Map<string, { binding: ImportBinding; files: string[] }>>();
    for (const [file, summary] of this.modules) {
      for (const binding of summary.importBindings) {
        let spellings = bindings.get(binding.binds);
        if (!spellings) bindings.set(binding.binds, (spellings = new Map()));
        const key = bindingKey(binding);
        const entry = spellings.get(key);
        if (!entry) spellings.set(key, { binding, files: [file] });
        else if (entry.files[entry.files.length - 1] !== file) entry.files.push(file);
      }
    }
    this.bindings = bindings;
    return bindings;
  }

  /** Files that define `name` at module level or export it through `__all__`. */
  modulesDefining(name: string): ModuleSummary[] {
    return [...this.modules.values()].filter((summary) => (summary.all ? summary.all.includes(name) : summary.names.includes(name)));
  }
}
