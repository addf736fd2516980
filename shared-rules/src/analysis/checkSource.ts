import type { Rule } from './rule';
import type { ResolvedSettings } from '../config/settings';
import type { PythonParser } from '../parsing/parser';
import type { SyntaxTree } from '../syntax/tree';
import { Linter, type LintResult } from './linter';
import { parseUnits } from './units';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface SourceFile {
  text: string;
  filePath: string;
  relativePath?: string;
  settings: ResolvedSettings;
  workspace?: WorkspaceIndex;
  /** How messages name lines (see `LintInput.lineName`). */
  lineName?: (offset: number) => string;
}

export interface CheckedSource extends LintResult {
  /** Whether the parser found syntax errors. */
  hasSyntaxError: boolean;
}

/** One-shot checking of whole texts (CLI, fix loops): parse, copy, free the parse, lint. */
export class SourceChecker {
  constructor(
    private readonly parser: PythonParser,
    private readonly rules: readonly Rule[],
  ) {}

  /** `inspect` sees the syntax tree after the lint (the CLI summarizes files for the workspace index from it). */
  check(source: SourceFile, inspect?: (tree: SyntaxTree) => void): CheckedSource {
    const units = parseUnits(this.parser, source.text);
    const result = new Linter(this.rules).lint({ ...source, units });
    inspect?.(units.tree);
    const hasSyntaxError = units.tree.hasError(units.tree.root);
    units.tree.dispose();
    return { ...result, hasSyntaxError };
  }
}
