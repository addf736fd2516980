import { exceptHandler } from '../../syntax/exceptHandlers';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId as Node, type SyntaxTree } from '../../syntax/tree';
import type { FunctionRecording } from '../functionMemo';
import { inDifferentForks } from '../forks';
import type { SemanticMessage } from '../messages';
import { Scope, hasAlias, isImport, redefines, type Binding, type BindingKind, type Reference, type ScopeKind, type Variable } from '../scope';
import type { ReadingState } from './readingState';

const TYPING_MODULES: ReadonlySet<string> = new Set(['typing', 'typing_extensions']);
const CLASS_MAGIC: ReadonlySet<string> = new Set(['__module__', '__qualname__']);
const CONDITIONAL_TYPES: ReadonlySet<number> = new Set<number>([T.if_statement, T.while_statement, T.conditional_expression]);

/**
 * The scope stack and what happens to names in it: bindings added (with the
 * redefinition reports), names loaded, stored and deleted (with the
 * undefined-name reports), each occurrence recorded on its variable. Lookups
 * outside a function being recorded for its memo are recorded too.
 */
export class BindingRecorder {
  readonly messages: SemanticMessage[] = [];
  /** Every scope, in the order it was closed; the module scope is last. */
  readonly deadScopes: Scope[] = [];
  /** The open scopes, innermost last; a deferred body runs on the stack it was defined in. */
  stack: Scope[] = [];
  /** The memo of the module-level function running, if it is being recorded. */
  recording: FunctionRecording | undefined;

  constructor(
    private readonly tree: SyntaxTree,
    private readonly reading: ReadingState,
    /** `__init__.py` allows `__path__`. */
    private readonly isPackageInit: boolean,
  ) {}

  // ---- scopes -------------------------------------------------------------

  get scope(): Scope {
    return this.stack[this.stack.length - 1];
  }

  pushScope(kind: ScopeKind, node: Node): Scope {
    const scope = new Scope(kind, node, this.stack[this.stack.length - 1]);
    this.stack.push(scope);
    return scope;
  }

  popScope(): void {
    const scope = this.stack.pop();
    if (scope) this.deadScopes.push(scope);
  }

  /** A binding of scope `index` of the stack; lookups outside a recorded function are recorded. */
  lookup(index: number, name: string): Binding | undefined {
    const binding = this.stack[index].bindings.get(name);
    const recording = this.recording;
    if (recording && index < recording.boundary) recording.lookup(index, name, binding);
    return binding;
  }

  private isOutside(index: number): boolean {
    return !!this.recording && index < this.recording.boundary;
  }

  at(node: Node): Node {
    return this.reading.reportAt ?? node;
  }

  /** The variable of a binding found in scope `index` of the stack (builtins get theirs when first read). */
  variableOf(binding: Binding, index: number): Variable {
    return (binding.variable ??= this.stack[index].variable(binding.name));
  }

  reference(node: Node, kind: Reference['kind']): Reference {
    const reference: Reference = { node, scope: this.scope, kind };
    if (this.reading.reportAt) reference.host = this.reading.reportAt;
    return reference;
  }

  /** The variable a `nonlocal` name refers to: the nearest enclosing function's. */
  nonlocalVariable(name: string): Variable {
    for (let i = this.stack.length - 2; i > 0; i--) {
      const scope = this.stack[i];
      if (scope.isFunction && scope.variables.has(name)) return scope.variables.get(name)!;
    }
    return this.scope.variable(name);
  }

  // ---- bindings -----------------------------------------------------------

  addBinding(node: Node, value: Binding): void {
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
        const message: SemanticMessage = { kind: 'import-shadowed-by-loop-var', node, name: value.name, original: existing };
        this.messages.push(message);
        if (this.isOutside(foundAt)) {
          this.recording!.loopShadows.push({ index: foundAt, name: value.name, node });
          this.recording!.externalMessages.add(message);
        }
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
      this.stack[target].bind(value);
      value.variable = this.stack[target].variable(value.name);
    } else {
      value.variable = current.variable(value.name);
    }
    const name = definedName(this.tree, value);
    if (name) value.variable.references.push(this.reference(name, 'store'));
  }

  /** A new binding; all have every field, in one order: bindings are read everywhere, and sites reading objects of one shape stay fast. */
  binding(name: string, kind: BindingKind, source: Node | undefined, extra: Partial<Binding> = {}): Binding {
    return {
      name, kind, variable: undefined, source, nameNode: extra.nameNode, used: undefined, fullName: extra.fullName, module: extra.module,
      realName: extra.realName, redefined: [], exportNames: extra.exportNames, forTarget: extra.forTarget,
    };
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
  isTyping(node: Node, matches: (name: string) => boolean): boolean {
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

  handleLoad(node: Node, name: string): void {
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
      if (binding && !(binding.kind === 'annotation' && !this.reading.inPostponedAnnotation)) {
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
      const message = this.reportStarUsage(this.at(node), name, current);
      if (this.recording) {
        this.recording.starUses.push({ node: message.node, name });
        this.recording.externalMessages.add(message);
      }
      return;
    }
    if (name === '__path__' && this.isPackageInit) return;
    if (CLASS_MAGIC.has(name) && current.kind === 'class') return;
    const exceptHandlers = this.reading.exceptHandlers;
    if (exceptHandlers[exceptHandlers.length - 1].includes('NameError')) return;
    this.messages.push({ kind: 'undefined-name', node: this.at(node), name });
  }

  /** Reports a read in `scope` of a name that star imports may define, marking each of them used. */
  reportStarUsage(node: Node, name: string, scope: Scope): SemanticMessage & { node: Node } {
    const fromList: string[] = [];
    for (let i = this.stack.length - 1; i >= 0; i--) {
      for (const binding of this.stack[i].starImports()) {
        binding.used = { scope, node };
        fromList.push(binding.fullName ?? '');
      }
    }
    const message = { kind: 'import-star-usage' as const, node, name, fromList: fromList.sort().join(', ') };
    this.messages.push(message);
    return message;
  }

  /** Binds `name`; `node` is what defines it (identifier, `except` clause). */
  handleStore(node: Node, name: string, kind: BindingKind, extra: Partial<Binding> = {}): void {
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

  handleDelete(node: Node): void {
    const tree = this.tree;
    const name = tree.text(node);
    this.scope.variable(name).references.push(this.reference(node, 'delete'));
    for (let parent = tree.parent(node); parent; parent = tree.parent(parent)) {
      // A conditional `del` may not run: keep the binding.
      if (CONDITIONAL_TYPES.has(tree.type(parent))) return;
    }
    if (!this.scope.unbind(name)) this.messages.push({ kind: 'undefined-name', node: this.at(node), name });
  }
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
