import { NodeFlag, PythonParser, type TreeCursor } from '../parsing/parser';
import { T } from '../syntax/grammar';
import { NONE, type NodeId, type Segment, type SyntaxTree } from '../syntax/tree';
import { Analyzer } from './analyzer';
import type { Memos, NodeMemos } from './analyzer/deferredWork';
import { builtinNames } from './builtins';
import { restoreScopes, type ClassMemo } from './classMemo';
import { detachDeclarations } from './declarations';
import type { FunctionMemo } from './functionMemo';
import type { SemanticMessage } from './messages';
import { ModuleNameChanges } from './moduleNames';
import type { Scope } from './scope';

export interface SemanticModel {
  /** What name resolution found (unused imports, undefined names, …), for the pyflakes rules. */
  readonly messages: readonly SemanticMessage[];
  /** Every scope of the module, closed ones first; the module scope is last. */
  readonly scopes: readonly Scope[];
  /** The tree the model's nodes belong to, as it was built from. */
  readonly tree: SyntaxTree;
}

export interface SemanticOptions {
  targetVersion: readonly [number, number];
  filePath: string;
  /** The module is a notebook's cells: IPython's names are defined. */
  notebook?: boolean;
}

/**
 * Builds the semantic model of successive versions of one file, straight
 * from its flat syntax tree. Module-level functions, methods and classes
 * whose segment was kept since the last build, and whose outer lookups find
 * the same kinds of bindings, replay their memo instead of being walked (see
 * `FunctionMemo`, `ClassMemo`); string annotations are parsed once per
 * segment that holds them.
 */
export class SemanticModelBuilder {
  /** Module-level functions' results, by their segment and their record in it. */
  private memo = new WeakMap<Segment, Map<number, FunctionMemo>>();
  /** Module-level classes' results, likewise. */
  private classMemo = new WeakMap<Segment, Map<number, ClassMemo>>();
  /** The memos the last build replayed or recorded in scopes it made other than its module, or declaring names: attached to them until `release`. */
  private attached: FunctionMemo[] = [];
  /** The class memos the last build replayed or recorded, whose scopes it changed after their visit. */
  private attachedClasses: ClassMemo[] = [];
  /** The last build's module scope, which the other memos' scopes were opened in: emptied by `release`. */
  private module: Scope | undefined;
  /** What the functions' memos checked last: the module's names, and which changed since. */
  private moduleNames = new ModuleNameChanges();
  private memoKey = '';
  private parser: PythonParser | undefined;

  /** Forgets the memos (an idle document's memory). */
  forget(): void {
    this.memo = new WeakMap();
    this.classMemo = new WeakMap();
    this.attached = [];
    this.attachedClasses = [];
    this.module = undefined;
    this.moduleNames = new ModuleNameChanges();
  }

  /**
   * Detaches the memos from the last build's scopes, which they point at
   * from their replay (the scopes their functions and classes were opened in,
   * the module variables of their `global` names, what methods declaring
   * names bound in their class) until the next one: the model dies with its
   * last user rather than living on in the memos until the next build.
   * Most memos' scopes were opened in the module: its names are forgotten
   * rather than each of them detached. The model must not be used after.
   */
  release(): void {
    for (const memo of this.attached) detach(memo);
    // Methods replayed together need nothing detached: they were opened in their class's scopes, which are its memo's.
    for (const memo of this.attachedClasses) restoreScopes(memo.snapshot);
    this.module?.forgetNames();
    this.module = undefined;
    this.attached = [];
    this.attachedClasses = [];
  }

  build(tree: SyntaxTree, options: SemanticOptions): SemanticModel {
    // Names around a half-typed statement cannot be trusted, and a wrong
    // "undefined name" or "unused import" is worse than none.
    if (tree.hasError(tree.root)) return { messages: [], scopes: [], tree };
    // Memos hold node handles: a compaction of the tree renumbers them.
    const memoKey = `${options.targetVersion.join('.')}\u0000${options.filePath}\u0000${!!options.notebook}\u0000${tree.compactions}`;
    if (memoKey !== this.memoKey) {
      this.forget();
      this.memoKey = memoKey;
    }
    const baseName = options.filePath.replace(/\\/g, '/').split('/').pop() ?? '';
    const analyzer = new Analyzer(
      tree,
      { builtins: builtinNames(options.targetVersion, options.notebook), isPackageInit: baseName === '__init__.py' },
      (text, host) => this.annotation(tree, text, host),
      this.memos(tree),
    );
    analyzer.run();
    this.module = analyzer.deadScopes[analyzer.deadScopes.length - 1];
    return { messages: analyzer.messages, scopes: analyzer.deadScopes, tree };
  }

