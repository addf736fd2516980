/**
 * Values of string literals as written, for any tree with tree-sitter's
 * shape: web-tree-sitter's nodes and the semantic model's JavaScript copy.
 */
export interface LiteralNode<N> {
  readonly type: string;
  readonly text: string;
  readonly namedChildren: ReadonlyArray<N | null>;
  child(index: number): N | null;
}

/** The value of one plain string literal, or undefined for f-strings, bytes and anything else. */
export function stringLiteralValue<N extends LiteralNode<N>>(node: N | null | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  const prefix = (node.child(0)?.text ?? '').replace(/['"]/g, '');
  if (/[fbt]/i.test(prefix)) return undefined;
  let text = '';
  for (const child of node.namedChildren) {
    if (child?.type === 'string_content') text += child.text;
    else if (child?.type === 'interpolation') return undefined;
  }
  return text;
}

/** Like `stringLiteralValue`, also joining implicitly concatenated literals (`"a" "b"`). */
export function concatenatedStringValue<N extends LiteralNode<N>>(node: N | null | undefined): string | undefined {
  if (node?.type !== 'concatenated_string') return stringLiteralValue(node);
  let text = '';
  for (const part of node.namedChildren) {
    if (part?.type !== 'string') continue;
    const value = stringLiteralValue(part);
    if (value === undefined) return undefined;
    text += value;
  }
  return text;
}
