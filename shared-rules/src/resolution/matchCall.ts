import type { Node } from 'web-tree-sitter';
import type { ModuleNameCondition } from '../rules/rule';
import { dottedParts, localBindings } from './callTarget';

export interface CallMatch {
  /** Left to the linter when the name comes from the module (or the builtins). */
  condition?: ModuleNameCondition;
}

/**
 * Whether `callee` (a name or attribute chain) refers to one of `targets`,
 * qualified names such as `subprocess.run` or `builtins.eval`. Names bound
 * in the surrounding functions are resolved here; a local function named
 * `eval` is not the builtin. Names from the module are resolved by the
 * linter once the whole file is known, through the returned condition.
 */
export function matchCall(callee: Node | null, targets: readonly string[]): CallMatch | undefined {
  const parts = dottedParts(callee);
  if (!parts || !callee) return undefined;
  const [head, ...rest] = parts;
  const member = rest.join('.');
  const suffix = member ? `.${member}` : '';
  // Only the head can be an alias: `sp.run` must end like `subprocess.run`, while `r` may be anything.
  const candidates = member ? targets.filter((target) => target.endsWith(suffix)) : targets;
  if (!candidates.length) return undefined;
  const local = localBindings(callee, head);
  if (local) {
    return local.some((binding) => binding.target && candidates.includes(`${binding.target}${suffix}`)) ? {} : undefined;
  }
  return { condition: { name: head, member, targets: candidates } };
}
