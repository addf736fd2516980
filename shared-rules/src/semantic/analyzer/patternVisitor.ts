import { F, T } from '../../syntax/grammar';
import type { NodeId as Node, SyntaxTree } from '../../syntax/tree';
import type { BindingRecorder } from './bindingRecorder';
import type { Walk } from './walk';

/** `match` statements: the subject, and the names each case's pattern captures or reads. */
export class PatternVisitor {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly walk: Walk,
    private readonly recorder: BindingRecorder,
  ) {}

  visitMatch(node: Node): void {
    const tree = this.tree;
    this.walk.visitOptional(tree.field(node, F.subject));
    const body = tree.field(node, F.body);
    for (const clause of body ? tree.namedChildren(body) : []) {
      if (tree.type(clause) !== T.case_clause) continue;
      for (const child of tree.namedChildren(clause)) {
        if (tree.type(child) === T.case_pattern) this.visitPattern(child);
        else this.walk.visit(child);
      }
    }
  }

  private visitPattern(node: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    switch (tree.type(node)) {
      case T.dotted_name: {
        const parts = tree.namedChildren(node).filter((c) => tree.type(c) === T.identifier);
        // A bare name captures; a dotted name is a value to compare with.
        if (parts.length === 1) recorder.handleStore(parts[0], tree.text(parts[0]), 'assignment');
        else if (parts[0]) recorder.handleLoad(parts[0], tree.text(parts[0]));
        return;
      }
      case T.as_pattern: {
        const alias = tree.lastNamedChild(node);
        if (alias && tree.type(alias) === T.identifier) recorder.handleStore(alias, tree.text(alias), 'assignment');
        for (const child of tree.namedChildren(node)) if (child !== alias) this.visitPattern(child);
        return;
      }
      case T.splat_pattern: {
        const name = tree.namedChild(node, 0);
        if (name && tree.type(name) === T.identifier && tree.text(name) !== '_') recorder.handleStore(name, tree.text(name), 'assignment');
        return;
      }
      case T.class_pattern: {
        const [cls, ...rest] = tree.namedChildren(node);
        if (cls && tree.type(cls) === T.dotted_name) {
          const first = tree.namedChild(cls, 0);
          if (first) recorder.handleLoad(first, tree.text(first));
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
        this.walk.visit(node);
    }
  }
}
