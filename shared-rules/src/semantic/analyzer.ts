import type { SyntaxNode as Node } from './syntax';
import { Parser, type Language } from 'web-tree-sitter';
import { mirrorNode } from './syntax';
import { describeBinding, FunctionRecording, type FunctionMemo } from './functionMemo';
import { inDifferentForks } from './forks';
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

const TYPING_MODULES = new Set(['typing', 'typing_extensions']);
const TYPING_CALLS = new Set(['cast', 'TypeVar', 'TypedDict', 'NamedTuple']);
const CLASS_MAGIC = new Set(['__module__', '__qualname__']);
const UNPACKING_TYPES = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'expression_list', 'parenthesized_expression']);
const SEQUENCE_VALUE_TYPES = new Set(['expression_list', 'tuple', 'list', 'set']);
const CONDITIONAL_TYPES = new Set(['if_statement', 'while_statement', 'conditional_expression']);
const IGNORED_TYPES = new Set([
  'comment', 'string_start', 'string_content', 'string_end', 'escape_sequence', 'integer', 'float', 'true', 'false',
  'none', 'ellipsis', 'pass_statement', 'break_statement', 'continue_statement', 'keyword_separator',
  'positional_separator', 'line_continuation', 'type_conversion', 'import_prefix', 'wildcard_import',
]);

