import {
  commentsOf,
  coverRange,
  DocumentUnits,
  extendDirtyRegion,
  LineIndex,
  Linter,
  MAX_SOURCE_LENGTH,
  PieceText,
  RULES,
  SemanticModelBuilder,
  type CommentTest,
  type DirtyRegion,
  type Fix,
  type LintResult,
  type ParseTree,
  type Point,
  type PythonParser,
  plannedRenameFix,
  type RenameRequest,
  type ResolvedSettings,
  type SemanticModel,
  type SemanticOptions,
  type SyntaxTree,
  type TextReader,
  type WorkspaceIndex,
} from '@pyreview/shared-rules';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { offsetsOf, type PositionEncoding } from './positionEncoding';
import { parseStatement, statementDirtyRegion, statementRange } from './statementParse';
import { displayPath } from './uris';

/** Documents up to this size (about 2,500 lines) are checked completely on every keystroke. */
const SMALL_DOCUMENT_LENGTH = 100_000;

/** A keystroke lint may carry over slow results; a settling lint recomputes everything. */
export type LintPhase = 'keystroke' | 'settle';

export interface LintedDocument {
  result: LintResult;
  /** False when some findings were carried over from the previous text: a settling lint should follow. */
  settled: boolean;
}

/** Why a document has no tree. */
export type Unparsable = 'binary' | 'too-large';

/**
 * An open document: its text, its tree-sitter tree kept in step with every
 * edit, the flat copy the rules read (its units), and its own Linter (whose
 * caches make re-lints incremental).
 */
export class PythonDocument {
  private readonly linter = new Linter(RULES);
  private readonly units = new DocumentUnits();
  /** For renames, which need the model of the text as it is (the linter's may be a keystroke behind). */
  private readonly models = new SemanticModelBuilder();
  /** The path rules see (`__init__.py`, …). */
  readonly filePath: string;
  private parseTree: ParseTree | undefined;
  /** The tree has been `edit`ed but not reparsed yet. */
  private reparseNeeded = true;
  /** The last top-level statement parsed alone (see statementParse.ts), edited in step with the text. */
  private statementTree: ParseTree | undefined;
  private lineIndex: LineIndex | undefined;
  /** NUL characters in the text, kept up to date edit by edit: scanning a 20k-line text each time costs more. */
  private nulCount: number;
  /** What changed since the units were updated (undefined: nothing, unless `unitsAll`). */
  private unitsDirty: DirtyRegion | undefined;
  /** The next update of the units must read the whole tree (first one, or a tree parsed from scratch). */
  private unitsAll = true;
  /** What changed since the last lint, and whether the next one must start over. */
  private lintDirty: DirtyRegion | undefined;
  private lintAll = true;
  /** The tree was parsed from scratch since the last lint (the trees were given back): where it differs from that lint's is unknown. */
  private reparsedSinceLint = false;
  /** Whether the tree was parsed from scratch rather than from the edited old tree. */
  private treeFromScratch = true;
  /**
   * Whether the units were last updated with a statement parsed alone, or through edits inside one token
   * without a parse (the whole tree is then edited, not reparsed).
   */
  private partial = false;
  /** Whether the document gave back its models since it was last linted (see `idle`). */
  private resting = false;
  /** The text in pieces: the keystroke path reads those, and the whole string is made on request (`text`). */
  private content: PieceText;

  constructor(
    readonly uri: string,
    public version: number,
    text: string,
    /** Distinguishes successive openings of one URI (pull-diagnostic result ids). */
    readonly serial: number,
    private readonly parser: PythonParser,
    /** What the rest of the workspace defines, for cross-file rules (their fixes too). */
    readonly workspace?: WorkspaceIndex,
  ) {
    this.filePath = displayPath(uri);
    this.content = PieceText.of(text);
    this.nulCount = countNul(text, 0, text.length);
  }

  /** The current text as one string, made on the first request after an edit. */
  get text(): string {
    return this.content.toString();
  }

  /** Line starts of the current text, built once per text. */
  get lines(): LineIndex {
    if (this.lineIndex?.text !== this.content) this.lineIndex = new LineIndex(this.content);
    return this.lineIndex;
  }

  get unparsable(): Unparsable | undefined {
    if (this.content.length > MAX_SOURCE_LENGTH) return 'too-large';
    return this.nulCount > 0 ? 'binary' : undefined;
  }

