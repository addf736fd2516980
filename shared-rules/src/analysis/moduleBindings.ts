import type { ModuleNameCondition } from '../findings/finding';
import type { NameBinding } from '../resolution/bindings';

function sameBindings(a: readonly NameBinding[], b: readonly NameBinding[]): boolean {
  return a === b || (a.length === b.length && a.every((binding, i) => binding.name === b[i].name && binding.target === b[i].target));
}

function sameTargets(a: readonly (string | null)[] | undefined, b: readonly (string | null)[] | undefined): boolean {
  return a === b || (!!a && !!b && a.length === b.length && a.every((target, i) => target === b[i]));
}

/**
 * The names a module binds at its top level and what each refers to, for
 * settling findings' `ModuleNameCondition`s. A keystroke inside a function
 * binds nothing new at module level, so the map and the verdicts survive it;
 * one in an import changes the verdicts of the names it binds, and only those.
 */
export class ModuleBindings {
  private statements: (readonly NameBinding[])[] = [];
  private targets = new Map<string, Array<string | null>>();
  /** Verdicts by name, then by condition. */
  private verdicts = new Map<string, WeakMap<ModuleNameCondition, boolean>>();
  /** Changes whenever the bindings do. */
  generation = 0;
  /** The generation at which each name's targets last changed (names not here have not changed since 0). */
  private changedAt = new Map<string, number>();

  /** The bindings of each module-level statement, in order. */
  update(statements: (readonly NameBinding[])[]): void {
    const unchanged = statements.length === this.statements.length && statements.every((bindings, i) => sameBindings(bindings, this.statements[i]));
    this.statements = statements;
    if (unchanged) return;
    this.generation++;
    const previous = this.targets;
    this.targets = new Map();
    for (const bindings of statements) {
      for (const { name, target } of bindings) {
        const targets = this.targets.get(name);
        if (targets) targets.push(target);
        else this.targets.set(name, [target]);
      }
    }
    for (const name of new Set([...previous.keys(), ...this.targets.keys()])) {
      if (sameTargets(previous.get(name), this.targets.get(name))) continue;
      this.changedAt.set(name, this.generation);
      this.verdicts.delete(name);
    }
  }

  /** Whether the verdicts of every condition on these names are as they were at `generation`. */
  unchangedSince(names: Iterable<string>, generation: number): boolean {
    for (const name of names) if ((this.changedAt.get(name) ?? 0) > generation) return false;
    return true;
  }

  /** Whether the finding stands: the condition's name resolves to one of its targets (unbound names are builtins), or does not with `unless`. */
  holds(condition: ModuleNameCondition): boolean {
    let byCondition = this.verdicts.get(condition.name);
    if (!byCondition) this.verdicts.set(condition.name, (byCondition = new WeakMap()));
    let verdict = byCondition.get(condition);
    if (verdict === undefined) {
      const suffix = condition.member ? `.${condition.member}` : '';
      const bound = this.targets.get(condition.name);
      const resolves = bound
        ? bound.some((target) => target !== null && condition.targets.includes(`${target}${suffix}`))
        : condition.targets.includes(`builtins.${condition.name}${suffix}`);
      verdict = condition.unless ? !resolves : resolves;
      byCondition.set(condition, verdict);
    }
    return verdict;
  }
}