let annotationParser: Parser | undefined;

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

  constructor(
    private readonly root: Node,
    /** The grammar, to parse string annotations. */
    private readonly language: Language,
    private readonly options: AnalyzerOptions,
    /** Results of unchanged functions from earlier runs, by their (reused) definition node. */
    private readonly memo: WeakMap<Node, FunctionMemo> = new WeakMap(),
  ) {
    this.typeComments = typeCommentsByStatement(root);
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
    this.checkDeadScopes();
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
    const fingerprint = `${this.futureAnnotations}\u0000${this.stack[0].importStarred}\u0000${item.stack.map((scope) => scope.kind).join()}`;
    const memo = this.memo.get(node);
    if (
      memo?.fingerprint === fingerprint &&
      memo.lookups.every((lookup) => describeBinding(this.stack[lookup.index]?.bindings.get(lookup.name)) === lookup.description)
    ) {
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
    this.memo.set(node, {
      fingerprint,
      lookups: recording.lookups,
      uses: recording.uses,
      starUses: recording.starUses,
      redefinitions: recording.redefinitions,
      undefinedLocals: recording.undefinedLocals,
      messages: this.messages.slice(messageStart).filter((message) => !recording.externalMessages.has(message)),
      scopes: this.deadScopes.slice(scopeStart),
    });
  }

  private replay(memo: FunctionMemo): void {
    const inside = memo.scopes[0];
    // The memo's outermost scopes were opened in an earlier build's scopes.
    const own = new Set(memo.scopes);
    const definedIn = this.stack[this.stack.length - 1];
    for (const scope of memo.scopes) if (scope.parent && !own.has(scope.parent)) scope.parent = definedIn;
    for (const { index, name, node, reference } of memo.uses) {
      const binding = this.stack[index].bindings.get(name);
      if (!binding) continue;
      binding.used = { scope: inside, node };
      if (reference) this.variableOf(binding, index).references.push(reference);
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
    if (recording && index < recording.boundary) recording.lookups.push({ index, name, description: describeBinding(binding) });
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
    if (existing && existing.kind !== 'builtin' && !(existing.source && inDifferentForks(node, existing.source))) {
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
    const name = definedName(value);
    if (name) value.variable.references.push(this.reference(name, 'store'));
  }

  private binding(name: string, kind: BindingKind, source: Node | undefined, extra: Partial<Binding> = {}): Binding {
    return { name, kind, source, used: undefined, redefined: [], ...extra };
  }

  private isTypingOverload(binding: Binding): boolean {
    const definition = binding.source;
    if (binding.kind !== 'function' || definition?.type !== 'function_definition') return false;
    const decorated = definition.parent;
    if (decorated?.type !== 'decorated_definition') return false;
    return decorated.namedChildren.some(
      (child) => child?.type === 'decorator' && !!child.namedChild(0) && this.isTyping(child.namedChild(0)!, (n) => n === 'overload'),
    );
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
    if (node.type === 'identifier') {
      const binding = lookup(node.text);
      return !!binding && binding.kind === 'from-import' && TYPING_MODULES.has(binding.module ?? '') && matches(binding.realName ?? '');
    }
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      if (object?.type !== 'identifier' || !attribute) return false;
      const binding = lookup(object.text);
      return !!binding && isImport(binding) && TYPING_MODULES.has(binding.fullName ?? '') && matches(attribute.text);
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
    const name = node.text;
    this.scope.variable(name).references.push(this.reference(node, 'delete'));
    for (let parent = node.parent; parent; parent = parent.parent) {
      // A conditional `del` may not run: keep the binding.
      if (CONDITIONAL_TYPES.has(parent.type)) return;
    }
    if (!this.scope.bindings.delete(name)) this.messages.push({ kind: 'undefined-name', node: this.at(node), name });
  }

  /** Stores into an assignment target: names bind, attributes and subscripts read. */
  private storeTarget(target: Node, context: StoreContext, direct: boolean, literalUnpacking: boolean, assignment?: Node): void {
    switch (target.type) {
      case 'identifier': {
        const name = target.text;
        const kind = this.storeKind(name, context, direct, literalUnpacking);
        const extra: Partial<Binding> = {};
        if (context === 'for') extra.forTarget = true;
        if (kind === 'export' && assignment) {
          const previous = this.scope.bindings.get('__all__');
          const inherited = assignment.type === 'augmented_assignment' && previous?.exportNames ? previous.exportNames : [];
          extra.exportNames = [...inherited, ...exportedNames(assignment.childForFieldName('right'))];
          this.handleStore(assignment, name, kind, extra);
          return;
        }
        this.handleStore(target, name, kind, extra);
        return;
      }
      case 'list_splat_pattern':
      case 'list_splat':
        for (const child of target.namedChildren) if (child) this.storeTarget(child, context, false, literalUnpacking);
        return;
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
      case 'expression_list':
      case 'parenthesized_expression': {
        const children = target.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
        // `(x) = …` is a plain name in Python's AST.
        const parenthesized =
          (target.type === 'tuple_pattern' || target.type === 'parenthesized_expression') &&
          children.length === 1 &&
          !target.children.some((c) => c?.type === ',');
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
    for (const child of node.namedChildren) if (child) this.visit(child);
  }

  private visit(node: Node): void {
    switch (node.type) {
      case 'identifier':
        this.visitName(node);
        return;
      case 'attribute':
        this.visitOptional(node.childForFieldName('object'));
        return;
      case 'keyword_argument':
        this.visitOptional(node.childForFieldName('value'));
        return;
      case 'call':
        this.visitCall(node);
        return;
      case 'subscript':
      case 'generic_type':
        this.visitSubscript(node);
        return;
      case 'member_type':
        this.visitOptional(node.namedChild(0));
        return;
      case 'string':
      case 'concatenated_string':
        this.visitString(node);
        return;
      case 'lambda':
        this.visitLambda(node);
        return;
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        this.visitComprehension(node);
        return;
      case 'named_expression':
        this.visitOptional(node.childForFieldName('value'));
        this.storeOptional(node.childForFieldName('name'), 'named-expr');
        return;
      case 'assignment':
        this.visitAssignment(node);
        return;
      case 'augmented_assignment':
        this.visitAugmentedAssignment(node);
        return;
      case 'for_statement':
        this.visitFor(node);
        return;
      case 'with_statement':
        this.visitWith(node);
        return;
      case 'try_statement':
        this.visitTry(node);
        return;
      case 'import_statement':
        this.visitImport(node);
        return;
      case 'import_from_statement':
      case 'future_import_statement':
        this.visitImportFrom(node);
        return;
      case 'decorated_definition':
        this.visitDecorated(node);
        return;
      case 'function_definition':
        this.visitFunction(node, []);
        return;
      case 'class_definition':
        this.visitClass(node, []);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        this.visitGlobal(node);
        return;
      case 'delete_statement':
        for (const target of node.namedChildren) if (target) this.deleteTarget(target);
        return;
      case 'match_statement':
        this.visitMatch(node);
        return;
      case 'type_alias_statement':
        this.visitTypeAlias(node);
        return;
      case 'expression_statement':
        this.visitChildren(node);
        return;
      default:
        if (IGNORED_TYPES.has(node.type) || node.childCount === 0) return;
        this.visitChildren(node);
    }
  }

  private visitOptional(node: Node | null | undefined): void {
    if (node) this.visit(node);
  }

  private storeOptional(node: Node | null | undefined, context: StoreContext): void {
    if (node) this.storeTarget(node, context, true, false);
  }

  private visitName(node: Node): void {
    const name = node.text;
    this.handleLoad(node, name);
    if (name === 'locals' && this.scope.isFunction && isCalled(node)) this.scope.usesLocals = true;
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
  private visitAnnotation(node: Node | null | undefined): void {
    const annotation = unwrapType(node);
    if (!annotation) return;
    const text = stringValue(annotation);
    if (text !== undefined) {
      this.defer(() => this.handleStringAnnotation(text, annotation));
    } else if (this.futureAnnotations) {
      this.defer(() => this.withAnnotation(AnnotationState.Bare, () => this.visit(annotation)));
    } else {
      this.withAnnotation(AnnotationState.Bare, () => this.visit(annotation));
    }
  }

  private handleStringAnnotation(text: string, node: Node): void {
    const expression = this.parseAnnotation(text);
    if (!expression) return;
    const savedReport = this.reportAt;
    this.reportAt = this.reportAt ?? node;
    try {
      this.withAnnotation(AnnotationState.String, () => this.visit(expression));
    } finally {
      this.reportAt = savedReport;
    }
  }

  /** Parses a string annotation as Python would (`ast.parse`): one expression, nothing else. */
  private parseAnnotation(text: string): Node | undefined {
    if (/^\s/.test(text) || !text.trim()) return undefined;
    annotationParser ??= new Parser();
    annotationParser.setLanguage(this.language);
    const tree = annotationParser.parse(text);
    if (!tree) return undefined;
    try {
      const root = tree.rootNode;
      if (root.hasError) return undefined;
      const statements = root.namedChildren.filter((c) => c?.type !== 'comment');
      if (statements.length !== 1 || statements[0]?.type !== 'expression_statement') return undefined;
      const expressions = statements[0].namedChildren;
      if (expressions.length !== 1 || !expressions[0]) return undefined;
      return mirrorNode(expressions[0], { base: 0, source: text });
    } finally {
      tree.delete();
    }
  }

  private visitString(node: Node): void {
    if (this.annotation !== AnnotationState.None) {
      const text = stringValue(node);
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
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'interpolation' || child.type === 'string' || child.type === 'format_specifier' || child.type === 'format_expression') {
        if (child.type === 'interpolation' || child.type === 'format_expression') {
          this.visitOptional(child.childForFieldName('expression'));
          const spec = child.childForFieldName('format_specifier');
          if (spec) this.visitInterpolations(spec);
        } else {
          this.visitInterpolations(child);
        }
      }
    }
  }

  private visitSubscript(node: Node): void {
    const value = node.type === 'generic_type' ? node.namedChild(0) : node.childForFieldName('value');
    const slices =
      node.type === 'generic_type'
        ? (node.namedChild(1)?.namedChildren ?? []).filter((c): c is Node => !!c).map((c) => unwrapType(c) ?? c)
        : node.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    if (!value) return;
    if (isNameOrAttribute(value, 'Literal')) {
      this.withAnnotation(AnnotationState.None, () => {
        this.visit(value);
        for (const slice of slices) this.visit(slice);
      });
      return;
    }
    if (isNameOrAttribute(value, 'Annotated')) {
      this.visit(value);
      const items = slices.length === 1 && slices[0].type === 'tuple' ? slices[0].namedChildren.filter((c): c is Node => !!c) : slices;
      if (items.length < 2) {
        for (const slice of slices) this.visit(slice);
        return;
      }
      this.visit(items[0]);
      this.withAnnotation(AnnotationState.None, () => {
        for (const item of items.slice(1)) this.visit(item);
      });
      return;
    }
    const visitAll = () => {
      this.visit(value);
      for (const slice of slices) this.visit(slice);
    };
    if (this.isTyping(value, () => true)) this.withAnnotation(AnnotationState.Bare, visitAll);
    else visitAll();
  }

  private visitCall(node: Node): void {
    const func = node.childForFieldName('function');
    const argumentList = node.childForFieldName('arguments');
    if (func && !this.mayBeTypingCall(func)) {
      this.visit(func);
      // `f(x for x in y)`: the generator is the whole argument list.
      if (argumentList?.type === 'argument_list') this.visitChildren(argumentList);
      else if (argumentList) this.visit(argumentList);
      if (func.type === 'attribute' && argumentList?.type === 'argument_list') this.extendExports(func, argumentList.namedChildren);
      return;
    }
    const args = argumentList?.type === 'argument_list' ? argumentList.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
    const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
    const keywords = args.filter((a) => a.type === 'keyword_argument');
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
        const value = keyword.childForFieldName('value');
        if (!value) continue;
        if (keyword.childForFieldName('name')?.text === 'bound') annotated.push(value);
        else plain.push(value);
      }
    } else if (this.isTyping(func, (n) => n === 'TypedDict')) {
      const fields = positional[1];
      if (positional.length > 1 && fields?.type === 'dictionary') {
        for (const pair of fields.namedChildren) {
          if (pair?.type !== 'pair') continue;
          this.pushOptional(plain, pair.childForFieldName('key'));
          this.pushOptional(annotated, pair.childForFieldName('value'));
        }
        plain.push(...positional.filter((p) => p !== fields));
      } else {
        plain.push(...positional);
      }
      for (const keyword of keywords) this.pushOptional(annotated, keyword.childForFieldName('value'));
    } else if (this.isTyping(func, (n) => n === 'NamedTuple')) {
      const fields = positional[1];
      const pairs = fields && (fields.type === 'list' || fields.type === 'tuple') ? fields.namedChildren.filter((c): c is Node => !!c) : [];
      const wellFormed = pairs.length > 0 && pairs.every((p) => (p.type === 'tuple' || p.type === 'list') && p.namedChildren.length === 2);
      if (positional.length > 1 && wellFormed) {
        for (const pair of pairs) {
          this.pushOptional(plain, pair.namedChild(0));
          this.pushOptional(annotated, pair.namedChild(1));
        }
        plain.push(...positional.filter((p) => p.id !== fields.id));
      } else {
        plain.push(...positional);
      }
      for (const keyword of keywords) this.pushOptional(annotated, keyword.childForFieldName('value'));
    } else {
      this.visit(func);
      // `f(x for x in y)`: the generator is the whole argument list.
      if (argumentList?.type === 'argument_list') this.visitChildren(argumentList);
      else if (argumentList) this.visit(argumentList);
      this.extendExports(func, positional);
      return;
    }
    this.withAnnotation(AnnotationState.None, () => {
      this.visit(func);
      for (const item of plain) this.visit(item);
      for (const arg of args) if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') this.visit(arg);
    });
    this.withAnnotation(AnnotationState.Bare, () => {
      for (const item of annotated) this.visit(item);
    });
  }

  /** `__all__.extend([...])` and `__all__.append('x')` at module level add exported names. */
  private extendExports(func: Node, positional: Node[]): void {
    if (func.type !== 'attribute' || this.scope.kind !== 'module' || positional.length !== 1) return;
    if (positional[0].type === 'keyword_argument') return;
    const method = func.childForFieldName('attribute')?.text;
    if (func.childForFieldName('object')?.text !== '__all__' || (method !== 'extend' && method !== 'append')) return;
    const all = this.scope.bindings.get('__all__');
    if (all?.kind !== 'export') return;
    if (method === 'extend') all.exportNames = [...(all.exportNames ?? []), ...exportedNames(positional[0])];
    else {
      const name = stringValue(positional[0]);
      if (name !== undefined) all.exportNames = [...(all.exportNames ?? []), name];
    }
  }

  /** A cheap pre-check for `cast`, `TypeVar`, `TypedDict` and `NamedTuple` from `typing`. */
  private mayBeTypingCall(func: Node): boolean {
    if (func.type === 'attribute') return TYPING_CALLS.has(func.childForFieldName('attribute')?.text ?? '');
    if (func.type !== 'identifier') return false;
    const name = func.text;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const binding = this.lookup(i, name);
      if (binding) return binding.kind === 'from-import' && TYPING_CALLS.has(binding.realName ?? '');
    }
    return false;
  }

  private pushOptional(list: Node[], node: Node | null): void {
    if (node) list.push(node);
  }

  private visitComprehension(node: Node): void {
    this.pushScope('generator', node);
    for (const clause of node.namedChildren) {
      if (!clause) continue;
      if (clause.type === 'for_in_clause') {
        for (const iter of clause.childrenForFieldName('right')) if (iter) this.visit(iter);
        const left = clause.childForFieldName('left');
        if (left) this.storeTarget(left, 'comprehension', true, false);
      } else if (clause.type === 'if_clause') {
        this.visitChildren(clause);
      }
    }
    this.visitOptional(node.childForFieldName('body'));
    this.popScope();
  }

  private visitAssignment(node: Node): void {
    const annotation = node.childForFieldName('type');
    if (annotation) {
      const value = node.childForFieldName('right');
      const target = node.childForFieldName('left');
      if (target) this.storeTarget(target, value ? 'annotated-assign' : 'bare-annotation', true, false, node);
      this.visitAnnotation(annotation);
      if (value) {
        const isTypeAlias = this.isTyping(unwrapType(annotation) ?? annotation, (n) => n === 'TypeAlias');
        if (isTypeAlias) this.visitAnnotation(value);
        else this.visit(value);
      }
      this.handleTypeComments(node);
      return;
    }
    // `a = b = value`: the chain nests to the right in the tree.
    const targets: Node[] = [];
    let value: Node | null = node;
    while (value?.type === 'assignment' && !value.childForFieldName('type')) {
      const left = value.childForFieldName('left');
      if (left) targets.push(left);
      value = value.childForFieldName('right');
    }
    if (value) this.visit(value);
    const literal = !!value && SEQUENCE_VALUE_TYPES.has(value.type) && targets.every((t) => UNPACKING_TYPES.has(t.type) && t.type !== 'parenthesized_expression');
    for (const target of targets) this.storeTarget(target, 'assign', true, literal, node);
    this.handleTypeComments(node);
  }

  private visitAugmentedAssignment(node: Node): void {
    const target = node.childForFieldName('left');
    if (target?.type === 'identifier') this.handleLoad(target, target.text);
    this.visitOptional(node.childForFieldName('right'));
    if (target) this.storeTarget(target, 'augmented-assign', true, false, node);
  }

  private visitFor(node: Node): void {
    this.visitOptional(node.childForFieldName('right'));
    const left = node.childForFieldName('left');
    if (left) this.storeTarget(left, 'for', true, false);
    this.handleTypeComments(node);
    this.visitOptional(node.childForFieldName('body'));
    this.visitOptional(node.childForFieldName('alternative'));
  }

  private visitWith(node: Node): void {
    this.handleTypeComments(node);
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type !== 'with_clause') {
        this.visit(child);
        continue;
      }
      for (const item of child.namedChildren) {
        if (item?.type !== 'with_item') continue;
        const value = item.childForFieldName('value');
        if (value?.type === 'as_pattern') {
          this.visitOptional(value.namedChild(0));
          const target = value.childForFieldName('alias')?.namedChild(0);
          if (target) this.storeTarget(target, 'with', true, false);
        } else {
          this.visitOptional(value);
        }
      }
    }
  }

  private visitTry(node: Node): void {
    const handlerNames: string[] = [];
    for (const clause of node.namedChildren) {
      if (clause?.type !== 'except_clause' && clause?.type !== 'except_group_clause') continue;
      const { type } = exceptParts(clause);
      const types = type?.type === 'tuple' || type?.type === 'parenthesized_expression' ? type.namedChildren : [type];
      for (const item of types) if (item?.type === 'identifier') handlerNames.push(item.text);
    }
    this.exceptHandlers.push(handlerNames);
    this.visitOptional(node.childForFieldName('body'));
    this.exceptHandlers.pop();
    for (const clause of node.namedChildren) {
      if (!clause || clause.type === 'block' || clause.type === 'comment') continue;
      if (clause.type === 'except_clause' || clause.type === 'except_group_clause') this.visitExcept(clause);
      else this.visit(clause);
    }
  }

  private visitExcept(clause: Node): void {
    const { type, alias } = exceptParts(clause);
    const body = clause.namedChildren.filter((c): c is Node => !!c && c.type === 'block');
    if (!alias) {
      this.visitOptional(type);
      for (const block of body) this.visit(block);
      return;
    }
    const name = alias.text;
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
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      if (item.type === 'aliased_import') {
        const fullName = dottedText(item.childForFieldName('name'));
        const alias = item.childForFieldName('alias')?.text ?? fullName;
        this.addBinding(node, this.binding(alias, 'import', node, { nameNode: item, fullName }));
      } else {
        const fullName = dottedText(item);
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
    const isFuture = node.type === 'future_import_statement';
    const moduleNode = node.childForFieldName('module_name');
    const module = isFuture ? '__future__' : (moduleNode?.text ?? '').replace(/\s+/g, '');
    if (!isFuture && node.namedChildren.some((c) => c?.type === 'wildcard_import')) {
      if (this.scope.kind !== 'module') return;
      this.scope.importStarred = true;
      this.messages.push({ kind: 'import-star-used', node, module });
      this.addBinding(node, this.binding(`${module}.*`, 'star-import', node, { fullName: module }));
      return;
    }
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      const realName = dottedText(item.type === 'aliased_import' ? item.childForFieldName('name') : item);
      const name = item.type === 'aliased_import' ? (item.childForFieldName('alias')?.text ?? realName) : realName;
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
    const decorators = node.namedChildren.filter((c): c is Node => c?.type === 'decorator');
    const definition = node.childForFieldName('definition');
    if (definition?.type === 'function_definition') this.visitFunction(definition, decorators);
    else if (definition?.type === 'class_definition') this.visitClass(definition, decorators);
    else this.visitChildren(node);
  }

  /** PEP 695 `[T, *Ts, **P]`: a scope of their own around the definition. */
  private pushTypeParams(node: Node): boolean {
    const params = node.childForFieldName('type_parameters');
    if (!params) return false;
    this.pushScope('type-params', node);
    for (const param of params.namedChildren) {
      const name = param && firstIdentifier(param);
      if (name) this.addBinding(name, this.binding(name.text, 'type-param', name));
    }
    return true;
  }

  private visitFunction(node: Node, decorators: Node[]): void {
    for (const decorator of decorators) this.visitChildren(decorator);
    const typeScope = this.pushTypeParams(node);
    const parameters = node.childForFieldName('parameters');
    const params = parameters?.namedChildren.filter((c): c is Node => !!c) ?? [];
    for (const param of params) this.visitAnnotation(param.childForFieldName('type'));
    this.visitAnnotation(node.childForFieldName('return_type'));
    for (const param of params) this.visitOptional(param.childForFieldName('value'));
    // Module-level functions and methods are memoized (nested ones are part of theirs).
    this.defer(() => this.runFunction(node, 'function', params, node.childForFieldName('body')), this.inDeferred ? undefined : node);
    if (typeScope) this.popScope();
    const name = node.childForFieldName('name');
    if (name) this.addBinding(node, this.binding(name.text, 'function', node));
  }

  private visitLambda(node: Node): void {
    const params = node.childForFieldName('parameters')?.namedChildren.filter((c): c is Node => !!c) ?? [];
    for (const param of params) this.visitOptional(param.childForFieldName('value'));
    this.defer(() => this.runFunction(node, 'lambda', params, node.childForFieldName('body')));
  }

  private runFunction(node: Node, kind: ScopeKind, params: Node[], body: Node | null): void {
    const scope = this.pushScope(kind, node);
    for (const param of params) {
      const name = parameterName(param);
      if (!name) continue;
      const binding = this.binding(name.text, 'argument', node, { nameNode: name });
      scope.parameters.push(binding);
      this.addBinding(node, binding);
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
    for (const decorator of decorators) this.visitChildren(decorator);
    const typeScope = this.pushTypeParams(node);
    this.visitOptional(node.childForFieldName('superclasses'));
    this.pushScope('class', node);
    this.visitOptional(node.childForFieldName('body'));
    this.popScope();
    if (typeScope) this.popScope();
    const name = node.childForFieldName('name');
    if (name) this.addBinding(node, this.binding(name.text, 'class', node));
  }

  private visitGlobal(node: Node): void {
    const module = this.stack[0];
    if (this.scope === module) return;
    if (this.recording) this.recording.uncacheable = true;
    for (const identifier of node.namedChildren) {
      if (identifier?.type !== 'identifier') continue;
      const name = identifier.text;
      const value = this.binding(name, 'global', node);
      // The name is defined somewhere else: forget undefined-name reports so far.
      for (let i = this.messages.length - 1; i >= 0; i--) {
        const message = this.messages[i];
        if (message.kind === 'undefined-name' && message.name === name) this.messages.splice(i, 1);
      }
      if (!module.bindings.has(name)) module.bindings.set(name, value);
      // The declaring scope's name is the outer variable: its stores and reads rename with it.
      value.variable = node.type === 'global_statement' ? module.variable(name) : this.nonlocalVariable(name);
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
    if (target.type === 'identifier') this.handleDelete(target);
    else if (UNPACKING_TYPES.has(target.type)) for (const child of target.namedChildren) child && this.deleteTarget(child);
    else this.visit(target);
  }

  private visitMatch(node: Node): void {
    this.visitOptional(node.childForFieldName('subject'));
    const body = node.childForFieldName('body');
    for (const clause of body?.namedChildren ?? []) {
      if (clause?.type !== 'case_clause') continue;
      for (const child of clause.namedChildren) {
        if (!child) continue;
        if (child.type === 'case_pattern') this.visitPattern(child);
        else this.visit(child);
      }
    }
  }

  private visitPattern(node: Node): void {
    switch (node.type) {
      case 'dotted_name': {
        const parts = node.namedChildren.filter((c): c is Node => c?.type === 'identifier');
        // A bare name captures; a dotted name is a value to compare with.
        if (parts.length === 1) this.handleStore(parts[0], parts[0].text, 'assignment');
        else if (parts[0]) this.handleLoad(parts[0], parts[0].text);
        return;
      }
      case 'as_pattern': {
        const alias = node.namedChildren.filter((c): c is Node => !!c).pop();
        if (alias?.type === 'identifier') this.handleStore(alias, alias.text, 'assignment');
        for (const child of node.namedChildren) if (child && child.id !== alias?.id) this.visitPattern(child);
        return;
      }
      case 'splat_pattern': {
        const name = node.namedChild(0);
        if (name?.type === 'identifier' && name.text !== '_') this.handleStore(name, name.text, 'assignment');
        return;
      }
      case 'class_pattern': {
        const [cls, ...rest] = node.namedChildren.filter((c): c is Node => !!c);
        if (cls?.type === 'dotted_name') {
          const first = cls.namedChild(0);
          if (first) this.handleLoad(first, first.text);
        }
        for (const child of rest) this.visitPattern(child);
        return;
      }
      case 'keyword_pattern': {
        // `name=pattern`: the keyword is an attribute name.
        const [, ...patterns] = node.namedChildren.filter((c): c is Node => !!c);
        for (const child of patterns) this.visitPattern(child);
        return;
      }
      case 'case_pattern':
      case 'union_pattern':
      case 'list_pattern':
      case 'tuple_pattern':
      case 'dict_pattern':
        for (const child of node.namedChildren) if (child) this.visitPattern(child);
        return;
      default:
        this.visit(node);
    }
  }

  private visitTypeAlias(node: Node): void {
    const left = unwrapType(node.childForFieldName('left'));
    const nameNode = left?.type === 'generic_type' ? left.namedChild(0) : left;
    const value = node.childForFieldName('right');
    const typeParams = left?.type === 'generic_type' ? left.namedChild(1) : null;
    if (nameNode?.type === 'identifier') this.addBinding(nameNode, this.binding(nameNode.text, 'type-alias', nameNode));
    // The value is evaluated lazily, inside the alias's own type-parameter scope.
    this.defer(() => {
      if (typeParams) {
        this.pushScope('type-params', node);
        for (const param of typeParams.namedChildren) {
          const name = param && firstIdentifier(param);
          if (name) this.addBinding(name, this.binding(name.text, 'type-param', name));
        }
      }
      this.withAnnotation(AnnotationState.Bare, () => this.visitOptional(unwrapType(value)));
      if (typeParams) this.popScope();
    });
  }

  /** `# type:` comments of a statement, read as deferred string annotations (as pyflakes does). */
  private handleTypeComments(node: Node): void {
    const comments = this.typeComments.get(node.id);
    if (!comments) return;
    for (const { node: comment, text } of comments) {
      for (const part of text) {
        this.defer(() => this.handleStringAnnotation(part, comment));
      }
    }
  }

  // ---- the end --------------------------------------------------------------

  private checkDeadScopes(): void {
    for (const scope of this.deadScopes) {
      // Imports in a class body are attributes of the class.
      if (scope.kind === 'class') continue;
      const all = scope.bindings.get('__all__');
      const exportNames = all?.kind === 'export' ? (all.exportNames ?? []) : [];
      const exported = new Set(exportNames);
      const undefinedExports = exportNames.filter((name) => !scope.bindings.has(name));
      if (undefinedExports.length && all?.source) {
        if (!scope.importStarred && !this.options.isPackageInit) {
          for (const name of undefinedExports) this.messages.push({ kind: 'undefined-export', node: all.source, name });
        }
        if (scope.importStarred) {
          const fromList: string[] = [];
          for (const binding of scope.bindings.values()) {
            if (binding.kind !== 'star-import') continue;
            binding.used = { scope, node: all.source };
            fromList.push(binding.fullName ?? '');
          }
          const list = fromList.sort().join(', ');
          for (const name of undefinedExports) this.messages.push({ kind: 'import-star-usage', node: all.source, name, fromList: list });
        }
      }
      for (const binding of scope.bindings.values()) {
        if (!isImport(binding)) continue;
        const used = !!binding.used || exported.has(binding.name);
        if (!used) this.messages.push({ kind: 'unused-import', binding, name: binding.name });
        for (const node of binding.redefined) {
          if (used) continue;
          this.messages.push({ kind: 'redefined-while-unused', node, name: binding.name, original: binding });
        }
      }
    }
  }
}

/** The name a binding's definition writes: the identifier, the `def`/`class` name, the import item. */
function definedName(binding: Binding): Node | undefined {
  if (binding.nameNode) return binding.nameNode;
  const source = binding.source;
  switch (source?.type) {
    case 'identifier':
      return source;
    case 'function_definition':
    case 'class_definition':
      return source.childForFieldName('name') ?? undefined;
    case 'except_clause':
    case 'except_group_clause':
      return exceptParts(source).alias;
    case 'assignment':
    case 'augmented_assignment': {
      const left = source.childForFieldName('left');
      return left?.type === 'identifier' ? left : undefined;
    }
    default:
      return undefined;
  }
}

function isCalled(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'call') return true;
  return parent?.type === 'argument_list' && parent.parent?.type === 'call';
}

function isNameOrAttribute(node: Node, name: string): boolean {
  if (node.type === 'identifier') return node.text === name;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text === name;
  return false;
}

/** Annotations are wrapped in a `type` node. */
function unwrapType(node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'type' && node.namedChildCount === 1) return node.namedChild(0) ?? undefined;
  return node;
}

