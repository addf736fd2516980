import { memoizedPerNode } from '../syntax/memo';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';
import type { ModuleNameCondition } from '../findings/finding';
import { dottedParts, localBindings } from './callTarget';
import type { NameBinding } from './bindings';

export interface CallMatch {
  /** Left to the linter when the name comes from the module (or the builtins). */
  condition?: ModuleNameCondition;
}

/** What every call rule asks about a callee: its dotted name and, lazily, what the surrounding functions bind to its head. */
interface Callee {
  head: string;
  member: string;
  /** Undefined until asked for; null when no surrounding function binds the head. */
  local?: NameBinding[] | null;
}

// A call is looked at by every security rule: read its callee from the tree once.
const calleeOf = memoizedPerNode((tree, callee): Callee | null => {
  const parts = dottedParts(tree, callee);
  return parts ? { head: parts[0], member: parts.slice(1).join('.') } : null;
});

/**
 * Whether `callee` (a name or attribute chain) refers to one of `targets`,
 * qualified names such as `subprocess.run` or `builtins.eval`. Names bound
 * in the surrounding functions are resolved here; a local function named
 * `eval` is not the builtin. Names from the module are resolved by the
 * linter once the whole file is known, through the returned condition.
 */
export function matchCall(tree: SyntaxTree, callee: NodeId, targets: readonly string[]): CallMatch | undefined {
  if (callee === NONE) return undefined;
  const facts = calleeOf(tree, callee);
  if (!facts) return undefined;
  const { head, member } = facts;
  const suffix = member ? `.${member}` : '';
  // Only the head can be an alias: `sp.run` must end like `subprocess.run`, while `r` may be anything.
  const candidates = member ? targets.filter((target) => target.endsWith(suffix)) : targets;
  if (!candidates.length) return undefined;
  if (facts.local === undefined) facts.local = localBindings(tree, callee, head) ?? null;
  if (facts.local) {
    return facts.local.some((binding) => binding.target && candidates.includes(`${binding.target}${suffix}`)) ? {} : undefined;
  }
  return { condition: { name: head, member, targets: candidates } };
}
