import * as fs from 'fs';
import * as path from 'path';
import { isNotebookPath, parseUnits, summarizeModule, WorkspaceIndex, type PythonParser, type SyntaxTree } from '@pyreview/shared-rules';
import { ConfigResolver } from './project/configResolver';
import { discoverFiles } from './project/discovery';
import { fsPath } from './project/fileNames';
import { readSource } from './project/sourceFile';

export interface IndexProgress {
  report(done: number, total: number): void;
}

/** Files above this size are not summarised: generated code, data dumps. */
const MAX_INDEXED_LENGTH = 2_000_000;

/** A workspace file's text, or undefined when it is gone, too large or binary. */
export function readWorkspaceFile(file: string): string | undefined {
  try {
    const stats = fs.statSync(fsPath(file));
    if (!stats.isFile() || stats.size > MAX_INDEXED_LENGTH) return undefined;
  } catch {
    return undefined;
  }
  const source = readSource(file);
  return typeof source === 'string' || source.text.includes('\u0000') ? undefined : source.text;
}

/** Lets queued LSP messages run between files, so indexing never delays open documents. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Keeps the workspace index: every Python file of the workspace folders
 * (honouring `.gitignore` and `exclude`), summarised one at a time and kept
 * as summaries only: a tree per file would hold far more WebAssembly memory
 * than the summaries. Open documents' summaries replace their files' on disk.
 */
export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  /** Every Python file found in the workspace folders (and since created). */
  readonly files = new Set<string>();
  private readonly open = new Set<string>();

  constructor(
    private readonly parser: PythonParser,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * The Python files of a folder, as the CLI would check them, but for
   * notebooks (their JSON is no Python source; their cells are checked when
   * opened). A configuration file's keys in error are left out (the editor
   * shows them in the file).
   */
  listFiles(folder: string): string[] {
    try {
      const { files, warnings } = discoverFiles([folder], folder, new ConfigResolver({}, folder));
      for (const warning of warnings) this.log(warning);
      return files.filter((file) => !isNotebookPath(file));
    } catch (error) {
      this.log(`pyreview: cannot list the files of ${folder}: ${(error as Error).message}`);
      return [];
    }
  }

  async indexFolders(folders: readonly string[], progress?: IndexProgress): Promise<number> {
    const files = folders.flatMap((folder) => this.listFiles(folder));
    for (const file of files) this.files.add(file);
    for (let i = 0; i < files.length; i++) {
      if (!this.open.has(files[i])) this.indexFile(files[i]);
      progress?.report(i + 1, files.length);
      await yieldToEvents();
    }
    return files.length;
  }

  /** Reads a file from disk into the index (created or changed on disk). */
  indexFile(file: string): void {
    this.files.add(file);
    const text = readWorkspaceFile(file);
    if (text === undefined) this.index.remove(file);
    else this.indexText(file, text);
  }

  /**
   * The summary of an open document, from the tree its linting uses, which
   * wins over the file on disk until it is closed.
   */
  indexOpenDocument(file: string, tree: SyntaxTree, text: string): void {
    this.open.add(file);
    this.index.update(summarizeModule(file, tree, text));
  }

  closeDocument(file: string): void {
    this.open.delete(file);
    this.indexFile(file);
  }

  removeFile(file: string): void {
    this.files.delete(file);
    if (!this.open.has(file)) this.index.remove(file);
  }

  /** Files below a folder removed from the workspace are forgotten. */
  removeFolder(folder: string): void {
    const prefix = path.resolve(folder) + path.sep;
    for (const file of [...this.files]) if (file.startsWith(prefix)) this.files.delete(file);
    this.index.removeBelow(folder);
  }

  private indexText(file: string, text: string): void {
    this.index.update(summarizeModule(file, parseUnits(this.parser, text).tree, text));
  }
}
