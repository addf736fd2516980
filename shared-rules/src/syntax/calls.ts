import { F, T } from './grammar';
import { NONE, type NodeId, type SyntaxTree } from './tree';

/** Reading calls and literals as written, shared by the rules that match call patterns. */

/** `sa.Column` → `Column`: SQLAlchemy names are recognised by their last component. */
export function calleeName(tree: SyntaxTree, call: NodeId): string | undefined {
  const callee = tree.field(call, F.function);
  if (callee === NONE) return undefined;
  if (tree.type(callee) === T.identifier) return tree.text(callee);
  if (tree.type(callee) === T.attribute) {
    const attribute = tree.field(callee, F.attribute);
    return attribute === NONE ? undefined : tree.text(attribute);
  }
  return undefined;
}

const NOT_POSITIONAL = new Set<number>([T.keyword_argument, T.comment, T.list_splat, T.dictionary_splat, T.parenthesized_list_splat]);

export function positionalArguments(tree: SyntaxTree, call: NodeId): NodeId[] {
  const args = tree.field(call, F.arguments);
  if (args === NONE || tree.type(args) !== T.argument_list) return [];
  return tree.namedChildren(args).filter((a) => !NOT_POSITIONAL.has(tree.type(a)));
}

export function keywordArgument(tree: SyntaxTree, call: NodeId, name: string): NodeId {
  const args = tree.field(call, F.arguments);
  if (args === NONE) return NONE;
  for (let arg = tree.firstNamedChild(args); arg !== NONE; arg = tree.nextNamedSibling(arg)) {
    if (tree.type(arg) !== T.keyword_argument) continue;
    const key = tree.field(arg, F.name);
    if (key !== NONE && tree.text(key) === name) return tree.field(arg, F.value);
  }
  return NONE;
}

/** Whether `node` is the callee or an argument of a call (its parent in Python's AST is the call). */
export function isCalleeOrArgument(tree: SyntaxTree, node: NodeId): boolean {
  const parent = tree.parent(node);
  if (!parent) return false;
  if (tree.type(parent) === T.call) return true;
  const grandparent = tree.parent(parent);
  return tree.type(parent) === T.argument_list && !!grandparent && tree.type(grandparent) === T.call;
}

export function isTrue(tree: SyntaxTree, node: NodeId): boolean {
  return node !== NONE && tree.type(node) === T.true;
}

/** The value of a plain string literal, or undefined for f-strings, concatenations and the like. */
export { stringLiteralValue as stringValue } from './literals';
