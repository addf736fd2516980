import type { SyntaxNode as Node } from './syntax';

/** The value of a plain string literal (no f-, no b-prefix), or undefined. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    let text = '';
    for (const part of node.namedChildren) {
      if (part?.type !== 'string') continue;
      const value = stringValue(part);
      if (value === undefined) return undefined;
      text += value;
    }
    return text;
  }
  if (node.type !== 'string') return undefined;
  const prefix = node.child(0)?.text ?? '';
  if (/[fbt]/i.test(prefix.replace(/['"]/g, ''))) return undefined;
  let text = '';
  for (const child of node.namedChildren) {
    if (child?.type === 'string_content') text += child.text;
    else if (child?.type === 'interpolation') return undefined;
  }
  return text;
}
