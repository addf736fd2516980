import * as fs from 'fs';
import * as path from 'path';
import type { ConfigResolver } from './configResolver';
import { decodeFileName, fsPath } from './fileNames';
import { GitignoreScope } from './gitignore';
import { UsageError } from './usageError';

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Directories that could not be read. */
  warnings: string[];
}

/**
 * Finds the Python files to check. Files named on the command line are always
 * checked; inside directories, `.gitignore` files and the configured
 * `exclude` patterns are honoured and only the files `include` names are
 * taken (`*.py`, `*.pyi` and Jupyter notebooks, `*.ipynb`, unless configured).
 */
export function discoverFiles(args: readonly string[], cwd: string, configs: ConfigResolver): Discovery {
  const found = new Set<string>();
  const warnings: string[] = [];

  const walk = (directory: string, scope: GitignoreScope): void => {
    let entries: Array<{ name: string; entry: fs.Dirent<Buffer> }>;
    try {
      // Names as bytes: a name that is not UTF-8 is kept exactly (see fileNames.ts).
      entries = fs.readdirSync(fsPath(directory), { withFileTypes: true, encoding: 'buffer' }).map((entry) => ({ name: decodeFileName(entry.name), entry }));
    } catch (error) {
      warnings.push(`cannot read directory ${directory}: ${(error as Error).message}`);
      return;
    }
    const config = configs.forDirectory(directory);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, entry } of entries) {
      const full = path.join(directory, name);
      // Symbolic links to directories are not followed: they can loop.
      const isDirectory = entry.isDirectory();
      const isFile = entry.isFile() || (entry.isSymbolicLink() && isRegularFile(full));
      if (!isDirectory && !(isFile && config.isIncluded(full))) continue;
      if (scope.ignores(full, isDirectory) || config.isExcluded(full)) continue;
      if (isDirectory) walk(full, scope.enter(full));
      else found.add(full);
    }
  };

  for (const arg of args.length ? args : ['.']) {
    const full = path.resolve(cwd, arg);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(full);
    } catch {
      throw new UsageError(`${arg}: no such file or directory`);
    }
    if (stats.isDirectory()) walk(full, GitignoreScope.at(full));
    else found.add(full);
  }
  return { files: [...found].sort(), warnings };
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(fsPath(file)).isFile();
  } catch {
    return false;
  }
}
