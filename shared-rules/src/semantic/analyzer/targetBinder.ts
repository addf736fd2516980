import { F, K, T } from '../../syntax/grammar';
import type { NodeId as Node, SyntaxTree } from '../../syntax/tree';
import { exportedNames } from '../exports';
import type { Binding, BindingKind } from '../scope';
import type { BindingRecorder } from './bindingRecorder';
import type { Walk } from './walk';

/** How a stored name got its value; decides the kind of binding it creates. */
export type StoreContext = 'assign' | 'annotated-assign' | 'bare-annotation' | 'augmented-assign' | 'for' | 'comprehension' | 'with' | 'named-expr' | 'match';

/** Targets that unpack: their elements are the targets. */
export const UNPACKING_TYPES: ReadonlySet<number> = new Set<number>([
  T.pattern_list, T.tuple_pattern, T.list_pattern, T.tuple, T.list, T.expression_list, T.parenthesized_expression,
]);

/** Assignment and `del` targets: the names they bind or unbind, and what they read (`obj.attr = …`). */
export class TargetBinder {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly walk: Walk,
    private readonly recorder: BindingRecorder,
  ) {}

  storeOptional(node: Node | undefined, context: StoreContext): void {
    if (node) this.storeTarget(node, context, true, false);
  }

  /** Stores into an assignment target: names bind, attributes and subscripts read. */
  storeTarget(target: Node, context: StoreContext, direct: boolean, literalUnpacking: boolean, assignment?: Node): void {
    const tree = this.tree;
    switch (tree.type(target)) {
      case T.identifier: {
        const name = tree.text(target);
        const kind = this.storeKind(name, context, direct, literalUnpacking);
        const extra: Partial<Binding> = {};
        if (context === 'for') extra.forTarget = true;
        if (kind === 'export' && assignment) {
          const previous = this.recorder.scope.bindings.get('__all__');
          const inherited = tree.type(assignment) === T.augmented_assignment && previous?.exportNames ? previous.exportNames : [];
          extra.exportNames = [...inherited, ...exportedNames(tree, tree.field(assignment, F.right))];
          this.recorder.handleStore(assignment, name, kind, extra);
          return;
        }
        this.recorder.handleStore(target, name, kind, extra);
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
        this.walk.visit(target);
    }
  }

  private storeKind(name: string, context: StoreContext, direct: boolean, literalUnpacking: boolean): BindingKind {
    if (context === 'bare-annotation') return 'annotation';
    if (context === 'for' || context === 'comprehension') return 'plain';
    if (!direct && !literalUnpacking) return 'plain';
    if (
      name === '__all__' &&
      direct &&
      this.recorder.scope.kind === 'module' &&
      (context === 'assign' || context === 'augmented-assign' || context === 'annotated-assign')
    ) {
      return 'export';
    }
    if (context === 'named-expr') return 'named-expr';
    return 'assignment';
  }

  deleteTarget(target: Node): void {
    const tree = this.tree;
    if (tree.type(target) === T.identifier) this.recorder.handleDelete(target);
    else if (UNPACKING_TYPES.has(tree.type(target))) for (const child of tree.namedChildren(target)) this.deleteTarget(child);
    else this.walk.visit(target);
  }
}
