import type { FixSafety, RenameRequest, RuleContext } from '../rule';
import { builtinNames } from '../../semantic/builtins';
import type { NodeId } from '../../syntax/tree';

/**
 * lower_snake_case spelling of a name: `getUser` → `get_user`,
 * `HTTPResponse` → `http_response`, `userID2` → `user_id2`; leading and
 * trailing underscores are kept.
 */
export function snakeCase(name: string): string {
  const [, lead, core, trail] = /^(_*)(.*?)(_*)$/su.exec(name) ?? ['', '', name, ''];
  const words = core
    // A lowercase letter or digit followed by an uppercase one: `getUser`, `v2Beta`.
    .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, '$1_$2')
    // The end of an acronym before a word: `HTTPResponse` → `HTTP_Response`.
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1_$2')
    .toLowerCase()
    .replace(/_{2,}/g, '_');
  return lead + words + trail;
}

/**
 * The rename fix a naming rule asks for (the linter plans it through the
 * semantic model); `risk` explains an unsafe fix in its title. None when the
 * new name is a builtin: `Sum` → `sum` would hide `sum()`, which no reviewer
 * wants even where the rename is correct.
 */
export function snakeCaseRename(context: RuleContext, nameNode: NodeId, safety: FixSafety, risk?: string): RenameRequest | undefined {
  const name = context.tree.text(nameNode);
  const newName = snakeCase(name);
  if (newName === name || !newName.replace(/_/g, '') || builtinNames(context.settings.targetVersion).has(newName)) return undefined;
  const title = `Rename \`${name}\` to \`${newName}\`` + (risk ? ` (unsafe: ${risk})` : '');
  return { offset: context.tree.start(nameNode), newName, title, safety };
}
