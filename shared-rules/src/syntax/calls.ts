import type { Node } from 'web-tree-sitter';

/** Reading calls and literals as written, shared by the rules that match call patterns. */

/** `sa.Column` → `Column`: SQLAlchemy names are recognised by their last component. */
export function calleeName(call: Node): string | undefined {
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  if (callee.type === 'identifier') return callee.text;
  if (callee.type === 'attribute') return callee.childForFieldName('attribute')?.text;
  return undefined;
}

export function positionalArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return [];
  return args.namedChildren.filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment' && !a.type.endsWith('splat'));
}

export function keywordArgument(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments');
  for (const arg of args?.namedChildren ?? []) {
    if (arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === name) {
      return arg.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

export function isTrue(node: Node | undefined): boolean {
  return node?.type === 'true';
}

/** The value of a plain string literal, or undefined for f-strings, concatenations and the like. */
export { stringLiteralValue as stringValue } from './literals';
