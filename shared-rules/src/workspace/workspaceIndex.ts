import * as path from 'path';
import type { IndexedTable, ModuleSummary } from './moduleSummary';

/**
 * Per-file summaries of every Python file of the workspace. The server and
 * the CLI feed it files; rules read it through their context, so a rule never
 * knows where it runs. Open documents replace their file's summary.
 */
export class WorkspaceIndex {
  private readonly modules = new Map<string, ModuleSummary>();

  update(summary: ModuleSummary): void {
    this.modules.set(path.resolve(summary.path), summary);
  }

  remove(filePath: string): void {
    this.modules.delete(path.resolve(filePath));
  }

  /** Drops every file below a folder (a folder deleted or removed from the workspace). */
  removeBelow(folder: string): void {
    const prefix = path.resolve(folder) + path.sep;
    for (const key of this.modules.keys()) if (key.startsWith(prefix)) this.modules.delete(key);
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

  /** Files that define `name` at module level or export it through `__all__`. */
  modulesDefining(name: string): ModuleSummary[] {
    return [...this.modules.values()].filter((summary) => (summary.all ? summary.all.includes(name) : summary.names.includes(name)));
  }
}
