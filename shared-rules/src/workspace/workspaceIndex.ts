import * as path from 'path';
import { outsideClassMethods } from './knownClasses';
import type { ClassSummary, IndexedTable, ModuleSummary } from './moduleSummary';
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

/**
 * An import's qualified name (`ModuleSummary.importTargets`) as a level and
 * dotted parts. A relative `from` import writes one dot more when it names
 * no module: `from . import x` is `..x` (level 1, `x`), `from .a import x` is
 * `.a.x` (level 1, `a.x`), so one part means one dot less.
 */
function parseTarget(target: string): { level: number; parts: string[] } {
  const dots = /^\.*/.exec(target)![0].length;
  const parts = target.slice(dots).split('.').filter(Boolean);
  return { level: dots > 0 && parts.length === 1 ? dots - 1 : dots, parts };
}

/** The class a module binds to `name` last. */
function lastClassNamed(summary: ModuleSummary, name: string): ClassSummary | undefined {
  for (let i = summary.classes.length - 1; i >= 0; i--) if (summary.classes[i].name === name) return summary.classes[i];
  return undefined;
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
  /** Files by dotted module name, built on first use after files were added or removed (it reads package layouts on disk). */
  private modulePaths: Map<string, string> | undefined;

  update(summary: ModuleSummary): void {
    const key = path.resolve(summary.path);
    if (!this.modules.has(key)) this.modulePaths = undefined;
    this.modules.set(key, summary);
    this.importers = undefined;
  }

  remove(filePath: string): void {
    this.modules.delete(path.resolve(filePath));
    this.importers = undefined;
    this.modulePaths = undefined;
  }

  /** Drops every file below a folder (a folder deleted or removed from the workspace). */
  removeBelow(folder: string): void {
    const prefix = path.resolve(folder) + path.sep;
    for (const key of this.modules.keys()) if (key.startsWith(prefix)) this.modules.delete(key);
    this.importers = undefined;
    this.modulePaths = undefined;
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
   * The ancestry of the class an import of `importer` names, with
   * attributes after it (`'nova.virt.driver', ['ComputeDriver']` for
   * `driver.ComputeDriver` after `from nova.virt import driver`; relative
   * targets such as `..base.Base` start from `importer`), the class itself
   * included: whether one of them defines `method`, whether one comes from
   * outside the workspace with unknown methods, and which of their names end
   * with `endings`. Classes are followed through the imports of workspace
   * modules. The answer is small and changes only when it matters, so a file
   * that asked is checked again only then (see the CLI's recorded questions).
   */
  ancestry(importer: string, target: string, attributes: readonly string[], method: string, endings: readonly string[]): Ancestry {
    const ancestry: Ancestry = { defines: false, unknownMethods: false, names: [] };
    let level = [this.classAt(path.resolve(importer), target, attributes)];
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

  /** The workspace class an import names, else the class outside as named by the import. */
  private classAt(importer: string, target: string, attributes: readonly string[]): WorkspaceClass | OutsideClass {
    const { level, parts } = parseTarget(target);
    return this.resolve(importer, level, [...parts, ...attributes], 0) ?? { kind: 'outside', name: [target, ...attributes].join('.') };
  }

  /** What a base of a class of the workspace file at `here` refers to, as the class `className` writes it (`Base`, `driver.ComputeDriver`). */
  private baseOf(here: string, className: string, base: string): WorkspaceClass | OutsideClass {
    const summary = this.modules.get(here);
    const parts = base.split('.');
    if (!summary || !parts.every((part) => /^[^\W\d]\w*$/u.test(part))) return { kind: 'outside', name: base };
    // `class Base(Base)` extends the `Base` it imports, not itself.
    const own = parts.length === 1 && parts[0] !== className ? lastClassNamed(summary, parts[0]) : undefined;
    if (own) return { kind: 'workspace', path: here, cls: own };
    const target = summary.importTargets[parts[0]];
    return target === undefined ? { kind: 'outside', name: base } : this.classAt(here, target, parts.slice(1));
  }

  /** The class `parts` names, starting `level` packages above `importer` (0: an absolute name), after `depth` re-exports. */
  private resolve(importer: string, level: number, parts: readonly string[], depth: number): WorkspaceClass | undefined {
    const module = this.moduleOf(importer, level, parts);
    const summary = module && this.modules.get(module.path);
    if (!module || !summary || !module.rest.length) return undefined;
    const [name, ...attributes] = module.rest;
    if (!attributes.length) {
      const cls = lastClassNamed(summary, name);
      if (cls) return { kind: 'workspace', path: module.path, cls };
    }
    const target = summary.importTargets[name];
    if (target === undefined || depth >= MAX_REEXPORTS) return undefined;
    const next = parseTarget(target);
    return this.resolve(module.path, next.level, [...next.parts, ...attributes], depth + 1);
  }

  /** The workspace file of the longest module `parts` starts with, and the names after it. */
  private moduleOf(importer: string, level: number, parts: readonly string[]): { path: string; rest: string[] } | undefined {
    if (level === 0) {
      const paths = this.modulePathsByName();
      for (let length = parts.length - 1; length > 0; length--) {
        const found = paths.get(parts.slice(0, length).join('.'));
        if (found) return { path: found, rest: parts.slice(length) };
      }
      return undefined;
    }
    let directory = path.dirname(importer);
    for (let up = 1; up < level; up++) directory = path.dirname(directory);
    for (let length = parts.length - 1; length >= 0; length--) {
      const base = path.join(directory, ...parts.slice(0, length));
      const candidates = length ? [`${base}.py`, path.join(base, '__init__.py')] : [path.join(directory, '__init__.py')];
      const found = candidates.find((candidate) => this.modules.has(candidate));
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

  /** Files that define `name` at module level or export it through `__all__`. */
  modulesDefining(name: string): ModuleSummary[] {
    return [...this.modules.values()].filter((summary) => (summary.all ? summary.all.includes(name) : summary.names.includes(name)));
  }
}
