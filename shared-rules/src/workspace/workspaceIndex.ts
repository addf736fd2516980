import * as path from 'path';
import type { ImportBinding, IndexedTable, ModuleSummary } from './moduleSummary';
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

/**
 * Per-file summaries of every Python file of the workspace. The server and
 * the CLI feed it files; rules read it through their context, so a rule never
 * knows where it runs. Open documents replace their file's summary.
 */
export class WorkspaceIndex {
  private readonly modules = new Map<string, ModuleSummary>();
  /** Built on first use after a change: rules ask it for each file checked. */
  private importers: Importers | undefined;
  /** By name bound: each import binding it, by its spelling, and the files using it. Built on first use after a change. */
  private bindings: Map<string, Map<string, { binding: ImportBinding; files: string[] }>> | undefined;

  update(summary: ModuleSummary): void {
    this.modules.set(path.resolve(summary.path), summary);
    this.changed();
  }

  remove(filePath: string): void {
    this.modules.delete(path.resolve(filePath));
    this.changed();
  }

  /** Drops every file below a folder (a folder deleted or removed from the workspace). */
  removeBelow(folder: string): void {
    const prefix = path.resolve(folder) + path.sep;
    for (const key of this.modules.keys()) if (key.startsWith(prefix)) this.modules.delete(key);
    this.changed();
  }

  private changed(): void {
    this.importers = undefined;
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
