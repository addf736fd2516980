import { parameterName } from '../syntax/definitions';
import { exceptHandler } from '../syntax/exceptHandlers';
import { F, K, T } from '../syntax/grammar';
import { NONE, type NodeId as Node, type SyntaxTree } from '../syntax/tree';
import { describeBinding, FunctionRecording, type FunctionMemo } from './functionMemo';
import { inDifferentForks } from './forks';
import { reportDeadScopes } from './deadScopes';
import { exportedNames } from './exports';
import { stringValue } from './strings';
import { typeCommentsByStatement, type TypeComment } from './typeComments';
import type { SemanticMessage } from './messages';
import { Scope, hasAlias, isImport, redefines, type Binding, type BindingKind, type Reference, type ScopeKind, type Variable } from './scope';

export interface AnalyzerOptions {
  builtins: ReadonlySet<string>;
  /** `__init__.py` allows `__path__` and does not check `__all__`. */
  isPackageInit: boolean;
}

/** How names inside an expression are read: as code, as a type hint, or as a string type hint. */
const enum AnnotationState {
  None,
  String,
  Bare,
}

/** How a stored name got its value; decides the kind of binding it creates. */
type StoreContext = 'assign' | 'annotated-assign' | 'bare-annotation' | 'augmented-assign' | 'for' | 'comprehension' | 'with' | 'named-expr' | 'match';

interface Deferred {
  run: () => void;
  stack: Scope[];
  /** A module-level function or method: run with everything nested in it, and memoized. */
  memoNode?: Node;
}

/** Results of unchanged functions from earlier runs, by their definition node. */
export interface FunctionMemos {
  get(node: Node): FunctionMemo | undefined;
  set(node: Node, memo: FunctionMemo): void;
}

/** The expression a string annotation holds, parsed as Python would (`ast.parse`); NONE when it is not one expression. */
export type AnnotationParser = (text: string, host: Node) => Node;

/** Scope kinds, numbered in memo fingerprints. */
const SCOPE_KINDS: readonly ScopeKind[] = ['module', 'class', 'function', 'lambda', 'generator', 'type-params'];

const TYPING_MODULES = new Set(['typing', 'typing_extensions']);
const TYPING_CALLS = new Set(['cast', 'TypeVar', 'TypedDict', 'NamedTuple']);
const CLASS_MAGIC = new Set(['__module__', '__qualname__']);
const UNPACKING_TYPES = new Set<number>([T.pattern_list, T.tuple_pattern, T.list_pattern, T.tuple, T.list, T.expression_list, T.parenthesized_expression]);
const SEQUENCE_VALUE_TYPES = new Set<number>([T.expression_list, T.tuple, T.list, T.set]);
const CONDITIONAL_TYPES = new Set<number>([T.if_statement, T.while_statement, T.conditional_expression]);
const IGNORED_TYPES = new Set<number>([
  T.comment, T.string_start, T.string_content, T.string_end, T.escape_sequence, T.integer, T.float, T.true, T.false,
  T.none, T.ellipsis, T.pass_statement, T.break_statement, T.continue_statement, T.keyword_separator,
  T.positional_separator, T.line_continuation, T.type_conversion, T.import_prefix, T.wildcard_import,
]);
const INTERPOLATION_TYPES = new Set<number>([T.interpolation, T.string, T.format_specifier, T.format_expression]);
/** What a subtree must hold for visiting it to find names or open scopes. */
const NAME_HOLDERS = new Set<number>([T.identifier, T.lambda]);

/**
 * Resolves every name of a module the way pyflakes does: statements are
 * handled in order, function and lambda bodies once the module is done (so
 * they see names defined after them), class scopes are invisible to nested
 * functions, and each binding records its last use. What it finds is kept as
 * messages; the scopes stay available to rules about arguments.
 */
export class Analyzer {
  readonly messages: SemanticMessage[] = [];
  /** Every scope, in the order it was closed; the module scope is last. */
  readonly deadScopes: Scope[] = [];
  private stack: Scope[] = [];
  private deferredFunctions: Deferred[] = [];
  private deferredAssignments: Deferred[] = [];
  private exceptHandlers: string[][] = [[]];
  private annotation = AnnotationState.None;
  private inDeferred = false;
  private futureAnnotations = false;
  /** While reading a string annotation: the string, where its names are reported. */
  private reportAt: Node | undefined;
  private readonly typeComments: Map<number, TypeComment[]>;
  private recording: FunctionRecording | undefined;

  private readonly root: Node;

  constructor(
    private readonly tree: SyntaxTree,
    private readonly options: AnalyzerOptions,
    /** Parses string annotations. */
    private readonly parseAnnotation: AnnotationParser,
    /** Results of unchanged functions from earlier runs, by their (reused) definition node. */
    private readonly memo: FunctionMemos,
  ) {
    this.root = tree.root;
    this.typeComments = typeCommentsByStatement(tree);
  }

  run(): void {
    const root = this.root;
    const module = this.pushScope('module', root);
    for (const name of this.options.builtins) {
      module.bindings.set(name, { name, kind: 'builtin', source: undefined, used: undefined, redefined: [] });
    }
    this.visitChildren(root);
    this.inDeferred = true;
    this.runDeferred(this.deferredFunctions);
    this.runDeferred(this.deferredAssignments);
    this.stack = [module];
    this.popScope();
    reportDeadScopes(this.deadScopes, this.options.isPackageInit, this.messages);
  }

  // ---- scopes -------------------------------------------------------------

  private get scope(): Scope {
    return this.stack[this.stack.length - 1];
  }

  private pushScope(kind: ScopeKind, node: Node): Scope {
    const scope = new Scope(kind, node, this.stack[this.stack.length - 1]);
    this.stack.push(scope);
    return scope;
  }

  private popScope(): void {
    const scope = this.stack.pop();
    if (scope) this.deadScopes.push(scope);
  }

  private defer(run: () => void, memoNode?: Node): void {
    this.deferredFunctions.push({ run, stack: [...this.stack], memoNode });
  }

  private runDeferred(queue: Deferred[]): void {
    // The queue grows while it runs: nested functions are appended.
    for (let i = 0; i < queue.length; i++) {
      this.stack = queue[i].stack;
      if (queue[i].memoNode && !this.recording) this.runMemoized(queue[i]);
      else queue[i].run();
    }
  }

