import type { Node } from 'web-tree-sitter';
import { stringValue } from '../../syntax/calls';

/** Names that suggest a credential, as bandit and Ruff match them: `password`, `db_passwd`, `api_token`, `SECRET_KEY`. */
const PASSWORD_NAME = /(^|_)(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)($|_)/i;

export function looksLikePasswordName(name: string): boolean {
  return PASSWORD_NAME.test(name);
}

/** A non-empty string literal (implicit concatenations too; f-strings are computed, not hard-coded). */
export function hardcodedString(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'concatenated_string') return node.namedChildren.every((part) => stringValue(part) !== undefined) && node.text.length > 0;
  const value = stringValue(node);
  return value !== undefined && value.length > 0;
}

/** The name a target assigns: `password`, `self.password`, `config["password"]`. */
export function targetName(target: Node | null): string | undefined {
  if (!target) return undefined;
  if (target.type === 'identifier') return target.text;
  if (target.type === 'attribute') return target.childForFieldName('attribute')?.text;
  if (target.type === 'subscript') return stringValue(target.childForFieldName('subscript'));
  return undefined;
}
