import type { Parser, Tree } from 'web-tree-sitter';
import type { Rule } from '../rules/rule';
import { parserInput } from '../parsing/parserInput';
import type { ResolvedSettings } from '../config/settings';
import { Linter, type LintResult } from './linter';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface SourceFile {
  text: string;
  filePath: string;
  relativePath?: string;
  settings: ResolvedSettings;
  workspace?: WorkspaceIndex;
}

export interface CheckedSource extends LintResult {
  /** Whether the parser found syntax errors. */
  hasSyntaxError: boolean;
}

/** One-shot checking of whole texts (CLI, fix loops): parse, lint, free the tree. */
export class SourceChecker {
  constructor(
    private readonly parser: Parser,
    private readonly rules: readonly Rule[],
  ) {}

  /** `inspect` sees the tree before it is freed (the CLI summarizes files for the workspace index from it). */
  check(source: SourceFile, inspect?: (tree: Tree) => void): CheckedSource {
    const tree = this.parser.parse(parserInput(source.text));
    if (!tree) throw new Error(`the parser gave up on ${source.filePath}`);
    try {
      inspect?.(tree);
      const result = new Linter(this.rules).lint({ ...source, tree });
      return { ...result, hasSyntaxError: tree.rootNode.hasError };
    } finally {
      tree.delete();
    }
  }
}