  /**
   * Runs a module-level function together with everything deferred inside it
   * (nested functions see its final scope either way, as they would at the
   * end of the module), or replays the memo of an unchanged function whose
   * outer lookups still find the same kinds of bindings.
   */
  private runMemoized(item: Deferred): void {
    const node = item.memoNode!;
    let fingerprint = (this.futureAnnotations ? 2 : 0) + (this.stack[0].importStarred ? 1 : 0);
    for (const scope of item.stack) fingerprint = fingerprint * SCOPE_KINDS.length + SCOPE_KINDS.indexOf(scope.kind) + 1;
    const memo = this.memo.get(node);
    if (memo?.fingerprint === fingerprint && this.lookupsStillHold(memo)) {
      this.replay(memo);
      return;
    }
    const recording = new FunctionRecording(item.stack.length);
    const outer = [this.deferredFunctions, this.deferredAssignments] as const;
    const messageStart = this.messages.length;
    const scopeStart = this.deadScopes.length;
    this.recording = recording;
    this.deferredFunctions = [];
    this.deferredAssignments = [];
    try {
      item.run();
      this.runDeferred(this.deferredFunctions);
      this.runDeferred(this.deferredAssignments);
    } finally {
      [this.deferredFunctions, this.deferredAssignments] = outer;
      this.recording = undefined;
    }
    if (recording.uncacheable) return;
    const scopes = this.deadScopes.slice(scopeStart);
    const own = new Set(scopes);
    this.memo.set(node, {
      fingerprint,
      lookups: recording.lookups,
      uses: recording.uses,
      starUses: recording.starUses,
      redefinitions: recording.redefinitions,
      undefinedLocals: recording.undefinedLocals,
      messages: this.messages.slice(messageStart).filter((message) => !recording.externalMessages.has(message)),
      scopes,
      outerScopes: scopes.filter((scope) => scope.parent && !own.has(scope.parent)),
    });
  }

  /** Whether every outer lookup the memoized function made still finds the same kind of binding. */
  private lookupsStillHold(memo: FunctionMemo): boolean {
    for (const lookup of memo.lookups) {
      if (describeBinding(this.stack[lookup.index]?.bindings.get(lookup.name)) !== lookup.description) return false;
    }
    return true;
  }

  private replay(memo: FunctionMemo): void {
    const inside = memo.scopes[0];
    // The memo's outermost scopes were opened in an earlier build's scopes.
    const definedIn = this.stack[this.stack.length - 1];
    for (const scope of memo.outerScopes) scope.parent = definedIn;
    for (const effect of memo.uses) {
      const binding = this.stack[effect.index].bindings.get(effect.name);
      if (!binding) continue;
      binding.used = effect.use ??= { scope: inside, node: effect.node };
      if (effect.reference) this.variableOf(binding, effect.index).references.push(effect.reference);
    }
    for (const node of memo.starUses) {
      for (const scope of this.stack) {
        for (const binding of scope.bindings.values()) if (binding.kind === 'star-import') binding.used = { scope: inside, node };
      }
    }
    for (const { index, name, node } of memo.redefinitions) this.stack[index].bindings.get(name)?.redefined.push(node);
    for (const { index, name, node } of memo.undefinedLocals) {
      const original = this.stack[index].bindings.get(name);
      if (original) this.messages.push({ kind: 'undefined-local', node, name, original });
    }
    this.messages.push(...memo.messages);
    this.deadScopes.push(...memo.scopes);
  }

  /** A binding of scope `index` of the stack; lookups outside a recorded function are recorded. */
  private lookup(index: number, name: string): Binding | undefined {
    const binding = this.stack[index].bindings.get(name);
    const recording = this.recording;
    if (recording && index < recording.boundary) recording.lookup(index, name, binding);
    return binding;
  }

  private isOutside(index: number): boolean {
    return !!this.recording && index < this.recording.boundary;
  }

  private at(node: Node): Node {
    return this.reportAt ?? node;
  }

  /** The variable of a binding found in scope `index` of the stack (builtins get theirs when first read). */
  private variableOf(binding: Binding, index: number): Variable {
    return (binding.variable ??= this.stack[index].variable(binding.name));
  }

  private reference(node: Node, kind: Reference['kind']): Reference {
    const reference: Reference = { node, scope: this.scope, kind };
    if (this.reportAt) reference.host = this.reportAt;
    return reference;
  }

  // ---- bindings -----------------------------------------------------------

