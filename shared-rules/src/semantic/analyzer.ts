import type { SyntaxTree } from '../syntax/tree';
import type { AnnotationParser } from './analyzer/annotations';
import { BindingRecorder } from './analyzer/bindingRecorder';
import { DeferredWork, type Memos } from './analyzer/deferredWork';
import { NodeVisitor } from './analyzer/dispatch';
import { ReadingState } from './analyzer/readingState';
import { reportDeadScopes } from './deadScopes';
import type { SemanticMessage } from './messages';
import type { Scope } from './scope';

export interface AnalyzerOptions {
  builtins: ReadonlySet<string>;
  /** `__init__.py` allows `__path__` and does not check `__all__`. */
  isPackageInit: boolean;
}

/**
 * Resolves every name of a module the way pyflakes does: statements are
 * handled in order, function and lambda bodies once the module is done (so
 * they see names defined after them), class scopes are invisible to nested
 * functions, and each binding records its last use. What it finds is kept as
 * messages; the scopes stay available to rules about arguments.
 *
 * The parts: `BindingRecorder` (scopes, bindings, loads and stores),
 * `DeferredWork` (bodies run after the module, function memos), `NodeVisitor`
 * (the walk, handing nodes to the visitor groups), `ReadingState` (annotation
 * context, `except` handlers).
 */
export class Analyzer {
  readonly messages: SemanticMessage[];
  /** Every scope, in the order it was closed; the module scope is last. */
  readonly deadScopes: Scope[];
  private readonly recorder: BindingRecorder;
  private readonly reading = new ReadingState();
  private readonly deferred: DeferredWork;
  private readonly visitor: NodeVisitor;

  constructor(
    private readonly tree: SyntaxTree,
    private readonly options: AnalyzerOptions,
    /** Parses string annotations. */
    parseAnnotation: AnnotationParser,
    /** Results of unchanged functions and classes from earlier runs, by their (reused) definition node. */
    memos: Memos,
  ) {
    this.recorder = new BindingRecorder(tree, this.reading, options.isPackageInit);
    this.messages = this.recorder.messages;
    this.deadScopes = this.recorder.deadScopes;
    this.deferred = new DeferredWork(this.recorder, this.reading, memos, (task) => this.visitor.runTask(task));
    this.visitor = new NodeVisitor(tree, this.recorder, this.deferred, this.reading, parseAnnotation);
  }

  run(): void {
    const recorder = this.recorder;
    const root = this.tree.root;
    const module = recorder.pushScope('module', root);
    for (const name of this.options.builtins) {
      module.bindings.set(name, recorder.binding(name, 'builtin', undefined));
    }
    this.visitor.visitChildren(root);
    this.reading.inDeferred = true;
    this.deferred.runAfterModule(module);
    recorder.stack = [module];
    recorder.popScope();
    reportDeadScopes(this.deadScopes, this.options.isPackageInit, this.messages);
  }
}
