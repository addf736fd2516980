import type { SyntaxNode as Node } from './syntax';
import { stringValue } from './strings';

/**
 * The names an `__all__` value lists: a list or tuple of strings (a bare
 * `'a', 'b'` is a tuple), or lists and tuples joined with `+` (pyflakes reads
 * the same forms; anything else contributes nothing).
 */
export function exportedNames(value: Node | null | undefined): string[] {
  if (!value) return [];
  const names: string[] = [];
  if (isSequence(value)) {
    addNames(value, names);
    return names;
  }
  let current: Node | null = value;
  while (current?.type === 'binary_operator' && current.childForFieldName('operator')?.type === '+') {
    const right = current.childForFieldName('right');
    const left = current.childForFieldName('left');
    if (!right || !isSequence(right)) break;
    addNames(right, names);
    if (left && isSequence(left)) {
      addNames(left, names);
      break;
    }
    current = left;
  }
  return names;
}

function isSequence(node: Node): boolean {
  return node.type === 'list' || node.type === 'tuple' || node.type === 'expression_list';
}

function addNames(sequence: Node, names: string[]): void {
  for (const item of sequence.namedChildren) {
    const name = item && stringValue(item);
    if (name !== undefined) names.push(name);
  }
}
