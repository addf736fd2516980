import { F, T } from '../../syntax/grammar';
import type { NodeId as Node, SyntaxTree } from '../../syntax/tree';
import { exportedNames } from '../exports';
import { stringValue } from '../strings';
import type { AnnotationReader } from './annotations';
import type { BindingRecorder } from './bindingRecorder';
import { AnnotationState } from './readingState';
import { pushIf, pushInOrder, pushNamedChildren, type Walk, type Work } from './walk';

const TYPING_CALLS: ReadonlySet<string> = new Set(['cast', 'TypeVar', 'TypedDict', 'NamedTuple']);

/**
 * Calls: `typing`'s `cast`, `TypeVar`, `TypedDict` and `NamedTuple` read
 * some arguments as types; `__all__.extend(…)` and `__all__.append(…)` add
 * exported names.
 */
export class CallVisitor {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly walk: Walk,
    private readonly recorder: BindingRecorder,
    private readonly annotations: AnnotationReader,
  ) {}

  /**
   * A call's callee and arguments, scheduled on `pending`; the calls whose
   * callee may be one of `typing`'s, which read their arguments as types, are
   * visited at once.
   */
  scheduleCall(node: Node, pending: Work[]): void {
    const tree = this.tree;
    const func = tree.field(node, F.function);
    if (!func || this.mayBeTypingCall(func)) {
      this.visitCall(node);
      return;
    }
    const argumentList = tree.field(node, F.arguments);
    const isArgumentList = !!argumentList && tree.type(argumentList) === T.argument_list;
    // `f(x for x in y)`: the generator is the whole argument list.
    if (!isArgumentList) pushIf(pending, argumentList);
    else if (tree.type(func) === T.attribute) {
      const args = tree.namedChildren(argumentList);
      pending.push(() => this.extendExports(func, args));
      pushInOrder(pending, args);
    } else pushNamedChildren(pending, tree, argumentList);
    pending.push(func);
  }

  /** A call without a callee, or whose callee may be one of `typing`'s (see `scheduleCall`). */
  private visitCall(node: Node): void {
    const tree = this.tree;
    const walk = this.walk;
    const recorder = this.recorder;
    const func = tree.field(node, F.function);
    const argumentList = tree.field(node, F.arguments);
    const isArgumentList = !!argumentList && tree.type(argumentList) === T.argument_list;
    const args = isArgumentList ? tree.namedChildren(argumentList).filter((c) => tree.type(c) !== T.comment) : [];
    const positional = args.filter((a) => tree.type(a) !== T.keyword_argument && tree.type(a) !== T.list_splat && tree.type(a) !== T.dictionary_splat);
    const keywords = args.filter((a) => tree.type(a) === T.keyword_argument);
    if (!func) return walk.visitChildren(node);

    if (recorder.isTyping(func, (n) => n === 'cast') && positional.length >= 1) {
      this.annotations.withAnnotation(AnnotationState.Bare, () => walk.visit(positional[0]));
      walk.visitChildren(node);
      return;
    }
    const annotated: Node[] = [];
    const plain: Node[] = [];
    if (recorder.isTyping(func, (n) => n === 'TypeVar')) {
      annotated.push(...positional.slice(1));
      for (const keyword of keywords) {
        const value = tree.field(keyword, F.value);
        if (!value) continue;
        const name = tree.field(keyword, F.name);
        if (name && tree.text(name) === 'bound') annotated.push(value);
        else plain.push(value);
      }
    } else if (recorder.isTyping(func, (n) => n === 'TypedDict')) {
      const fields = positional[1];
      if (positional.length > 1 && fields && tree.type(fields) === T.dictionary) {
        for (const pair of tree.namedChildren(fields)) {
          if (tree.type(pair) !== T.pair) continue;
          pushOptional(plain, tree.field(pair, F.key));
          pushOptional(annotated, tree.field(pair, F.value));
        }
        plain.push(...positional.filter((p) => p !== fields));
      } else {
        plain.push(...positional);
      }
      for (const keyword of keywords) pushOptional(annotated, tree.field(keyword, F.value));
    } else if (recorder.isTyping(func, (n) => n === 'NamedTuple')) {
      const fields = positional[1];
      const pairs = fields && (tree.type(fields) === T.list || tree.type(fields) === T.tuple) ? tree.namedChildren(fields) : [];
      const wellFormed = pairs.length > 0 && pairs.every((p) => (tree.type(p) === T.tuple || tree.type(p) === T.list) && tree.namedChildCount(p) === 2);
      if (positional.length > 1 && wellFormed) {
        for (const pair of pairs) {
          pushOptional(plain, tree.namedChild(pair, 0));
          pushOptional(annotated, tree.namedChild(pair, 1));
        }
        plain.push(...positional.filter((p) => p !== fields));
      } else {
        plain.push(...positional);
      }
      for (const keyword of keywords) pushOptional(annotated, tree.field(keyword, F.value));
    } else {
      walk.visit(func);
      // `f(x for x in y)`: the generator is the whole argument list.
      if (isArgumentList) walk.visitChildren(argumentList);
      else if (argumentList) walk.visit(argumentList);
      this.extendExports(func, positional);
      return;
    }
    this.annotations.withAnnotation(AnnotationState.None, () => {
      walk.visit(func);
      for (const item of plain) walk.visit(item);
      for (const arg of args) if (tree.type(arg) === T.list_splat || tree.type(arg) === T.dictionary_splat) walk.visit(arg);
    });
    this.annotations.withAnnotation(AnnotationState.Bare, () => {
      for (const item of annotated) walk.visit(item);
    });
  }

  /** `__all__.extend([...])` and `__all__.append('x')` at module level add exported names. */
  private extendExports(func: Node, positional: Node[]): void {
    const tree = this.tree;
    const scope = this.recorder.scope;
    if (tree.type(func) !== T.attribute || scope.kind !== 'module' || positional.length !== 1) return;
    if (tree.type(positional[0]) === T.keyword_argument) return;
    const method = tree.fieldText(func, F.attribute);
    if (tree.fieldText(func, F.object) !== '__all__' || (method !== 'extend' && method !== 'append')) return;
    const all = scope.bindings.get('__all__');
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
    const recorder = this.recorder;
    for (let i = recorder.stack.length - 1; i >= 0; i--) {
      const binding = recorder.lookup(i, name);
      if (binding) return binding.kind === 'from-import' && TYPING_CALLS.has(binding.realName ?? '');
    }
    return false;
  }
}

function pushOptional(list: Node[], node: Node): void {
  if (node) list.push(node);
}