  private addBinding(node: Node, value: Binding): void {
    let found: Scope = this.stack[0];
    let foundAt = 0;
    let existing: Binding | undefined;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      existing = this.lookup(i, value.name);
      if (existing) {
        found = this.stack[i];
        foundAt = i;
        break;
      }
    }
    const current = this.scope;
    if (existing && existing.kind !== 'builtin' && !(existing.source && inDifferentForks(this.tree, node, existing.source))) {
      if (isImport(existing) && value.forTarget) {
        this.messages.push({ kind: 'import-shadowed-by-loop-var', node, name: value.name, original: existing });
      } else if (found === current) {
        if (
          !existing.used &&
          redefines(value, existing) &&
          (value.name !== '_' || isImport(existing)) &&
          !this.isTypingOverload(existing)
        ) {
          this.messages.push({ kind: 'redefined-while-unused', node, name: value.name, original: existing });
        }
      } else if (isImport(existing) && redefines(value, existing)) {
        existing.redefined.push(node);
        if (this.isOutside(foundAt)) this.recording!.redefinitions.push({ index: foundAt, name: value.name, node });
      }
    }
    const previous = current.bindings.get(value.name);
    // A rebound name keeps the uses of the old one (loops, globals).
    if (previous) value.used = previous.used;
    if (!previous || value.kind !== 'annotation') {
      let target = this.stack.length - 1;
      // PEP 572: a walrus in a comprehension binds in the enclosing scope.
      while (value.kind === 'named-expr' && target > 0 && this.stack[target].kind === 'generator') target--;
      this.stack[target].bindings.set(value.name, value);
      value.variable = this.stack[target].variable(value.name);
    } else {
      value.variable = current.variable(value.name);
    }
    const name = definedName(this.tree, value);
    if (name) value.variable.references.push(this.reference(name, 'store'));
  }

  private binding(name: string, kind: BindingKind, source: Node | undefined, extra: Partial<Binding> = {}): Binding {
    return { name, kind, source, used: undefined, redefined: [], ...extra };
  }

  private isTypingOverload(binding: Binding): boolean {
    const tree = this.tree;
    const definition = binding.source;
    if (binding.kind !== 'function' || !definition || tree.type(definition) !== T.function_definition) return false;
    const decorated = tree.parent(definition);
    if (!decorated || tree.type(decorated) !== T.decorated_definition) return false;
    return tree.namedChildren(decorated).some((child) => {
      const expression = tree.type(child) === T.decorator ? tree.namedChild(child, 0) : NONE;
      return !!expression && this.isTyping(expression, (n) => n === 'overload');
    });
  }

  /** Whether an expression names a member of `typing` (pyflakes' test for annotation contexts). */
  private isTyping(node: Node, matches: (name: string) => boolean): boolean {
    const lookup = (name: string): Binding | undefined => {
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const binding = this.lookup(i, name);
        if (binding) return binding;
      }
      return undefined;
    };
    const tree = this.tree;
    if (tree.type(node) === T.identifier) {
      const binding = lookup(tree.text(node));
      return !!binding && binding.kind === 'from-import' && TYPING_MODULES.has(binding.module ?? '') && matches(binding.realName ?? '');
    }
    if (tree.type(node) === T.attribute) {
      const object = tree.field(node, F.object);
      const attribute = tree.field(node, F.attribute);
      if (!object || tree.type(object) !== T.identifier || !attribute) return false;
      const binding = lookup(tree.text(object));
      return !!binding && isImport(binding) && TYPING_MODULES.has(binding.fullName ?? '') && matches(tree.text(attribute));
    }
    return false;
  }

  // ---- loads, stores, deletes ----------------------------------------------

  private handleLoad(node: Node, name: string): void {
    let inGenerators: boolean | undefined;
    let importStarred = false;
    const current = this.scope;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const scope = this.stack[i];
      if (scope.kind === 'class') {
        if (name === '__class__') return;
        // Only comprehensions directly in a class body see the class's names.
        if (inGenerators === false) continue;
      }
      const binding = this.lookup(i, name);
      if (binding && !(binding.kind === 'annotation' && !this.inPostponedAnnotation)) {
        const use = { scope: current, node: this.at(node) };
        binding.used = use;
        const reference = this.reference(node, 'load');
        this.variableOf(binding, i).references.push(reference);
        if (this.isOutside(i)) this.recording!.uses.push({ index: i, name, node: use.node, reference });
        if (isImport(binding) && binding.fullName && hasAlias(binding)) {
          const aliased = this.lookup(i, binding.fullName);
          if (aliased) aliased.used = use;
          if (aliased && this.isOutside(i)) this.recording!.uses.push({ index: i, name: binding.fullName, node: use.node });
        }
        return;
      }
      importStarred ||= scope.importStarred;
      if (inGenerators !== false) inGenerators = scope.kind === 'generator';
    }
    if (importStarred) {
      const fromList: string[] = [];
      for (let i = this.stack.length - 1; i >= 0; i--) {
        for (const binding of this.stack[i].bindings.values()) {
          if (binding.kind !== 'star-import') continue;
          binding.used = { scope: current, node: this.at(node) };
          fromList.push(binding.fullName ?? '');
        }
      }
      this.recording?.starUses.push(this.at(node));
      this.messages.push({ kind: 'import-star-usage', node: this.at(node), name, fromList: fromList.sort().join(', ') });
      return;
    }
    if (name === '__path__' && this.options.isPackageInit) return;
    if (CLASS_MAGIC.has(name) && current.kind === 'class') return;
    if (this.exceptHandlers[this.exceptHandlers.length - 1].includes('NameError')) return;
    this.messages.push({ kind: 'undefined-name', node: this.at(node), name });
  }

  private get inPostponedAnnotation(): boolean {
    return this.annotation === AnnotationState.String || this.futureAnnotations;
  }

  /** Binds `name`; `node` is what defines it (identifier, `except` clause). */
  private handleStore(node: Node, name: string, kind: BindingKind, extra: Partial<Binding> = {}): void {
    const current = this.scope;
    if (current.isFunction && !current.bindings.has(name)) {
      // A name read in this function before it is assigned here.
      for (let i = 0; i < this.stack.length - 1; i++) {
        const scope = this.stack[i];
        if (!scope.isFunction && scope.kind !== 'module') continue;
        const original = this.lookup(i, name);
        const used = original?.used;
        if (original && used && used.scope === current && !current.alwaysUsed.has(name) && used.node) {
          const message: SemanticMessage = { kind: 'undefined-local', node: used.node, name, original };
          this.messages.push(message);
          if (this.isOutside(i)) {
            this.recording!.undefinedLocals.push({ index: i, name, node: used.node });
            this.recording!.externalMessages.add(message);
          }
          break;
        }
      }
    }
    this.addBinding(this.at(node), this.binding(name, kind, this.at(node), extra));
  }

  private handleDelete(node: Node): void {
    const tree = this.tree;
    const name = tree.text(node);
    this.scope.variable(name).references.push(this.reference(node, 'delete'));
    for (let parent = tree.parent(node); parent; parent = tree.parent(parent)) {
      // A conditional `del` may not run: keep the binding.
      if (CONDITIONAL_TYPES.has(tree.type(parent))) return;
    }
    if (!this.scope.bindings.delete(name)) this.messages.push({ kind: 'undefined-name', node: this.at(node), name });
  }

  /** Stores into an assignment target: names bind, attributes and subscripts read. */
  private storeTarget(target: Node, context: StoreContext, direct: boolean, literalUnpacking: boolean, assignment?: Node): void {
    const tree = this.tree;
    switch (tree.type(target)) {
      case T.identifier: {
        const name = tree.text(target);
        const kind = this.storeKind(name, context, direct, literalUnpacking);
        const extra: Partial<Binding> = {};
        if (context === 'for') extra.forTarget = true;
        if (kind === 'export' && assignment) {
          const previous = this.scope.bindings.get('__all__');
          const inherited = tree.type(assignment) === T.augmented_assignment && previous?.exportNames ? previous.exportNames : [];
          extra.exportNames = [...inherited, ...exportedNames(tree, tree.field(assignment, F.right))];
          this.handleStore(assignment, name, kind, extra);
          return;
        }
        this.handleStore(target, name, kind, extra);
        return;
      }
      case T.list_splat_pattern:
      case T.list_splat:
        for (const child of tree.namedChildren(target)) this.storeTarget(child, context, false, literalUnpacking);
        return;
      case T.pattern_list:
      case T.tuple_pattern:
      case T.list_pattern:
      case T.tuple:
      case T.list:
      case T.expression_list:
      case T.parenthesized_expression: {
        const children = tree.namedChildren(target).filter((c) => tree.type(c) !== T.comment);
        // `(x) = …` is a plain name in Python's AST.
        const parenthesized =
          (tree.type(target) === T.tuple_pattern || tree.type(target) === T.parenthesized_expression) &&
          children.length === 1 &&
          !tree.childOfType(target, K[',']);
        for (const child of children) this.storeTarget(child, context, parenthesized ? direct : false, literalUnpacking);
        return;
      }
      default:
        // `obj.attr = …`, `obj[key] = …` read `obj` and `key`.
        this.visit(target);
    }
  }

  private storeKind(name: string, context: StoreContext, direct: boolean, literalUnpacking: boolean): BindingKind {
    if (context === 'bare-annotation') return 'annotation';
    if (context === 'for' || context === 'comprehension') return 'plain';
    if (!direct && !literalUnpacking) return 'plain';
    if (
      name === '__all__' &&
      direct &&
      this.scope.kind === 'module' &&
      (context === 'assign' || context === 'augmented-assign' || context === 'annotated-assign')
    ) {
      return 'export';
    }
    if (context === 'named-expr') return 'named-expr';
    return 'assignment';
  }

  // ---- the walk -------------------------------------------------------------

  private visitChildren(node: Node): void {
    const tree = this.tree;
    for (let child = tree.firstNamedChild(node); child; child = tree.nextNamedSibling(child)) this.visit(child);
  }

  /**
   * Visits a node. Nodes that only group others (operators, statements,
   * blocks) and the chains expressions are made of (calls, attributes,
   * subscripts) are expanded on a stack of work of their own rather than by
   * recursion, so that no length of chain costs depth; the handlers of the
   * other nodes run to completion before the next item is taken.
   */
  private visit(start: Node): void {
    const tree = this.tree;
    const pending: Work[] = [start];
    while (pending.length) {
      const node = pending.pop()!;
      if (typeof node === 'function') {
        node();
        continue;
      }
      const type = tree.type(node);
      switch (type) {
        case T.identifier:
          this.visitName(node);
          continue;
        case T.attribute:
          pushIf(pending, tree.field(node, F.object));
          continue;
        case T.keyword_argument:
          pushIf(pending, tree.field(node, F.value));
          continue;
        case T.call:
          this.scheduleCall(node, pending);
          continue;
        case T.subscript:
        case T.generic_type:
          this.scheduleSubscript(node, pending);
          continue;
        case T.member_type:
          pushIf(pending, tree.namedChild(node, 0));
          continue;
        case T.string:
        case T.concatenated_string:
          this.visitString(node);
          continue;
        case T.lambda:
          this.visitLambda(node);
          continue;
        case T.list_comprehension:
        case T.set_comprehension:
        case T.dictionary_comprehension:
        case T.generator_expression:
          this.visitComprehension(node);
          continue;
        case T.named_expression:
          this.visitOptional(tree.field(node, F.value));
          this.storeOptional(tree.field(node, F.name), 'named-expr');
          continue;
        case T.assignment:
          this.visitAssignment(node);
          continue;
        case T.augmented_assignment:
          this.visitAugmentedAssignment(node);
          continue;
        case T.for_statement:
          this.visitFor(node);
          continue;
        case T.with_statement:
          this.visitWith(node);
          continue;
        case T.try_statement:
          this.visitTry(node);
          continue;
        case T.import_statement:
          this.visitImport(node);
          continue;
        case T.import_from_statement:
        case T.future_import_statement:
          this.visitImportFrom(node);
          continue;
        case T.decorated_definition:
          this.visitDecorated(node);
          continue;
        case T.function_definition:
          this.visitFunction(node, []);
          continue;
        case T.class_definition:
          this.visitClass(node, []);
          continue;
        case T.global_statement:
        case T.nonlocal_statement:
          this.visitGlobal(node);
          continue;
        case T.delete_statement:
          for (const target of tree.namedChildren(node)) this.deleteTarget(target);
          continue;
        case T.match_statement:
          this.visitMatch(node);
          continue;
        case T.type_alias_statement:
          this.visitTypeAlias(node);
          continue;
        default: {
          if (type !== T.expression_statement && (IGNORED_TYPES.has(type) || !tree.firstChild(node))) continue;
          pushInOrder(pending, tree.namedChildren(node));
        }
      }
    }
  }

  private visitOptional(node: Node | undefined): void {
    if (node) this.visit(node);
  }

  private storeOptional(node: Node | undefined, context: StoreContext): void {
    if (node) this.storeTarget(node, context, true, false);
  }

  private visitName(node: Node): void {
    const name = this.tree.text(node);
    this.handleLoad(node, name);
    if (name === 'locals' && this.scope.isFunction && isCalled(this.tree, node)) this.scope.usesLocals = true;
  }

  private withAnnotation(state: AnnotationState, run: () => void): void {
    const saved = this.annotation;
    this.annotation = state;
    try {
      run();
    } finally {
      this.annotation = saved;
    }
  }

  /** A type hint: strings are deferred string annotations; with `from __future__ import annotations` everything is deferred. */
  private visitAnnotation(node: Node | undefined): void {
    const annotation = unwrapType(this.tree, node);
    if (!annotation) return;
    const text = stringValue(this.tree, annotation);
    if (text !== undefined) {
      this.defer(() => this.handleStringAnnotation(text, annotation));
    } else if (this.futureAnnotations) {
      this.defer(() => this.withAnnotation(AnnotationState.Bare, () => this.visit(annotation)));
    } else {
      this.withAnnotation(AnnotationState.Bare, () => this.visit(annotation));
    }
  }

  private handleStringAnnotation(text: string, node: Node): void {
    if (/^\s/.test(text) || !text.trim()) return;
    const expression = this.parseAnnotation(text, node);
    if (!expression) return;
    const savedReport = this.reportAt;
    this.reportAt = this.reportAt ?? node;
    try {
      this.withAnnotation(AnnotationState.String, () => this.visit(expression));
    } finally {
      this.reportAt = savedReport;
    }
  }

  private visitString(node: Node): void {
    if (this.annotation !== AnnotationState.None) {
      const text = stringValue(this.tree, node);
      if (text !== undefined) {
        if (this.inDeferred) this.handleStringAnnotation(text, node);
        else this.defer(() => this.handleStringAnnotation(text, node));
        return;
      }
    }
    // f-strings: the replacement fields are code.
    this.visitInterpolations(node);
  }

  private visitInterpolations(node: Node): void {
    const tree = this.tree;
    for (const child of tree.namedChildren(node)) {
      const type = tree.type(child);
      if (!INTERPOLATION_TYPES.has(type)) continue;
      if (type === T.interpolation || type === T.format_expression) {
        this.visitOptional(tree.field(child, F.expression));
        const spec = tree.field(child, F.format_specifier);
        if (spec) this.visitInterpolations(spec);
      } else {
        this.visitInterpolations(child);
      }
    }
  }

  /** A subscript's value and slices, scheduled on `pending` (`Literal[…]` and `Annotated[…]` read their arguments as values). */
  private scheduleSubscript(node: Node, pending: Work[]): void {
    const tree = this.tree;
    const generic = tree.type(node) === T.generic_type;
    const value = generic ? tree.namedChild(node, 0) : tree.field(node, F.value);
    const typeArguments = generic ? tree.namedChild(node, 1) : NONE;
    const slices = generic
      ? (typeArguments ? tree.namedChildren(typeArguments) : []).map((c) => unwrapType(tree, c) ?? c)
      : tree.fields(node, F.subscript);
    if (!value) return;
    if (isNameOrAttribute(tree, value, 'Literal')) {
      this.scheduleWithAnnotation(pending, AnnotationState.None, [value, ...slices]);
      return;
    }
    if (isNameOrAttribute(tree, value, 'Annotated')) {
      const items = slices.length === 1 && tree.type(slices[0]) === T.tuple ? tree.namedChildren(slices[0]) : slices;
      if (items.length < 2) {
        pushInOrder(pending, [value, ...slices]);
        return;
      }
      this.scheduleWithAnnotation(pending, AnnotationState.None, items.slice(1));
      pushInOrder(pending, [value, items[0]]);
      return;
    }
    if (this.isTyping(value, () => true)) this.scheduleWithAnnotation(pending, AnnotationState.Bare, [value, ...slices]);
    else pushInOrder(pending, [value, ...slices]);
  }

  /** Schedules `items` to be visited in annotation state `state`, the current state coming back after them. */
  private scheduleWithAnnotation(pending: Work[], state: AnnotationState, items: readonly Node[]): void {
    let saved = this.annotation;
    pending.push(() => {
      this.annotation = saved;
    });
    pushInOrder(pending, items);
    pending.push(() => {
      saved = this.annotation;
      this.annotation = state;
    });
  }

  /**
   * A call's callee and arguments, scheduled on `pending`; the calls whose
   * callee may be one of `typing`'s, which read their arguments as types, are
   * visited at once.
   */
  private scheduleCall(node: Node, pending: Work[]): void {
    const tree = this.tree;
    const func = tree.field(node, F.function);
    if (!func || this.mayBeTypingCall(func)) {
      this.visitCall(node);
      return;
    }
    const argumentList = tree.field(node, F.arguments);
    const isArgumentList = !!argumentList && tree.type(argumentList) === T.argument_list;
    if (tree.type(func) === T.attribute && isArgumentList) {
      const args = tree.namedChildren(argumentList);
      pending.push(() => this.extendExports(func, args));
    }
    // `f(x for x in y)`: the generator is the whole argument list.
    if (isArgumentList) pushInOrder(pending, tree.namedChildren(argumentList));
    else pushIf(pending, argumentList);
    pending.push(func);
  }

  /** A call without a callee, or whose callee may be one of `typing`'s (see `scheduleCall`). */
  private visitCall(node: Node): void {
    const tree = this.tree;
    const func = tree.field(node, F.function);
    const argumentList = tree.field(node, F.arguments);
    const isArgumentList = !!argumentList && tree.type(argumentList) === T.argument_list;
    const args = isArgumentList ? tree.namedChildren(argumentList).filter((c) => tree.type(c) !== T.comment) : [];
    const positional = args.filter((a) => tree.type(a) !== T.keyword_argument && tree.type(a) !== T.list_splat && tree.type(a) !== T.dictionary_splat);
    const keywords = args.filter((a) => tree.type(a) === T.keyword_argument);
    if (!func) return this.visitChildren(node);

    if (this.isTyping(func, (n) => n === 'cast') && positional.length >= 1) {
      this.withAnnotation(AnnotationState.Bare, () => this.visit(positional[0]));
      this.visitChildren(node);
      return;
    }
    const annotated: Node[] = [];
    const plain: Node[] = [];
    if (this.isTyping(func, (n) => n === 'TypeVar')) {
      annotated.push(...positional.slice(1));
      for (const keyword of keywords) {
        const value = tree.field(keyword, F.value);
        if (!value) continue;
        const name = tree.field(keyword, F.name);
        if (name && tree.text(name) === 'bound') annotated.push(value);
        else plain.push(value);
      }
    } else if (this.isTyping(func, (n) => n === 'TypedDict')) {
      const fields = positional[1];
      if (positional.length > 1 && fields && tree.type(fields) === T.dictionary) {
        for (const pair of tree.namedChildren(fields)) {
          if (tree.type(pair) !== T.pair) continue;
          this.pushOptional(plain, tree.field(pair, F.key));
          this.pushOptional(annotated, tree.field(pair, F.value));
        }
        plain.push(...positional.filter((p) => p !== fields));
      } else {
        plain.push(...positional);
      }
      for (const keyword of keywords) this.pushOptional(annotated, tree.field(keyword, F.value));
    } else if (this.isTyping(func, (n) => n === 'NamedTuple')) {
      const fields = positional[1];
      const pairs = fields && (tree.type(fields) === T.list || tree.type(fields) === T.tuple) ? tree.namedChildren(fields) : [];
      const wellFormed = pairs.length > 0 && pairs.every((p) => (tree.type(p) === T.tuple || tree.type(p) === T.list) && tree.namedChildCount(p) === 2);
      if (positional.length > 1 && wellFormed) {
        for (const pair of pairs) {
          this.pushOptional(plain, tree.namedChild(pair, 0));
          this.pushOptional(annotated, tree.namedChild(pair, 1));
        }
        plain.push(...positional.filter((p) => p !== fields));
      } else {
        plain.push(...positional);
      }
      for (const keyword of keywords) this.pushOptional(annotated, tree.field(keyword, F.value));
    } else {
      this.visit(func);
      // `f(x for x in y)`: the generator is the whole argument list.
      if (isArgumentList) this.visitChildren(argumentList);
      else if (argumentList) this.visit(argumentList);
      this.extendExports(func, positional);
      return;
    }
    this.withAnnotation(AnnotationState.None, () => {
      this.visit(func);
      for (const item of plain) this.visit(item);
      for (const arg of args) if (tree.type(arg) === T.list_splat || tree.type(arg) === T.dictionary_splat) this.visit(arg);
    });
    this.withAnnotation(AnnotationState.Bare, () => {
      for (const item of annotated) this.visit(item);
    });
  }

  /** `__all__.extend([...])` and `__all__.append('x')` at module level add exported names. */
  private extendExports(func: Node, positional: Node[]): void {
    const tree = this.tree;
    if (tree.type(func) !== T.attribute || this.scope.kind !== 'module' || positional.length !== 1) return;
    if (tree.type(positional[0]) === T.keyword_argument) return;
    const method = tree.fieldText(func, F.attribute);
    if (tree.fieldText(func, F.object) !== '__all__' || (method !== 'extend' && method !== 'append')) return;
    const all = this.scope.bindings.get('__all__');
    if (all?.kind !== 'export') return;
    if (method === 'extend') all.exportNames = [...(all.exportNames ?? []), ...exportedNames(tree, positional[0])];
    else {
      const name = stringValue(tree, positional[0]);
      if (name !== undefined) all.exportNames = [...(all.exportNames ?? []), name];
    }
  }

  /** A cheap pre-check for `cast`, `TypeVar`, `TypedDict` and `NamedTuple` from `typing`. */
  private mayBeTypingCall(func: Node): boolean {
    const tree = this.tree;
    if (tree.type(func) === T.attribute) return TYPING_CALLS.has(tree.fieldText(func, F.attribute) ?? '');
    if (tree.type(func) !== T.identifier) return false;
    const name = tree.text(func);
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const binding = this.lookup(i, name);
      if (binding) return binding.kind === 'from-import' && TYPING_CALLS.has(binding.realName ?? '');
    }
    return false;
  }

  private pushOptional(list: Node[], node: Node): void {
    if (node) list.push(node);
  }

  private visitComprehension(node: Node): void {
    const tree = this.tree;
    this.pushScope('generator', node);
    for (const clause of tree.namedChildren(node)) {
      if (tree.type(clause) === T.for_in_clause) {
        for (const iter of tree.fields(clause, F.right)) this.visit(iter);
        const left = tree.field(clause, F.left);
        if (left) this.storeTarget(left, 'comprehension', true, false);
      } else if (tree.type(clause) === T.if_clause) {
        this.visitChildren(clause);
      }
    }
    this.visitOptional(tree.field(node, F.body));
    this.popScope();
  }

  private visitAssignment(node: Node): void {
    const tree = this.tree;
    const annotation = tree.field(node, F.type);
    if (annotation) {
      const value = tree.field(node, F.right);
      const target = tree.field(node, F.left);
      if (target) this.storeTarget(target, value ? 'annotated-assign' : 'bare-annotation', true, false, node);
      this.visitAnnotation(annotation);
      if (value) {
        const isTypeAlias = this.isTyping(unwrapType(tree, annotation) ?? annotation, (n) => n === 'TypeAlias');
        if (isTypeAlias) this.visitAnnotation(value);
        else this.visit(value);
      }
      this.handleTypeComments(node);
      return;
    }
    // `a = b = value`: the chain nests to the right in the tree.
    const targets: Node[] = [];
    let value: Node = node;
    while (value && tree.type(value) === T.assignment && !tree.field(value, F.type)) {
      const left = tree.field(value, F.left);
      if (left) targets.push(left);
      value = tree.field(value, F.right);
    }
    // A value without a name (a table of literals) binds, reads and defines nothing, unless it is a type hint.
    if (value && (this.annotation !== AnnotationState.None || this.tree.holdsType(value, NAME_HOLDERS))) this.visit(value);
    const literal =
      !!value && SEQUENCE_VALUE_TYPES.has(tree.type(value)) && targets.every((t) => UNPACKING_TYPES.has(tree.type(t)) && tree.type(t) !== T.parenthesized_expression);
    for (const target of targets) this.storeTarget(target, 'assign', true, literal, node);
    this.handleTypeComments(node);
  }

  private visitAugmentedAssignment(node: Node): void {
    const tree = this.tree;
    const target = tree.field(node, F.left);
    if (target && tree.type(target) === T.identifier) this.handleLoad(target, tree.text(target));
    this.visitOptional(tree.field(node, F.right));
    if (target) this.storeTarget(target, 'augmented-assign', true, false, node);
  }

  private visitFor(node: Node): void {
    const tree = this.tree;
    this.visitOptional(tree.field(node, F.right));
    const left = tree.field(node, F.left);
    if (left) this.storeTarget(left, 'for', true, false);
    this.handleTypeComments(node);
    this.visitOptional(tree.field(node, F.body));
    this.visitOptional(tree.field(node, F.alternative));
  }

  private visitWith(node: Node): void {
    const tree = this.tree;
    this.handleTypeComments(node);
    for (const child of tree.namedChildren(node)) {
      if (tree.type(child) !== T.with_clause) {
        this.visit(child);
        continue;
      }
      for (const item of tree.namedChildren(child)) {
        if (tree.type(item) !== T.with_item) continue;
        const value = tree.field(item, F.value);
        if (value && tree.type(value) === T.as_pattern) {
          this.visitOptional(tree.namedChild(value, 0));
          const alias = tree.field(value, F.alias);
          const target = alias ? tree.namedChild(alias, 0) : NONE;
          if (target) this.storeTarget(target, 'with', true, false);
        } else {
          this.visitOptional(value);
        }
      }
    }
  }

  private visitTry(node: Node): void {
    const tree = this.tree;
    const handlerNames: string[] = [];
    for (const clause of tree.namedChildren(node)) {
      if (tree.type(clause) !== T.except_clause) continue;
      const { type } = exceptHandler(tree, clause);
      const types = type && (tree.type(type) === T.tuple || tree.type(type) === T.parenthesized_expression) ? tree.namedChildren(type) : [type];
      for (const item of types) if (item && tree.type(item) === T.identifier) handlerNames.push(tree.text(item));
    }
    this.exceptHandlers.push(handlerNames);
    this.visitOptional(tree.field(node, F.body));
    this.exceptHandlers.pop();
    for (const clause of tree.namedChildren(node)) {
      if (tree.type(clause) === T.block || tree.type(clause) === T.comment) continue;
      if (tree.type(clause) === T.except_clause) this.visitExcept(clause);
      else this.visit(clause);
    }
  }

  private visitExcept(clause: Node): void {
    const tree = this.tree;
    const { type, name: alias } = exceptHandler(tree, clause);
    const body = tree.namedChildren(clause).filter((c) => tree.type(c) === T.block);
    if (!alias) {
      this.visitOptional(type);
      for (const block of body) this.visit(block);
      return;
    }
    const name = tree.text(alias);
    const scope = this.scope;
    if (scope.bindings.has(name)) this.handleStore(clause, name, 'assignment');
    // The name is bound only inside the handler and unbound after it.
    const previous = scope.bindings.get(name);
    scope.bindings.delete(name);
    this.handleStore(clause, name, 'assignment');
    this.visitOptional(type);
    for (const block of body) this.visit(block);
    const binding = scope.bindings.get(name);
    if (binding) {
      scope.bindings.delete(name);
      if (!binding.used) this.messages.push({ kind: 'unused-variable', node: clause, name, binding });
    }
    if (previous) scope.bindings.set(name, previous);
  }

  private visitImport(node: Node): void {
    const tree = this.tree;
    for (const item of tree.fields(node, F.name)) {
      if (tree.type(item) === T.aliased_import) {
        const fullName = dottedText(tree, tree.field(item, F.name));
        const alias = tree.fieldText(item, F.alias) ?? fullName;
        this.addBinding(node, this.binding(alias, 'import', node, { nameNode: item, fullName }));
      } else {
        const fullName = dottedText(tree, item);
        if (fullName.includes('.')) {
          const root = fullName.slice(0, fullName.indexOf('.'));
          this.addBinding(node, this.binding(root, 'submodule-import', node, { nameNode: item, fullName }));
        } else {
          this.addBinding(node, this.binding(fullName, 'import', node, { nameNode: item, fullName }));
        }
      }
    }
  }

  private visitImportFrom(node: Node): void {
    const tree = this.tree;
    const isFuture = tree.type(node) === T.future_import_statement;
    const module = isFuture ? '__future__' : (tree.fieldText(node, F.module_name) ?? '').replace(/\s+/g, '');
    if (!isFuture && tree.childOfType(node, T.wildcard_import)) {
      if (this.scope.kind !== 'module') return;
      this.scope.importStarred = true;
      this.messages.push({ kind: 'import-star-used', node, module });
      this.addBinding(node, this.binding(`${module}.*`, 'star-import', node, { fullName: module }));
      return;
    }
    for (const item of tree.fields(node, F.name)) {
      const aliased = tree.type(item) === T.aliased_import;
      const realName = dottedText(tree, aliased ? tree.field(item, F.name) : item);
      const name = aliased ? (tree.fieldText(item, F.alias) ?? realName) : realName;
      const fullName = module.endsWith('.') ? module + realName : `${module}.${realName}`;
      if (isFuture) {
        if (realName === 'annotations' && this.scope.kind === 'module') this.futureAnnotations = true;
        const binding = this.binding(name, 'future-import', node, { nameNode: item, fullName, module, realName });
        binding.used = { scope: this.scope, node };
        this.addBinding(node, binding);
      } else {
        this.addBinding(node, this.binding(name, 'from-import', node, { nameNode: item, fullName, module, realName }));
      }
    }
  }

  private visitDecorated(node: Node): void {
    const tree = this.tree;
    const decorators = tree.namedChildren(node).filter((c) => tree.type(c) === T.decorator);
    const definition = tree.field(node, F.definition);
    if (definition && tree.type(definition) === T.function_definition) this.visitFunction(definition, decorators);
    else if (definition && tree.type(definition) === T.class_definition) this.visitClass(definition, decorators);
    else this.visitChildren(node);
  }

  /** PEP 695 `[T, *Ts, **P]`: a scope of their own around the definition. */
  private pushTypeParams(node: Node): boolean {
    const tree = this.tree;
    const params = tree.field(node, F.type_parameters);
    if (!params) return false;
    this.pushScope('type-params', node);
    for (const param of tree.namedChildren(params)) {
      const name = firstIdentifier(tree, param);
      if (name) this.addBinding(name, this.binding(tree.text(name), 'type-param', name));
    }
    return true;
  }

  private visitFunction(node: Node, decorators: Node[]): void {
    const tree = this.tree;
    for (const decorator of decorators) this.visitChildren(decorator);
    const typeScope = this.pushTypeParams(node);
    const parameters = tree.field(node, F.parameters);
    const params = parameters ? tree.namedChildren(parameters) : [];
    for (const param of params) this.visitAnnotation(tree.field(param, F.type));
    this.visitAnnotation(tree.field(node, F.return_type));
    for (const param of params) this.visitOptional(tree.field(param, F.value));
    // Module-level functions and methods are memoized (nested ones are part of theirs).
    this.defer(() => this.runFunction(node, 'function', params, tree.field(node, F.body)), this.inDeferred ? undefined : node);
    if (typeScope) this.popScope();
    const name = tree.field(node, F.name);
    if (name) this.addBinding(node, this.binding(tree.text(name), 'function', node));
  }

  private visitLambda(node: Node): void {
    const tree = this.tree;
    const parameters = tree.field(node, F.parameters);
    const params = parameters ? tree.namedChildren(parameters) : [];
    for (const param of params) this.visitOptional(tree.field(param, F.value));
    this.defer(() => this.runFunction(node, 'lambda', params, tree.field(node, F.body)));
  }

  private runFunction(node: Node, kind: ScopeKind, params: Node[], body: Node): void {
    const scope = this.pushScope(kind, node);
    for (const param of params) {
      const name = parameterName(this.tree, param);
      if (!name) continue;
      const binding = this.binding(this.tree.text(name), 'argument', node, { nameNode: name });
      scope.parameters.push(binding);
      // A redefinition is reported at the parameter (where its `# noqa` goes), as pyflakes does.
      this.addBinding(name, binding);
    }
    if (kind === 'function') this.handleTypeComments(node);
    this.visitOptional(body);
    this.deferredAssignments.push({ run: () => this.reportUnusedAssignments(scope), stack: [...this.stack] });
    this.popScope();
  }

  private reportUnusedAssignments(scope: Scope): void {
    if (scope.usesLocals) return;
    for (const [name, binding] of scope.bindings) {
      if (binding.used || name === '_' || scope.alwaysUsed.has(name)) continue;
      if (binding.kind !== 'assignment' && binding.kind !== 'named-expr') continue;
      if (binding.source) this.messages.push({ kind: 'unused-variable', node: binding.source, name, binding });
    }
  }

  private visitClass(node: Node, decorators: Node[]): void {
    const tree = this.tree;
    for (const decorator of decorators) this.visitChildren(decorator);
    const typeScope = this.pushTypeParams(node);
    this.visitOptional(tree.field(node, F.superclasses));
    this.pushScope('class', node);
    this.visitOptional(tree.field(node, F.body));
    this.popScope();
    if (typeScope) this.popScope();
    const name = tree.field(node, F.name);
    if (name) this.addBinding(node, this.binding(tree.text(name), 'class', node));
  }

  private visitGlobal(node: Node): void {
    const tree = this.tree;
    const module = this.stack[0];
    if (this.scope === module) return;
    if (this.recording) this.recording.uncacheable = true;
    for (const identifier of tree.namedChildren(node)) {
      if (tree.type(identifier) !== T.identifier) continue;
      const name = tree.text(identifier);
      const value = this.binding(name, 'global', node);
      // The name is defined somewhere else: forget undefined-name reports so far.
      for (let i = this.messages.length - 1; i >= 0; i--) {
        const message = this.messages[i];
        if (message.kind === 'undefined-name' && message.name === name) this.messages.splice(i, 1);
      }
      if (!module.bindings.has(name)) module.bindings.set(name, value);
      // The declaring scope's name is the outer variable: its stores and reads rename with it.
      value.variable = tree.type(node) === T.global_statement ? module.variable(name) : this.nonlocalVariable(name);
      this.scope.variables.set(name, value.variable);
      value.variable.references.push(this.reference(identifier, 'declaration'));
      value.used = { scope: module, node };
      for (const scope of this.stack.slice(1)) scope.bindings.set(name, value);
    }
  }

  /** The variable a `nonlocal` name refers to: the nearest enclosing function's. */
  private nonlocalVariable(name: string): Variable {
    for (let i = this.stack.length - 2; i > 0; i--) {
      const scope = this.stack[i];
      if (scope.isFunction && scope.variables.has(name)) return scope.variables.get(name)!;
    }
    return this.scope.variable(name);
  }

  private deleteTarget(target: Node): void {
    const tree = this.tree;
    if (tree.type(target) === T.identifier) this.handleDelete(target);
    else if (UNPACKING_TYPES.has(tree.type(target))) for (const child of tree.namedChildren(target)) this.deleteTarget(child);
    else this.visit(target);
  }

  private visitMatch(node: Node): void {
    const tree = this.tree;
    this.visitOptional(tree.field(node, F.subject));
    const body = tree.field(node, F.body);
    for (const clause of body ? tree.namedChildren(body) : []) {
      if (tree.type(clause) !== T.case_clause) continue;
      for (const child of tree.namedChildren(clause)) {
        if (tree.type(child) === T.case_pattern) this.visitPattern(child);
        else this.visit(child);
      }
    }
  }

  private visitPattern(node: Node): void {
    const tree = this.tree;
    switch (tree.type(node)) {
      case T.dotted_name: {
        const parts = tree.namedChildren(node).filter((c) => tree.type(c) === T.identifier);
        // A bare name captures; a dotted name is a value to compare with.
        if (parts.length === 1) this.handleStore(parts[0], tree.text(parts[0]), 'assignment');
        else if (parts[0]) this.handleLoad(parts[0], tree.text(parts[0]));
        return;
      }
      case T.as_pattern: {
        const alias = tree.lastNamedChild(node);
        if (alias && tree.type(alias) === T.identifier) this.handleStore(alias, tree.text(alias), 'assignment');
        for (const child of tree.namedChildren(node)) if (child !== alias) this.visitPattern(child);
        return;
      }
      case T.splat_pattern: {
        const name = tree.namedChild(node, 0);
        if (name && tree.type(name) === T.identifier && tree.text(name) !== '_') this.handleStore(name, tree.text(name), 'assignment');
        return;
      }
      case T.class_pattern: {
        const [cls, ...rest] = tree.namedChildren(node);
        if (cls && tree.type(cls) === T.dotted_name) {
          const first = tree.namedChild(cls, 0);
          if (first) this.handleLoad(first, tree.text(first));
        }
        for (const child of rest) this.visitPattern(child);
        return;
      }
      case T.keyword_pattern: {
        // `name=pattern`: the keyword is an attribute name.
        const [, ...patterns] = tree.namedChildren(node);
        for (const child of patterns) this.visitPattern(child);
        return;
      }
      case T.case_pattern:
      case T.union_pattern:
      case T.list_pattern:
      case T.tuple_pattern:
      case T.dict_pattern:
        for (const child of tree.namedChildren(node)) this.visitPattern(child);
        return;
      default:
        this.visit(node);
    }
  }

  private visitTypeAlias(node: Node): void {
    const tree = this.tree;
    const left = unwrapType(tree, tree.field(node, F.left));
    const generic = !!left && tree.type(left) === T.generic_type;
    const nameNode = generic ? tree.namedChild(left, 0) : left;
    const value = tree.field(node, F.right);
    const typeParams = generic ? tree.namedChild(left, 1) : NONE;
    if (nameNode && tree.type(nameNode) === T.identifier) this.addBinding(nameNode, this.binding(tree.text(nameNode), 'type-alias', nameNode));
    // The value is evaluated lazily, inside the alias's own type-parameter scope.
    this.defer(() => {
      if (typeParams) {
        this.pushScope('type-params', node);
        for (const param of tree.namedChildren(typeParams)) {
          const name = firstIdentifier(tree, param);
          if (name) this.addBinding(name, this.binding(tree.text(name), 'type-param', name));
        }
      }
      this.withAnnotation(AnnotationState.Bare, () => this.visitOptional(unwrapType(tree, value)));
      if (typeParams) this.popScope();
    });
  }

  /** `# type:` comments of a statement, read as deferred string annotations (as pyflakes does). */
  private handleTypeComments(node: Node): void {
    const comments = this.typeComments.get(node);
    if (!comments) return;
    for (const { node: comment, text } of comments) {
      for (const part of text) {
        this.defer(() => this.handleStringAnnotation(part, comment));
      }
    }
  }

}

