import type { NodeId, SyntaxTree } from '../syntax/tree';
import type { LineIndex } from '../text/lineIndex';
import type { ResolvedSettings } from '../config/settings';
import type { SemanticModel } from '../semantic/model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { TextChange } from '../text/dirtyRegion';
import type { Finding } from '../findings/finding';
import type { RuleMeta } from '../findings/ruleMeta';
import type { TextReader } from '../text/pieceText';

/*
 * The contract between the linter and a rule: what a rule sees and how it
 * reports. Rule files import it, with the basic types, through `rules/rule.ts`.
 */

/** A rule's options, defaults merged with configuration. */
export type Options = Readonly<Record<string, number | boolean | string>>;

/** What a rule sees while the tree is walked. */
export interface RuleContext {
  /** The file's text, in pieces in an editor: a rule that needs it as one string (`toString`) makes that string for every lint. */
  readonly text: TextReader;
  readonly filePath: string;
  /** The path relative to the configuration root, when known (module privacy, per-file logic). */
  readonly relativePath?: string;
  readonly settings: ResolvedSettings;
  /** The rule's options, defaults merged with configuration. */
  readonly options: Options;
  /** The syntax tree of the text: every node handle a rule gets is read through it. */
  readonly tree: SyntaxTree;
  report(finding: Omit<Finding, 'code'> & { code?: string }): void;
}

/** Handlers keyed by the grammar's node type names; `unit` receives each analysis unit's root. */
export type Visitor = Partial<Record<string, (node: NodeId) => void>>;

/** A rule whose findings depend only on the nodes it visits (cached per unit). */
export interface NodeRule {
  kind: 'node';
  meta: RuleMeta;
  create(context: RuleContext): Visitor;
}

export interface FileContext extends RuleContext {
  readonly lines: LineIndex;
  /** How a message names the line holding an offset: `line 3`, or in a notebook `cell 2, line 1`. */
  lineName(offset: number): string;
  /** Whether the text contains a literal; kept up to date through edits, unlike searching `text` on every keystroke. */
  textIncludes(literal: string): boolean;
  /** How the text differs from the one linted before, when the caller knows: lets a rule update what it computed then. */
  readonly change?: TextChange;
  /** What the other files of the workspace define, when the caller indexed them. */
  readonly workspace?: WorkspaceIndex;
  /** Scopes, bindings and name resolution of the file, built once per lint on first use. */
  readonly model: SemanticModel;
}

/** A rule that needs the whole file at once (the semantic model, for example). */
export interface FileRule {
  kind: 'file';
  meta: RuleMeta;
  check(context: FileContext): void;
}

export type Rule = NodeRule | FileRule;
