import type { NodeId, SyntaxTree } from '../syntax/tree';
import type { TextEdit } from '../text/textEdit';
import type { LineIndex } from '../text/lineIndex';
import type { ResolvedSettings } from '../config/settings';
import type { SemanticModel } from '../semantic/model';
import type { FileRange } from '../workspace/moduleSummary';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { TextChange } from '../analysis/dirtyRegion';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The review categories of the seed review; reports group findings by them. */
export type Category =
  | 'syntax'
  | 'security'
  | 'naming'
  | 'type-hints'
  | 'signatures'
  | 'indentation'
  | 'docstrings'
  | 'undefined-names'
  | 'foreign-keys'
  | 'exceptions'
  | 'unused-code'
  | 'organization';

export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  /** What the fix does, shown as the quick-fix title. */
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
  /**
   * Set on a fix that rewrites a whole block and that every finding of the
   * block shares (one object): reports give its edits once, and editors
   * compute it from the text when a user picks it (`reindentFixAt`), so that
   * a finding's data stays small however large the block.
   */
  shared?: 'reindent';
}

export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
  /** Set when the location is in another file; `start`/`end` are then unused. */
  file?: FileRange;
}

/**
 * A condition on a name used at module level, settled once the whole file is
 * known: the finding stands only if `name` resolves to one of `targets`.
 * Node rules use it for names their unit does not bind (imports live
 * elsewhere in the file), so their findings stay cacheable per unit.
 */
export interface ModuleNameCondition {
  /** The name as used: `r`, `yaml`, `eval`. */
  name: string;
  /** The attributes used after it (`load` in `yaml.load`), dotted, or ''. */
  member: string;
  /** Qualified names that make the finding stand: `subprocess.run`, `builtins.eval`. */
  targets: readonly string[];
  /** The other way round: the finding stands unless the name is one of `targets` (`t.overload` with `import typing as t`). */
  unless?: boolean;
}

/** A problem found by a rule; offsets are UTF-16 code units into the file's text. */
export interface Finding {
  code: string;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  /**
   * Other fixes of the finding, for the user to choose from (editors offer
   * each as a quick fix): `fix` is the first choice, which fix-all applies.
   */
  alternatives?: Fix[];
  related?: RelatedLocation[];
  condition?: ModuleNameCondition;
  /**
   * A fix renaming the name at `offset` everywhere it is used. Its edits
   * depend on the whole file, so node rules ask for it and the linter plans
   * it through the semantic model on each lint; no fix is offered when the
   * rename is refused. Not kept in reported findings (they get `fix`).
   */
  rename?: RenameRequest;
}

export interface RenameRequest {
  offset: number;
  newName: string;
  title: string;
  safety: FixSafety;
}

export interface RuleOption {
  /** The key in `[tool.pyreview]` and, prefixed with `pyreview.`, the editor setting. */
  name: string;
  type: 'integer' | 'boolean' | 'string';
  default: number | boolean | string;
  description: string;
  /** For string options: the allowed values. */
  values?: string[];
}

export interface RuleMeta {
  code: string;
  /** kebab-case name describing the flagged pattern; equals the rule's file name. */
  name: string;
  /** One sentence, shown in hovers, the catalog and settings. */
  summary: string;
  category: Category;
  severity: Severity;
  /** Off by default rules are only run when selected. */
  enabledByDefault: boolean;
  fix: 'none' | 'sometimes' | 'always';
  /** Findings are unused or unnecessary code (editors fade them). */
  unnecessary?: boolean;
  options?: RuleOption[];
  /** Markdown with the sections: What it does, Why is this bad?, Example, Fix safety. */
  docs: string;
  /** Why the rule does not run on Jupyter notebooks; unset when it does. */
  skippedInNotebooks?: string;
}

export type Options = Readonly<Record<string, number | boolean | string>>;

/** What a rule sees while the tree is walked. */
export interface RuleContext {
  readonly text: string;
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

/** Offsets of a node, as findings and edits use them. */
export function span(tree: SyntaxTree, node: NodeId): { start: number; end: number } {
  return { start: tree.start(node), end: tree.end(node) };
}