  /**
   * Applies one content change to the text and to the tree. A change without
   * a range (full text) is reduced to the span that differs, so clients that
   * only sync full text still get incremental parses.
   */
  applyChange(change: TextDocumentContentChangeEvent, encoding: PositionEncoding): void {
    let { start, end } = 'range' in change
      ? offsetsOf(this.lines, change.range, encoding)
      : differingSpan(this.text, change.text);
    let newText = 'range' in change ? change.text : change.text.slice(start, change.text.length - (this.text.length - end));
    // A CR is a line break of its own unless an LF follows: an edit right after one changes what it is.
    if (start > 0 && this.content.charCodeAt(start - 1) === 13) {
      start--;
      newText = `\r${newText}`;
    }
    if (this.parseTree || this.statementTree) {
      const startPoint = this.pointAt(start);
      const edit = { start, oldEnd: end, newEnd: start + newText.length, startPoint, oldEndPoint: this.pointAt(end), newEndPoint: advancePoint(startPoint, newText) };
      this.parseTree?.edit(edit);
      this.statementTree?.edit(edit);
    }
    this.nulCount += countNul(newText, 0, newText.length) - countNul(this.content, start, end);
    const previous = this.content;
    this.content = previous.edited(start, end, newText);
    // Keeping the line index in step costs far less than rebuilding it on the next lint.
    if (this.lineIndex && this.lineIndex.text === previous) this.lineIndex = this.lineIndex.edited(this.content, start, end, newText);
    this.reparseNeeded = true;
    const region = { start, oldEnd: end, newEnd: start + newText.length };
    this.unitsDirty = extendDirtyRegion(this.unitsDirty, region);
    this.lintDirty = extendDirtyRegion(this.lintDirty, region);
  }

  /**
   * The flat syntax tree of the current text, brought up to date: the tree
   * reparsed from the edited old one (or, while typing in a large file
   * without `complete`, the edited statement alone), and the units of the
   * region copied again. Undefined when the text cannot be parsed.
   */
  syntax(complete = true): SyntaxTree | undefined {
    if (this.unparsable) {
      this.dropTrees();
      return undefined;
    }
    // After a statement parsed alone and no edit since, the units are those of the text: a statement is parsed
    // alone only in a tree without errors, and only kept when it is what the whole file's parse gives there.
    if (this.partial && !this.unitsAll && !this.unitsDirty) return this.units.tree;
    if (!complete && this.updateInToken()) return this.units.tree;
    const statement = complete ? undefined : this.parseStatementAlone();
    if (!statement) {
      if (!this.parseWhole()) return undefined;
      if (complete && this.parseTree!.root().hasError && !this.treeFromScratch) this.parseFromScratch();
    }
    if (statement || this.unitsAll || this.unitsDirty) {
      const dirty = this.unitsAll ? undefined : this.unitsDirty;
      // Should the update throw, where the units stand is unknown: the next one reads them all.
      this.unitsAll = true;
      this.units.update(this.parseTree!, this.content, dirty, statement);
      this.unitsAll = false;
      this.unitsDirty = undefined;
      this.partial = !!statement;
    }
    return this.units.tree;
  }

  /**
   * The fix of a rename request of the current text's diagnostics, planned
   * with the last lint's semantic model, or one built now when an idle
   * document gave it back.
   */
  renameFix(request: RenameRequest, options: SemanticOptions): Fix | undefined {
    if (this.linter.hasModelFor(this.content)) return this.linter.renameFix(request, this.content);
    const model = this.semanticModel(options);
    return model && plannedRenameFix(request, model, this.text);
  }

  /** Roughly how many nodes the document's tree-sitter tree holds (what keeping it costs). */
  get treeNodes(): number {
    return this.parseTree ? this.units.tree.size.live : 0;
  }

  /**
   * Gives back what only editing needs: the tree-sitter tree (the next edit
   * parses from scratch), the semantic models and spare record space. The
   * flat tree and the findings stay for hovers, code actions and pulls.
   */
  /** Returns whether it gave anything back. */
  idle(keepTree: boolean): boolean {
    const hadTree = !!this.parseTree;
    if (!keepTree) this.dropTrees();
    if (this.resting) return hadTree && !keepTree;
    this.resting = true;
    this.linter.forgetModel();
    this.models.forget();
    this.units.tree.trim();
    return true;
  }

  /** The semantic model of the text as it is now (for renames). */
  semanticModel(options: SemanticOptions): SemanticModel | undefined {
    const tree = this.syntax();
    return tree && this.models.build(tree, options);
  }

  /** Whether offsets of the current text are in comments. */
  comments(): CommentTest | undefined {
    const tree = this.syntax(false);
    return tree && commentsOf(tree);
  }