  private memos(tree: SyntaxTree): Memos {
    const attached = (this.attached = []) as FunctionMemo[];
    // The scopes of the last build's classes, when it was not released, are put back for this one.
    for (const memo of this.attachedClasses) restoreScopes(memo.snapshot);
    const attachedClasses = (this.attachedClasses = []) as ClassMemo[];
    return {
      functions: nodeMemos(tree, this.memo),
      classes: nodeMemos<ClassMemo>(tree, this.classMemo, attachedClasses),
      attach: (memo) => attached.push(memo),
      moduleNames: this.moduleNames,
    };
  }

  /** The expression of a string annotation found in `host`, parsed once for as long as `host`'s segment lives. */
  private annotation(tree: SyntaxTree, text: string, host: NodeId): NodeId {
    const owner = tree.segmentOf(host);
    const parsed = (owner.annotations ??= new Map());
    let segment = parsed.get(text);
    if (segment === undefined || (segment && segment.slot < 0)) {
      segment = this.parseAnnotation(tree, text, owner);
      parsed.set(text, segment);
    }
    return segment ? (segment.first as NodeId) : NONE;
  }

  /** Parses a string annotation as Python would (`ast.parse`): one expression, nothing else. */
  private parseAnnotation(tree: SyntaxTree, text: string, owner: Segment): Segment | null {
    this.parser ??= new PythonParser();
    const parse = this.parser.parse(text);
    const cursor = parse.cursor();
    try {
      if ((cursor.info() >>> 24) & NodeFlag.HasError) return null;
      if (!toOnlyNamedChild(cursor, true) || (cursor.info() & 0xffff) !== T.expression_statement) return null;
      // An expression, as pyflakes requires: `'a: int'` and `'a = 1'` are statements.
      if (!toOnlyNamedChild(cursor, false) || NOT_EXPRESSIONS.has(cursor.info() & 0xffff)) return null;
      return tree.copyDetached(cursor, text, owner);
    } finally {
      cursor.close();
      parse.delete();
    }
  }
}

/** Points a memo at nothing of the build it was replayed or recorded in (see `release`). */
function detach(memo: FunctionMemo): void {
  for (let i = 0; i < memo.outerScopes.length; i++) memo.outerScopes[i].parent = undefined;
  detachDeclarations(memo);
}

/** Memos in `memo` by segment and record; those got or set are added to `attached`, if given. */
function nodeMemos<T>(tree: SyntaxTree, memo: WeakMap<Segment, Map<number, T>>, attached?: T[]): NodeMemos<T> {
  return {
    get: (node) => {
      const segment = tree.segmentOf(node);
      const found = memo.get(segment)?.get(node - segment.first);
      if (found) attached?.push(found);
      return found;
    },
    set: (node, value) => {
      attached?.push(value);
      const segment = tree.segmentOf(node);
      let bySegment = memo.get(segment);
      if (!bySegment) memo.set(segment, (bySegment = new Map()));
      bySegment.set(node - segment.first, value);
    },
  };
}

/** What an expression statement may hold that is not an expression. */
const NOT_EXPRESSIONS = new Set<number>([T.assignment, T.augmented_assignment]);

/** Moves the cursor to the only named child of its node (comments aside, if asked); false when there is not exactly one. */
function toOnlyNamedChild(cursor: TreeCursor, skipComments: boolean): boolean {
  let count = 0;
  let at = -1;
  let index = 0;
  for (let more = cursor.firstChild(); more; more = cursor.nextSibling(), index++) {
    const info = cursor.info();
    if (!((info >>> 24) & NodeFlag.Named) || (skipComments && (info & 0xffff) === T.comment)) continue;
    count++;
    at = index;
  }
  if (index > 0) cursor.parent();
  if (count !== 1) return false;
  cursor.firstChild();
  for (let i = 0; i < at; i++) cursor.nextSibling();
  return true;
}
