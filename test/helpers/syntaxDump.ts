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

/**
 * The first nodes whose `parent` is not the node they are reached from (navigation across segments must
 * agree both ways); a few are enough, and links that loop are cut off.
 */
export function wrongParents(tree: SyntaxTree, limit = 5): string[] {
  const wrong: string[] = [];
  for (let node = tree.root, visited = 0; node !== NONE && wrong.length < limit; node = tree.following(node, tree.root)) {
    if (++visited > 10_000_000) return [...wrong, 'the links loop'];
    for (let child = tree.firstChild(node); child !== NONE && wrong.length < limit; child = tree.nextSibling(child)) {
      if (tree.parent(child) !== node) wrong.push(`${tree.typeName(child)} at ${tree.start(child)}`);
    }
  }
  return wrong;
}