  /**
   * Lints the current text with this document's Linter, telling it what
   * changed since its previous run. Undefined when the text cannot be parsed.
   *
   * On a keystroke, file-wide rules that proved slow on this document (or
   * need the semantic model) keep their previous findings, moved through the
   * edit, and the result is not settled. Settling runs everything, and first parses an erroneous tree
   * again from scratch: tree-sitter's recovery from errors after an edit can
   * differ from a fresh parse, and settled diagnostics must equal a fresh check's.
   */
  lint(settings: ResolvedSettings, relativePath: string | undefined, phase: LintPhase, lineName?: (offset: number) => string): LintedDocument | undefined {
    // Small documents are always checked completely: everything costs little there.
    const complete = phase === 'settle' || this.content.length <= SMALL_DOCUMENT_LENGTH;
    const tree = this.syntax(complete);
    if (!tree) return undefined;
    this.resting = false;
    // Settling after a keystroke's lint with no edit since: the linter is told nothing changed, which spares it
    // reading the whole text again (a keystroke lint without an edit is told nothing, so its file rules run).
    const unchanged = complete && !this.reparsedSinceLint ? { start: this.content.length, oldEnd: this.content.length, newEnd: this.content.length } : undefined;
    const dirty = this.lintAll ? undefined : this.lintDirty ?? unchanged;
    // Should the linter throw, its view of the previous text is unknown: the next lint starts over.
    this.lintDirty = undefined;
    this.lintAll = true;
    this.reparsedSinceLint = false;
    const result = this.linter.lint({
      units: this.units, text: this.content, filePath: this.filePath, relativePath, settings, dirty, lines: this.lines,
      fileRules: complete ? 'run' : 'carry', workspace: this.workspace, partialParse: this.partial && !complete, renameFixes: 'on-request', lineName,
    });
    this.lintAll = false;
    // A keystroke lint with a statement parsed alone is never settled: it carries the file rules.
    const settled = (complete || !this.partial) && !result.fileRulesCarried && !(tree.hasError(tree.root) && !this.treeFromScratch);
    return { result, settled };
  }

  /**
   * The whole file's tree, reparsed from the edited old one when the text
   * changed, with the dirty regions widened to what the reparse changed.
   */
  private parseWhole(): boolean {
    if (!this.reparseNeeded && this.parseTree) return true;
    const previous = this.parseTree;
    const next = this.parser.parse(this.content, previous);
    if (previous && !this.unitsAll) {
      // An edit can change the structure far from itself (opening a bracket or a string).
      const changed = previous.changedRanges(next);
      let units = this.unitsDirty;
      let lint = this.lintDirty;
      for (const { start, end } of changed) {
        units = coverRange(units, start, end);
        lint = coverRange(lint, start, end);
      }
      // Without edits since the units were updated, that update saw the edited statements parsed alone, as they are here.
      this.unitsDirty = units ?? { start: this.content.length, oldEnd: this.content.length, newEnd: this.content.length };
      this.lintDirty = lint;
    } else {
      this.unitsAll = true;
    }
    this.treeFromScratch = !previous;
    if (!previous) this.reparsedSinceLint = true;
    previous?.delete();
    this.parseTree = next;
    this.reparseNeeded = false;
    return true;
  }

  /**
   * For a keystroke: the top-level statement holding every edit since the
   * units were updated, parsed alone, with the dirty region widened to what
   * its parse changed. Undefined when the whole file must be reparsed.
   */
  private parseStatementAlone(): ParseTree | undefined {
    if (!this.reparseNeeded || this.unitsAll || !this.parseTree || !this.unitsDirty || !this.units.readsRegions) return undefined;
    const range = statementRange(this.units, this.unitsDirty, this.lines, (offset) => this.pointAt(offset));
    if (!range) return undefined;
    // The statement's own previous tree when it is this statement, else the whole file's.
    const sameStatement = this.statementTree?.root().start === range.start;
    const old = sameStatement ? this.statementTree! : this.parseTree;
    const next = parseStatement(this.parser, this.content, range, old);
    if (!next) return undefined;
    this.unitsDirty = statementDirtyRegion(this.unitsDirty, old, next);
    this.statementTree?.delete();
    this.statementTree = next;
    return next;
  }

  /**
   * For a keystroke: the units updated without a parse, when every edit since
   * they were is inside one string's text or one name and changes no token
   * but that one (see `DocumentUnits.updateInToken`).
   */
  private updateInToken(): boolean {
    if (this.unitsAll || !this.unitsDirty) return false;
    // Should the update throw, where the units stand is unknown: the next one reads them all.
    this.unitsAll = true;
    const updated = this.units.updateInToken(this.content, this.unitsDirty);
    this.unitsAll = false;
    if (!updated) return false;
    this.unitsDirty = undefined;
    this.partial = true;
    return true;
  }

