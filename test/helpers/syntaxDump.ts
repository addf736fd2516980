import { FIELD_NAMES, NONE, type SyntaxTree } from '@pyreview/shared-rules';

/** Every node of the tree in document order, one line each: type, field, extent and flags (to compare two trees). */
export function describeTree(tree: SyntaxTree): string[] {
  const lines: string[] = [];
  for (let node = tree.root; node !== NONE; node = tree.following(node, tree.root)) {
    const field = tree.fieldId(node) ? FIELD_NAMES[tree.fieldId(node)] : '';
    lines.push(`${tree.typeName(node)} ${field} ${tree.start(node)} ${tree.end(node)} ${+tree.isNamed(node)}${+tree.isMissing(node)}${+tree.isExtra(node)}${+tree.hasError(node)}`);
  }
  return lines;
}
