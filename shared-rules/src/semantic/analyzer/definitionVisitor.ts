import { parameterName, typeParameterName } from '../../syntax/definitions';
import { unwrapType } from '../../syntax/expressions';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId as Node, type SyntaxTree } from '../../syntax/tree';
import type { Scope, ScopeKind } from '../scope';
import type { AnnotationReader } from './annotations';
import type { BindingRecorder } from './bindingRecorder';
import type { DeferredWork } from './deferredWork';
import { AnnotationState, type ReadingState } from './readingState';
import type { Walk } from './walk';

/**
 * Functions, lambdas, classes and `type` aliases: decorators, defaults and
 * annotations where they stand, bodies deferred (functions, lambdas, alias
 * values) or at once (classes), PEP 695 type parameters in a scope of their
 * own, and each function's unused assignments once all bodies have run.
 */
export class DefinitionVisitor {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly walk: Walk,
    private readonly recorder: BindingRecorder,
    private readonly deferred: DeferredWork,
    private readonly annotations: AnnotationReader,
    private readonly reading: ReadingState,
  ) {}

  visitDecorated(node: Node): void {
    const tree = this.tree;
    const decorators = tree.namedChildren(node).filter((c) => tree.type(c) === T.decorator);
    const definition = tree.field(node, F.definition);
    if (definition && tree.type(definition) === T.function_definition) this.visitFunction(definition, decorators);
    else if (definition && tree.type(definition) === T.class_definition) this.visitClass(definition, decorators);
    else this.walk.visitChildren(node);
  }

  /** PEP 695 `[T, *Ts, **P]`: a scope of their own around the definition. */
  private pushTypeParams(node: Node): boolean {
    const params = this.tree.field(node, F.type_parameters);
    if (!params) return false;
    this.recorder.pushScope('type-params', node);
    this.bindTypeParameters(params);
    return true;
  }

  private bindTypeParameters(params: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    for (const param of tree.namedChildren(params)) {
      const name = typeParameterName(tree, param);
      if (name) recorder.addBinding(name, recorder.binding(tree.text(name), 'type-param', name));
    }
  }

  visitFunction(node: Node, decorators: Node[]): void {
    const tree = this.tree;
    const recorder = this.recorder;
    // Indexed loops: every function of the module is visited at each build.
    for (let i = 0; i < decorators.length; i++) this.walk.visitChildren(decorators[i]);
    const typeScope = this.pushTypeParams(node);
    const parameters = tree.field(node, F.parameters);
    const params = parameters ? tree.namedChildren(parameters) : [];
    for (let i = 0; i < params.length; i++) this.annotations.visitAnnotation(tree.field(params[i], F.type));
    this.annotations.visitAnnotation(tree.field(node, F.return_type));
    for (let i = 0; i < params.length; i++) this.walk.visitOptional(tree.field(params[i], F.value));
    // Module-level functions and methods are memoized (nested ones are part of theirs).
    this.deferred.defer({ kind: 'function', node }, !this.reading.inDeferred);
    if (typeScope) recorder.popScope();
    const name = tree.field(node, F.name);
    if (name) recorder.addBinding(node, recorder.binding(tree.text(name), 'function', node));
  }

  visitLambda(node: Node): void {
    const tree = this.tree;
    const parameters = tree.field(node, F.parameters);
    const params = parameters ? tree.namedChildren(parameters) : [];
    for (const param of params) this.walk.visitOptional(tree.field(param, F.value));
    this.deferred.defer({ kind: 'lambda', node });
  }

  /** A function's or lambda's body, deferred until the module is done. */
  runFunction(node: Node, kind: ScopeKind): void {
    const tree = this.tree;
    const recorder = this.recorder;
    const parameters = tree.field(node, F.parameters);
    const params = parameters ? tree.namedChildren(parameters) : [];
    const body = tree.field(node, F.body);
    const scope = recorder.pushScope(kind, node);
    for (const param of params) {
      const name = parameterName(this.tree, param);
      if (!name) continue;
      const binding = recorder.binding(this.tree.text(name), 'argument', node, { nameNode: name });
      scope.parameters.push(binding);
      // A redefinition is reported at the parameter (where its `# noqa` goes), as pyflakes does.
      recorder.addBinding(name, binding);
    }
    if (kind === 'function') this.annotations.handleTypeComments(node);
    this.walk.visitOptional(body);
    this.deferred.deferAssignmentCheck(() => this.reportUnusedAssignments(scope));
    recorder.popScope();
  }

  private reportUnusedAssignments(scope: Scope): void {
    if (scope.usesLocals) return;
    for (const [name, binding] of scope.bindings) {
      if (binding.used || name === '_' || scope.alwaysUsed.has(name)) continue;
      if (binding.kind !== 'assignment' && binding.kind !== 'named-expr') continue;
      if (binding.source) this.recorder.messages.push({ kind: 'unused-variable', node: binding.source, name, binding });
    }
  }

  visitClass(node: Node, decorators: Node[]): void {
    const tree = this.tree;
    const recorder = this.recorder;
    // Classes of the module are memoized (nested ones are part of theirs).
    if (this.reading.inDeferred || recorder.recording) this.visitClassStatement(node, decorators);
    else this.deferred.visitClassMemoized(node, () => this.visitClassStatement(node, decorators));
    const name = tree.field(node, F.name);
    if (name) recorder.addBinding(node, recorder.binding(tree.text(name), 'class', node));
  }

  /** A class's decorators, type parameters, bases and body: all but the binding of its name. */
  private visitClassStatement(node: Node, decorators: Node[]): void {
    const recorder = this.recorder;
    for (const decorator of decorators) this.walk.visitChildren(decorator);
    const typeScope = this.pushTypeParams(node);
    this.walk.visitOptional(this.tree.field(node, F.superclasses));
    recorder.pushScope('class', node);
    this.walk.visitOptional(this.tree.field(node, F.body));
    recorder.popScope();
    if (typeScope) recorder.popScope();
  }

  visitTypeAlias(node: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    const left = unwrapType(tree, tree.field(node, F.left));
    const generic = !!left && tree.type(left) === T.generic_type;
    const nameNode = generic ? tree.namedChild(left, 0) : left;
    if (nameNode && tree.type(nameNode) === T.identifier) recorder.addBinding(nameNode, recorder.binding(tree.text(nameNode), 'type-alias', nameNode));
    // The value is evaluated lazily, inside the alias's own type-parameter scope.
    this.deferred.defer({ kind: 'type-alias', node });
  }

  /** A `type` alias's value, deferred until the module is done. */
  runTypeAlias(node: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    const left = unwrapType(tree, tree.field(node, F.left));
    const typeParams = !!left && tree.type(left) === T.generic_type ? tree.namedChild(left, 1) : NONE;
    if (typeParams) {
      recorder.pushScope('type-params', node);
      this.bindTypeParameters(typeParams);
    }
    this.annotations.withAnnotation(AnnotationState.Bare, () => this.walk.visitOptional(unwrapType(tree, tree.field(node, F.right))));
    if (typeParams) recorder.popScope();
  }
}