function dottedText(node: Node | null): string {
  return node ? node.text.replace(/\s+/g, '') : '';
}

function firstIdentifier(node: Node): Node | undefined {
  if (node.type === 'identifier') return node;
  for (const child of node.namedChildren) {
    const found = child && firstIdentifier(child);
    if (found) return found;
  }
  return undefined;
}

/** The name a parameter binds (`x`, `x: int`, `x=1`, `*args`, `**kwargs`). */
export function parameterName(param: Node): Node | undefined {
  switch (param.type) {
    case 'identifier':
      return param;
    case 'default_parameter':
    case 'typed_default_parameter':
      return param.childForFieldName('name') ?? undefined;
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern': {
      const inner = param.namedChild(0);
      return inner ? parameterName(inner) : undefined;
    }
    default:
      return undefined;
  }
}

/** The exception type and the `as` name of an `except` clause. */
export function exceptParts(clause: Node): { type: Node | undefined; alias: Node | undefined } {
  const value = clause.childForFieldName('value') ?? clause.namedChildren.find((c) => !!c && c.type !== 'block' && c.type !== 'comment') ?? undefined;
  if (value?.type === 'as_pattern') {
    const alias = value.childForFieldName('alias');
    return { type: value.namedChild(0) ?? undefined, alias: alias?.namedChild(0) ?? alias ?? undefined };
  }
  return { type: value ?? undefined, alias: undefined };
}
