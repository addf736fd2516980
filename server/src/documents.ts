import {
  commentsOf,
  coverRange,
  extendDirtyRegion,
  LineIndex,
  Linter,
  MAX_SOURCE_LENGTH,
  parserInput,
  RULES,
  rootLookup,
  type CommentTest,
  type DirtyRegion,
  type Fix,
  type RenameRequest,
  type LintResult,
  type ResolvedSettings,
  type WorkspaceIndex,
} from '@pyreview/shared-rules';
import { Edit, type Parser, type Point, type Tree } from 'web-tree-sitter';
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
 * An open document: its text, its syntax tree kept in step with every edit,
 * and its own Linter (whose unit cache makes re-lints incremental).
 */
export class PythonDocument {
  private readonly linter = new Linter(RULES);
  /** The path rules see (`__init__.py`, …). */
  readonly filePath: string;
  private currentTree: Tree | undefined;
  /** The tree has been `edit`ed but not reparsed yet. */
  private reparseNeeded = true;
  /** The last top-level statement parsed alone (see statementParse.ts), edited in step with the text. */
  private statementTree: Tree | undefined;
  private lineIndex: LineIndex | undefined;
  /**
   * NUL characters in the text, kept up to date edit by edit:
   * scanning a 20k-line text costs ~0.5 ms each time, an edit's surroundings nothing.
   */
  private nulCount: number;
  /** What changed since the last lint (undefined: nothing, unless `relintAll`). */
  private dirty: DirtyRegion | undefined;
  /** The next lint must look at the whole file (first lint, or a tree parsed from scratch). */
  private relintAll = true;
  /** Whether the tree was parsed from scratch rather than from the edited old tree. */
  private treeFromScratch = true;

  constructor(
    readonly uri: string,
    public version: number,
    public text: string,
    /** Distinguishes successive openings of one URI (pull-diagnostic result ids). */
    readonly serial: number,
    private readonly parser: Parser,
    /** What the rest of the workspace defines, for cross-file rules (their fixes too). */
    readonly workspace?: WorkspaceIndex,
  ) {
    this.filePath = displayPath(uri);
    this.nulCount = countNul(text, 0, text.length);
  }

  /** Line starts of the current text, built once per text. */
  get lines(): LineIndex {
    if (this.lineIndex?.text !== this.text) this.lineIndex = new LineIndex(this.text);
    return this.lineIndex;
  }

  get unparsable(): Unparsable | undefined {
    if (this.text.length > MAX_SOURCE_LENGTH) return 'too-large';
    return this.nulCount > 0 ? 'binary' : undefined;
  }

  /**
   * Applies one content change to the text and to the tree. A change without
   * a range (full text) is reduced to the span that differs, so clients that
   * only sync full text still get incremental parses.
   */
  applyChange(change: TextDocumentContentChangeEvent, encoding: PositionEncoding): void {
    const { start, end } = 'range' in change
      ? offsetsOf(this.lines, change.range, encoding)
      : differingSpan(this.text, change.text);
    const newText = 'range' in change ? change.text : change.text.slice(start, change.text.length - (this.text.length - end));
    // A CR just before the edit may turn lone or stop being lone (the parser reads a lone CR as LF, see parserInput):
    // tree-sitter lexes a token again when an edit touches what it looked at, one character past its end at least.
    const startPosition = this.pointAt(start);
    const oldEndPosition = this.pointAt(end);
    this.nulCount += countNul(newText, 0, newText.length) - countNul(this.text, start, end);
    const previous = this.text;
    this.text = previous.slice(0, start) + newText + previous.slice(end);
    // Keeping the line index in step costs far less than rebuilding it on the next lint.
    if (this.lineIndex && this.lineIndex.text === previous) this.lineIndex = this.lineIndex.edited(this.text, start, end, newText);
    if (this.currentTree || this.statementTree) {
      const edit = new Edit({
        startIndex: start,
        oldEndIndex: end,
        newEndIndex: start + newText.length,
        startPosition,
        oldEndPosition,
        newEndPosition: this.pointAt(start + newText.length),
      });
      this.currentTree?.edit(edit);
      this.statementTree?.edit(edit);
    }
    this.reparseNeeded = true;
    this.dirty = extendDirtyRegion(this.dirty, { start, oldEnd: end, newEnd: start + newText.length });
  }

  /** The tree of the current text (reparsed with the edited old tree), or undefined when it cannot be parsed. */
  tree(): Tree | undefined {
    if (this.unparsable) {
      this.dropTree();
      return undefined;
    }
    if (!this.reparseNeeded && this.currentTree) return this.currentTree;
    const previous = this.currentTree;
    const next = this.parser.parse(this.reader(), previous) ?? undefined;
    if (previous && next && !this.relintAll) {
      // An edit can change the structure far from itself (opening a bracket or a string).
      let dirty = this.dirty;
      for (const range of previous.getChangedRanges(next)) dirty = coverRange(dirty, range.startIndex, range.endIndex);
      // Without edits since the last lint, that lint saw the edited statements parsed alone, as they are here: nothing to read again.
      this.dirty = dirty ?? { start: this.text.length, oldEnd: this.text.length, newEnd: this.text.length };
    } else {
      this.relintAll = true;
    }
    this.treeFromScratch = !previous;
    this.dropTree();
    this.currentTree = next;
    this.reparseNeeded = false;
    return next;
  }

  /** The fix of a rename request of the current text's diagnostics (planned with the last lint's semantic model). */
  renameFix(request: RenameRequest): Fix | undefined {
    return this.linter.renameFix(request, this.text);
  }

