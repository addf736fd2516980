import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { fsPath } from './fileNames';

interface IgnoreFile {
  /** The directory the file's patterns are relative to. */
  base: string;
  rules: Ignore;
}

function readIgnoreFile(base: string, file: string): IgnoreFile | undefined {
  let source: string;
  try {
    source = fs.readFileSync(fsPath(file), 'utf8');
  } catch {
    return undefined;
  }
  return { base, rules: ignore().add(source) };
}

function gitRoot(directory: string): string | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    if (fs.existsSync(fsPath(path.join(current, '.git')))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The `.gitignore` files in force in one directory, outermost first. Like
 * git, a deeper file's rules (negations included) win over an outer one's.
 */
export class GitignoreScope {
  private constructor(private readonly files: readonly IgnoreFile[]) {}

  /**
   * The scope of a directory the walk starts in: the ignore files of its
   * ancestors up to the repository root (none outside a repository) and
   * `.git/info/exclude`, then its own.
   */
  static at(directory: string): GitignoreScope {
    const root = gitRoot(directory);
    const files: IgnoreFile[] = [];
    if (root) {
      const exclude = readIgnoreFile(root, path.join(root, '.git', 'info', 'exclude'));
      if (exclude) files.push(exclude);
      const ancestors: string[] = [];
      for (let current = directory; current !== root; ) {
        current = path.dirname(current);
        ancestors.unshift(current);
      }
      for (const ancestor of ancestors) {
        const file = readIgnoreFile(ancestor, path.join(ancestor, '.gitignore'));
        if (file) files.push(file);
      }
    }
    return new GitignoreScope(files).enter(directory);
  }

  /** The scope inside `directory`, a child of this scope's directory. */
  enter(directory: string): GitignoreScope {
    const own = readIgnoreFile(directory, path.join(directory, '.gitignore'));
    return own ? new GitignoreScope([...this.files, own]) : this;
  }

  ignores(entry: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const { base, rules } of this.files) {
      const relative = path.relative(base, entry).split(path.sep).join('/');
      if (!relative || relative === '..' || relative.startsWith('../')) continue;
      const result = rules.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}