/** What `visit` has left to do: nodes to visit, and steps between them (restoring a state). */
type Work = Node | (() => void);

function pushIf(pending: Work[], node: Node): void {
  if (node) pending.push(node);
}

/** Pushes nodes so that the first one is taken first. */
function pushInOrder(pending: Work[], nodes: readonly Node[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) pending.push(nodes[i]);
}

/** The name a binding's definition writes: the identifier, the `def`/`class` name, the import item. */
function definedName(tree: SyntaxTree, binding: Binding): Node | undefined {
  if (binding.nameNode) return binding.nameNode;
  const source = binding.source;
  if (!source) return undefined;
  switch (tree.type(source)) {
    case T.identifier:
      return source;
    case T.function_definition:
    case T.class_definition:
      return tree.field(source, F.name) || undefined;
    case T.except_clause:
      return exceptHandler(tree, source).name || undefined;
    case T.assignment:
    case T.augmented_assignment: {
      const left = tree.field(source, F.left);
      return left && tree.type(left) === T.identifier ? left : undefined;
    }
    default:
      return undefined;
  }
}

function isCalled(tree: SyntaxTree, node: Node): boolean {
  const parent = tree.parent(node);
  if (!parent) return false;
  if (tree.type(parent) === T.call) return true;
  const grandparent = tree.parent(parent);
  return tree.type(parent) === T.argument_list && !!grandparent && tree.type(grandparent) === T.call;
}

function isNameOrAttribute(tree: SyntaxTree, node: Node, name: string): boolean {
  if (tree.type(node) === T.identifier) return tree.text(node) === name;
  if (tree.type(node) === T.attribute) return tree.fieldText(node, F.attribute) === name;
  return false;
}

/** Annotations are wrapped in a `type` node. */
function unwrapType(tree: SyntaxTree, node: Node | undefined): Node | undefined {
  if (!node) return undefined;
  if (tree.type(node) === T.type && tree.namedChildCount(node) === 1) return tree.namedChild(node, 0) || undefined;
  return node;
}

function dottedText(tree: SyntaxTree, node: Node): string {
  return node ? tree.text(node).replace(/\s+/g, '') : '';
}

/** The first identifier of a type parameter, in document order. */
function firstIdentifier(tree: SyntaxTree, node: Node): Node | undefined {
  for (let current = node; current; current = tree.following(current, node)) {
    if (tree.type(current) === T.identifier) return current;
  }
  return undefined;
}
