import { dottedParts } from './callTarget';
import { F, T } from '../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';

const NOT_BASES = new Set<number>([T.keyword_argument, T.comment, T.list_splat, T.dictionary_splat]);

/** The base class expressions of a class (`metaclass=…`, `*bases` and comments left out). */
export function classBases(tree: SyntaxTree, classNode: NodeId): NodeId[] {
  const superclasses = tree.field(classNode, F.superclasses);
  return superclasses === NONE ? [] : tree.namedChildren(superclasses).filter((base) => !NOT_BASES.has(tree.type(base)));
}

/** A base as a dotted name (`driver.ComputeDriver`, `Generic` for `Generic[T]`), or the text of any other expression. */
export function baseText(tree: SyntaxTree, base: NodeId): string {
  const named = tree.type(base) === T.subscript ? tree.field(base, F.value) : base;
  return dottedParts(tree, named)?.join('.') ?? tree.text(base);
}