  /**
   * Whether offsets of the current text are in comments. After a keystroke
   * lint that reparsed a statement alone, and no edit since, the whole
   * file's tree is edited but not reparsed: looking offsets up in it and in
   * the statement's tree spares the code actions and hovers asked for while
   * typing a reparse of the whole file.
   */
  comments(): CommentTest | undefined {
    const onlyStatementsNewer = this.reparseNeeded && !this.dirty && !this.relintAll && !this.unparsable;
    if (onlyStatementsNewer && this.currentTree && this.statementTree) return commentsOf(rootLookup(this.currentTree, this.statementTree));
    const tree = this.tree();
    return tree && commentsOf(tree);
  }

  /**
   * Lints the current text with this document's Linter, telling it what
   * changed since its previous run so that only the statements there are
   * looked up again. Undefined when the text cannot be parsed.
   *
   * On a keystroke, file-wide rules that proved slow on this document (or
   * need the semantic model) keep their previous findings, moved through the
   * edit, and the result is not settled. Settling runs everything, and first parses an erroneous tree
   * again from scratch: tree-sitter's recovery from errors after an edit can
   * differ from a fresh parse, and settled diagnostics must equal a fresh check's.
   */
  lint(settings: ResolvedSettings, relativePath: string | undefined, phase: LintPhase): LintedDocument | undefined {
    // Small documents are always checked completely: everything costs little there.
    const complete = phase === 'settle' || this.text.length <= SMALL_DOCUMENT_LENGTH;
    const statement = complete ? undefined : this.parseStatementAlone(settings, relativePath);
    let tree = statement ? this.currentTree : this.tree();
    if (!tree) return undefined;
    if (complete && tree.rootNode.hasError && !this.treeFromScratch) {
      tree = this.parseFromScratch();
      if (!tree) return undefined;
    }
    const dirty = this.relintAll ? undefined : this.dirty;
    // Should the linter throw, its view of the previous text is unknown: the next lint starts over.
    this.dirty = undefined;
    this.relintAll = true;
    const fileRules = complete ? 'run' : 'carry';
    const result = this.linter.lint({
      tree, text: this.text, filePath: this.filePath, relativePath, settings, dirty, lines: this.lines, fileRules, workspace: this.workspace, statement,
      renameFixes: 'on-request',
    });
    this.relintAll = false;
    // A lint with a statement parsed alone is never settled: settling reparses the whole file.
    const settled = !statement && !result.fileRulesCarried && !(tree.rootNode.hasError && !this.treeFromScratch);
    return { result, settled };
  }

  /**
   * For a keystroke lint: the top-level statement holding every edit since
   * the last lint, parsed alone, with the dirty region widened to what its
   * parse changed. Undefined when the whole file must be reparsed.
   */
  private parseStatementAlone(settings: ResolvedSettings, relativePath: string | undefined): Tree | undefined {
    if (!this.reparseNeeded || this.relintAll || !this.currentTree || !this.dirty || this.unparsable) return undefined;
    if (!this.linter.hasUnitsFor(settings, this.filePath, relativePath)) return undefined;
    const range = statementRange(this.currentTree, this.dirty, this.lines, (offset) => this.pointAt(offset));
    if (!range) return undefined;
    // The statement's own previous tree when it is this statement, else the whole file's.
    const sameStatement = this.statementTree?.rootNode.startIndex === range.startIndex;
    const old = sameStatement ? this.statementTree! : this.currentTree;
    const next = parseStatement(this.parser, this.reader(), range, old);
    if (!next) return undefined;
    this.dirty = statementDirtyRegion(this.dirty, old, next);
    this.statementTree?.delete();
    this.statementTree = next;
    return next;
  }

  /** What tree-sitter reads the current text through. */
  private reader(): (index: number) => string {
    const text = this.text;
    // Small chunks: tree-sitter reads from a few dozen places after an edit and copies each
    // chunk into its heap; 4096-unit chunks made a 20k-line reparse ~1.5 ms slower.
    return (index) => parserInput(text, index, index + PARSE_CHUNK);
  }

  private parseFromScratch(): Tree | undefined {
    const next = this.parser.parse(parserInput(this.text)) ?? undefined;
    this.dropTree();
    this.currentTree = next;
    this.treeFromScratch = true;
    this.relintAll = true;
    return next;
  }

  dispose(): void {
    this.dropTree();
    this.statementTree?.delete();
    this.statementTree = undefined;
  }

  private dropTree(): void {
    // The WASM heap never shrinks: every replaced tree must be freed.
    this.currentTree?.delete();
    this.currentTree = undefined;
  }

  /**
   * A tree-sitter point: rows are LineIndex's lines (the parser reads lone CRs
   * as LFs, see parserInput), columns are UTF-16 code units.
   */
  private pointAt(offset: number): Point {
    const lines = this.lines;
    const row = lines.lineAt(offset);
    return { row, column: offset - lines.lineStart(row) };
  }
}

/** UTF-16 units handed to tree-sitter per read (a full parse is as fast with these as with larger ones). */
const PARSE_CHUNK = 512;

function countNul(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0) count++;
  return count;
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

/** The open documents, by URI. All of them share one parser. */
export class DocumentStore {
  private readonly documents = new Map<string, PythonDocument>();
  private openings = 0;

  constructor(
    private readonly parser: Parser,
    /** What the rest of the workspace defines, for cross-file rules. */
    private readonly workspace?: WorkspaceIndex,
  ) {}

  open(uri: string, version: number, text: string): PythonDocument {
    this.documents.get(uri)?.dispose();
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
    return document;
  }

  get(uri: string): PythonDocument | undefined {
    return this.documents.get(uri);
  }

  all(): PythonDocument[] {
    return [...this.documents.values()];
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
