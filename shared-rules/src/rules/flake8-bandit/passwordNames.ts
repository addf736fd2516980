import { stringValue } from '../../syntax/calls';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

/** Names that suggest a credential, as bandit and Ruff match them: `password`, `db_passwd`, `api_token`, `SECRET_KEY`. */
const PASSWORD_NAME = /(^|_)(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)($|_)/i;

export function looksLikePasswordName(name: string): boolean {
  return PASSWORD_NAME.test(name);
}

/** A non-empty string literal (implicit concatenations too; f-strings are computed, not hard-coded). */
export function hardcodedString(tree: SyntaxTree, node: NodeId): boolean {
  if (node === NONE) return false;
  if (tree.type(node) === T.concatenated_string) {
    return tree.namedChildren(node).every((part) => stringValue(tree, part) !== undefined) && tree.text(node).length > 0;
  }
  const value = stringValue(tree, node);
  return value !== undefined && value.length > 0;
}

/** The name a target assigns: `password`, `self.password`, `config["password"]`. */
export function targetName(tree: SyntaxTree, target: NodeId): string | undefined {
  if (target === NONE) return undefined;
  const type = tree.type(target);
  if (type === T.identifier) return tree.text(target);
  if (type === T.attribute) {
    const attribute = tree.field(target, F.attribute);
    return attribute === NONE ? undefined : tree.text(attribute);
  }
  if (type === T.subscript) return stringValue(tree, tree.field(target, F.subscript));
  return undefined;
}
