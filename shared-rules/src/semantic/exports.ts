import { F, K, T } from '../syntax/grammar';
import type { NodeId, SyntaxTree } from '../syntax/tree';
import { stringValue } from './strings';

/**
 * The names an `__all__` value lists: a list or tuple of strings (a bare
 * `'a', 'b'` is a tuple), or lists and tuples joined with `+` (pyflakes reads
 * the same forms; anything else contributes nothing).
 */
export function exportedNames(tree: SyntaxTree, value: NodeId): string[] {
  if (!value) return [];
  const names: string[] = [];
  if (isSequence(tree, value)) {
    addNames(tree, value, names);
    return names;
  }
  let current = value;
  while (current && tree.type(current) === T.binary_operator && isPlus(tree, tree.field(current, F.operator))) {
    const right = tree.field(current, F.right);
    const left = tree.field(current, F.left);
    if (!right || !isSequence(tree, right)) break;
    addNames(tree, right, names);
    if (left && isSequence(tree, left)) {
      addNames(tree, left, names);
      break;
    }
    current = left;
  }
  return names;
}

function isPlus(tree: SyntaxTree, operator: NodeId): boolean {
  return !!operator && tree.type(operator) === K['+'];
}

function isSequence(tree: SyntaxTree, node: NodeId): boolean {
  const type = tree.type(node);
  return type === T.list || type === T.tuple || type === T.expression_list;
}

function addNames(tree: SyntaxTree, sequence: NodeId, names: string[]): void {
  for (const item of tree.namedChildren(sequence)) {
    const name = stringValue(tree, item);
    if (name !== undefined) names.push(name);
  }
}
