import { exceptHandler } from '../../syntax/exceptHandlers';
import { unwrapType } from '../../syntax/expressions';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId as Node, type SyntaxTree } from '../../syntax/tree';
import { forgetUndefinedName } from '../declarations';
import type { AnnotationReader } from './annotations';
import type { BindingRecorder } from './bindingRecorder';
import { AnnotationState, type ReadingState } from './readingState';
import { UNPACKING_TYPES, type TargetBinder } from './targetBinder';
import type { Walk } from './walk';

const SEQUENCE_VALUE_TYPES: ReadonlySet<number> = new Set<number>([T.expression_list, T.tuple, T.list, T.set]);
/** What a subtree must hold for visiting it to find names or open scopes. */
const NAME_HOLDERS: ReadonlySet<number> = new Set<number>([T.identifier, T.lambda]);

/** Statements that bind names: assignments, `for`, `with`, `try`/`except`, `global`/`nonlocal`, `del`. */
export class StatementVisitor {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly walk: Walk,
    private readonly recorder: BindingRecorder,
    private readonly targets: TargetBinder,
    private readonly annotations: AnnotationReader,
    private readonly reading: ReadingState,
  ) {}

  visitAssignment(node: Node): void {
    const tree = this.tree;
    const annotation = tree.field(node, F.type);
    if (annotation) {
      const value = tree.field(node, F.right);
      const target = tree.field(node, F.left);
      if (target) this.targets.storeTarget(target, value ? 'annotated-assign' : 'bare-annotation', true, false, node);
      this.annotations.visitAnnotation(annotation);
      if (value) {
        const isTypeAlias = this.recorder.isTyping(unwrapType(tree, annotation) ?? annotation, (n) => n === 'TypeAlias');
        if (isTypeAlias) this.annotations.visitAnnotation(value);
        else this.walk.visit(value);
      }
      this.annotations.handleTypeComments(node);
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
    if (value && (this.reading.annotation !== AnnotationState.None || tree.holdsType(value, NAME_HOLDERS))) this.walk.visit(value);
    const literal =
      !!value && SEQUENCE_VALUE_TYPES.has(tree.type(value)) && targets.every((t) => UNPACKING_TYPES.has(tree.type(t)) && tree.type(t) !== T.parenthesized_expression);
    for (const target of targets) this.targets.storeTarget(target, 'assign', true, literal, node);
    this.annotations.handleTypeComments(node);
  }

  visitAugmentedAssignment(node: Node): void {
    const tree = this.tree;
    const target = tree.field(node, F.left);
    if (target && tree.type(target) === T.identifier) this.recorder.handleLoad(target, tree.text(target));
    this.walk.visitOptional(tree.field(node, F.right));
    if (target) this.targets.storeTarget(target, 'augmented-assign', true, false, node);
  }

  visitFor(node: Node): void {
    const tree = this.tree;
    this.walk.visitOptional(tree.field(node, F.right));
    const left = tree.field(node, F.left);
    if (left) this.targets.storeTarget(left, 'for', true, false);
    this.annotations.handleTypeComments(node);
    this.walk.visitOptional(tree.field(node, F.body));
    this.walk.visitOptional(tree.field(node, F.alternative));
  }

  visitWith(node: Node): void {
    const tree = this.tree;
    this.annotations.handleTypeComments(node);
    for (const child of tree.namedChildren(node)) {
      if (tree.type(child) !== T.with_clause) {
        this.walk.visit(child);
        continue;
      }
      for (const item of tree.namedChildren(child)) {
        if (tree.type(item) !== T.with_item) continue;
        const value = tree.field(item, F.value);
        if (value && tree.type(value) === T.as_pattern) {
          this.walk.visitOptional(tree.namedChild(value, 0));
          const alias = tree.field(value, F.alias);
          const target = alias ? tree.namedChild(alias, 0) : NONE;
          if (target) this.targets.storeTarget(target, 'with', true, false);
        } else {
          this.walk.visitOptional(value);
        }
      }
    }
  }

  visitTry(node: Node): void {
    const tree = this.tree;
    const handlerNames: string[] = [];
    for (const clause of tree.namedChildren(node)) {
      if (tree.type(clause) !== T.except_clause) continue;
      const { type } = exceptHandler(tree, clause);
      const types = type && (tree.type(type) === T.tuple || tree.type(type) === T.parenthesized_expression) ? tree.namedChildren(type) : [type];
      for (const item of types) if (item && tree.type(item) === T.identifier) handlerNames.push(tree.text(item));
    }
    this.reading.exceptHandlers.push(handlerNames);
    this.walk.visitOptional(tree.field(node, F.body));
    this.reading.exceptHandlers.pop();
    for (const clause of tree.namedChildren(node)) {
      if (tree.type(clause) === T.block || tree.type(clause) === T.comment) continue;
      if (tree.type(clause) === T.except_clause) this.visitExcept(clause);
      else this.walk.visit(clause);
    }
  }

  private visitExcept(clause: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    const { type, name: alias } = exceptHandler(tree, clause);
    const body = tree.namedChildren(clause).filter((c) => tree.type(c) === T.block);
    if (!alias) {
      this.walk.visitOptional(type);
      for (const block of body) this.walk.visit(block);
      return;
    }
    const name = tree.text(alias);
    const scope = recorder.scope;
    if (scope.bindings.has(name)) recorder.handleStore(clause, name, 'assignment');
    // The name is bound only inside the handler and unbound after it.
    const previous = scope.bindings.get(name);
    scope.unbind(name);
    recorder.handleStore(clause, name, 'assignment');
    this.walk.visitOptional(type);
    for (const block of body) this.walk.visit(block);
    const binding = scope.bindings.get(name);
    if (binding) {
      scope.unbind(name);
      if (!binding.used) recorder.messages.push({ kind: 'unused-variable', node: clause, name, binding });
    }
    if (previous) scope.bind(previous);
  }

  visitGlobal(node: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    const module = recorder.stack[0];
    if (recorder.scope === module) return;
    // A memoized function's declarations are made again when it is replayed (see `replayDeclarations`).
    const recording = recorder.recording;
    const isGlobal = tree.type(node) === T.global_statement;
    for (const identifier of tree.namedChildren(node)) {
      if (tree.type(identifier) !== T.identifier) continue;
      const name = tree.text(identifier);
      const value = recorder.binding(name, 'global', node);
      // The name is defined somewhere else: forget undefined-name reports so far.
      const removed = forgetUndefinedName(recorder.messages, name, recording?.messageStart ?? 0);
      if (recording) recording.messageStart -= removed;
      if (!module.bindings.has(name)) module.bind(value);
      if (isGlobal && recording && !recording.moduleReferenceStarts.has(name)) {
        recording.moduleReferenceStarts.set(name, module.variable(name).references.length);
      }
      // The declaring scope's name is the outer variable: its stores and reads rename with it.
      value.variable = isGlobal ? module.variable(name) : recorder.nonlocalVariable(name);
      recorder.scope.variables.set(name, value.variable);
      value.variable.references.push(recorder.reference(identifier, 'declaration'));
      value.used = { scope: module, node };
      for (const scope of recorder.stack.slice(1)) scope.bind(value);
      recording?.declarations.push({ name, value, outer: recording.boundary - 1 });
    }
  }

  visitDelete(node: Node): void {
    for (const target of this.tree.namedChildren(node)) this.targets.deleteTarget(target);
  }
}
