import type { TextEdit } from '../text/textEdit';

/*
 * What rules report, as every layer above the syntax tree sees it: the basic
 * types of findings and fixes, imported by the linter, the rules and the front ends.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A place in another file: 0-based line and UTF-16 column, as tree-sitter reports them. */
export interface FileRange {
  path: string;
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

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
