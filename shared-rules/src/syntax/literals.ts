import { T } from './grammar';
import { NONE, type NodeId, type SyntaxTree } from './tree';

/** Values of string literals as written. */

/** The value of one plain string literal, or undefined for f-strings, bytes and anything else. */
export function stringLiteralValue(tree: SyntaxTree, node: NodeId): string | undefined {
  if (node === NONE || tree.type(node) !== T.string) return undefined;
  const start = tree.firstChild(node);
  const prefix = (start === NONE ? '' : tree.text(start)).replace(/['"]/g, '');
  if (/[fbt]/i.test(prefix)) return undefined;
  let text = '';
  for (let child = tree.firstNamedChild(node); child !== NONE; child = tree.nextNamedSibling(child)) {
    const type = tree.type(child);
    if (type === T.string_content) text += tree.text(child);
    else if (type === T.interpolation) return undefined;
  }
  return text;
}

/** Like `stringLiteralValue`, also joining implicitly concatenated literals (`"a" "b"`). */
export function concatenatedStringValue(tree: SyntaxTree, node: NodeId): string | undefined {
  if (node === NONE || tree.type(node) !== T.concatenated_string) return stringLiteralValue(tree, node);
  let text = '';
  for (let part = tree.firstNamedChild(node); part !== NONE; part = tree.nextNamedSibling(part)) {
    if (tree.type(part) !== T.string) continue;
    const value = stringLiteralValue(tree, part);
    if (value === undefined) return undefined;
    text += value;
  }
  return text;
}
