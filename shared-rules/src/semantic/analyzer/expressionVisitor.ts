import { isCalleeOrArgument } from '../../syntax/calls';
import { F, T } from '../../syntax/grammar';
import type { NodeId as Node, SyntaxTree } from '../../syntax/tree';
import type { BindingRecorder } from './bindingRecorder';
import type { TargetBinder } from './targetBinder';
import type { Walk } from './walk';

/** Expressions that read or bind names: names, the walrus, comprehensions (a scope of their own). */
export class ExpressionVisitor {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly walk: Walk,
    private readonly recorder: BindingRecorder,
    private readonly targets: TargetBinder,
  ) {}

  visitName(node: Node): void {
    const name = this.tree.text(node);
    this.recorder.handleLoad(node, name);
    if (name === 'locals' && this.recorder.scope.isFunction && isCalleeOrArgument(this.tree, node)) this.recorder.scope.usesLocals = true;
  }

  visitNamedExpression(node: Node): void {
    const tree = this.tree;
    this.walk.visitOptional(tree.field(node, F.value));
    this.targets.storeOptional(tree.field(node, F.name), 'named-expr');
  }

  visitComprehension(node: Node): void {
    const tree = this.tree;
    this.recorder.pushScope('generator', node);
    for (const clause of tree.namedChildren(node)) {
      if (tree.type(clause) === T.for_in_clause) {
        for (const iter of tree.fields(clause, F.right)) this.walk.visit(iter);
        const left = tree.field(clause, F.left);
        if (left) this.targets.storeTarget(left, 'comprehension', true, false);
      } else if (tree.type(clause) === T.if_clause) {
        this.walk.visitChildren(clause);
      }
    }
    this.walk.visitOptional(tree.field(node, F.body));
    this.recorder.popScope();
  }
}