  private parseFromScratch(): void {
    this.parseTree?.delete();
    this.parseTree = this.parser.parse(this.content);
    this.treeFromScratch = true;
    this.unitsAll = true;
    this.lintAll = true;
  }

  dispose(): void {
    this.dropTrees();
    this.units.tree.dispose();
  }

  private dropTrees(): void {
    // The WASM heap never shrinks: every replaced tree must be freed.
    this.parseTree?.delete();
    this.parseTree = undefined;
    this.statementTree?.delete();
    this.statementTree = undefined;
    this.reparseNeeded = true;
    this.unitsAll = true;
  }

  /** A tree-sitter point: rows as LineIndex counts lines (the parser reads a lone CR as LF), columns in UTF-16 units. */
  private pointAt(offset: number): Point {
    const lines = this.lines;
    const row = lines.lineAt(offset);
    return { row, column: offset - lines.lineStart(row) };
  }
}

function countNul(text: TextReader, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0) count++;
  return count;
}

function advancePoint(start: Point, inserted: string): Point {
  const lines = new LineIndex(inserted);
  const last = lines.lineCount - 1;
  return last === 0
    ? { row: start.row, column: start.column + inserted.length }
    : { row: start.row + last, column: inserted.length - lines.lineStart(last) };
}

/**
 * The span of `before` that must be replaced to obtain `after` (common prefix
 * and suffix kept). It never splits a surrogate pair or a CRLF, so that its
 * ends are valid positions in every encoding.
 */
export function differingSpan(before: string, after: string): { start: number; end: number } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  let end = before.length - tail;
  if (start > 0 && splitsPair(before, start)) start--;
  if (end < before.length && splitsPair(before, end)) end++;
  return { start, end };
}

/** Whether `offset` falls inside a surrogate pair or between CR and LF. */
function splitsPair(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (previous === 13 && next === 10);
}

/**
 * How many nodes of tree-sitter trees the open documents keep in all (about
 * 150 bytes of WebAssembly memory each): the least recently used documents
 * beyond it give their tree back and parse from scratch on their next edit.
 */
const TREE_BUDGET_NODES = 200_000;

/** The documents used last that keep their semantic models between lints (the others build them again when linted). */
const MODELS_KEPT = 2;

/** The open documents, by URI. All of them share one parser. */
export class DocumentStore {
  /** Least recently used first: opened or edited. */
  private readonly documents = new Map<string, PythonDocument>();
  private openings = 0;

  constructor(
    private readonly parser: PythonParser,
    /** What the rest of the workspace defines, for cross-file rules. */
    private readonly workspace?: WorkspaceIndex,
    /** Called when documents gave memory back (`trim`). */
    private readonly freed: () => void = () => {},
  ) {}

  open(uri: string, version: number, text: string): PythonDocument {
    this.close(uri);
    const document = new PythonDocument(uri, version, text, ++this.openings, this.parser, this.workspace);
    this.documents.set(uri, document);
    return document;
  }

  /** Applies a didChange; undefined for a document that is not open. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[], encoding: PositionEncoding): PythonDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    for (const change of changes) document.applyChange(change, encoding);
    document.version = version;
    // Most recently used last.
    this.documents.delete(uri);
    this.documents.set(uri, document);
    return document;
  }

  get(uri: string): PythonDocument | undefined {
    return this.documents.get(uri);
  }

  all(): PythonDocument[] {
    return [...this.documents.values()];
  }

  /**
   * Makes the documents used least recently give back what only editing
   * needs, beyond the budgets: their trees, then their models. Call it after
   * a lint: the memory it frees is what the next document reuses.
   */
  trim(): void {
    const byRecency = [...this.documents.values()].reverse();
    let nodes = 0;
    let freed = false;
    byRecency.forEach((document, rank) => {
      nodes += document.treeNodes;
      const keepTree = rank === 0 || nodes <= TREE_BUDGET_NODES;
      if (rank >= MODELS_KEPT || !keepTree) freed = document.idle(keepTree) || freed;
    });
    if (freed) this.freed();
  }

  close(uri: string): boolean {
    const document = this.documents.get(uri);
    document?.dispose();
    return this.documents.delete(uri);
  }

  dispose(): void {
    for (const document of this.documents.values()) document.dispose();
    this.documents.clear();
  }
}
