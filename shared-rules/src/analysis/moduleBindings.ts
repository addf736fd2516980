import type { ModuleNameCondition } from '../findings/finding';
import type { NameBinding } from '../resolution/bindings';

/**
 * The names a module binds at its top level and what each refers to, for
 * settling findings' `ModuleNameCondition`s. Statements' bindings are added
 * and removed as the statements come and go, and each name counts its
 * targets: a keystroke costs the bindings of the statements it changed. A
 * keystroke inside a function binds nothing new at module level, so the
 * verdicts survive it; one in an import changes the verdicts of the names
 * whose targets it adds or removes, and only those.
 */
export class ModuleBindings {
  /** By name: how many statements bind it to each target. */
  private targets = new Map<string, Map<string | null, number>>();
  /** Verdicts by name, then by condition. */
  private verdicts = new Map<string, WeakMap<ModuleNameCondition, boolean>>();
  /** Changes whenever the bindings do. */
  generation = 0;
  /** The generation at which each name's targets last changed (names not here have not changed since 0). */
  private changedAt = new Map<string, number>();
  /**
   * By name, the targets bound or unbound since the last `settle`: a
   * statement removed and added again (its chunk made again) flips its
   * targets back, and changes no verdict.
   */
  private flipped = new Map<string, Set<string | null>>();

  /** A statement's bindings came (call `settle` before asking for verdicts). */
  add(bindings: readonly NameBinding[]): void {
    for (const { name, target } of bindings) {
      let counts = this.targets.get(name);
      if (!counts) this.targets.set(name, (counts = new Map()));
      const count = counts.get(target) ?? 0;
      counts.set(target, count + 1);
      if (count === 0) this.flip(name, target);
    }
  }

  /** A statement's bindings, added before, went (call `settle` before asking for verdicts). */
  remove(bindings: readonly NameBinding[]): void {
    for (const { name, target } of bindings) {
      const counts = this.targets.get(name)!;
      const count = counts.get(target)! - 1;
      if (count > 0) {
        counts.set(target, count);
        continue;
      }
      counts.delete(target);
      if (!counts.size) this.targets.delete(name);
      this.flip(name, target);
    }
  }

  /** Every binding went. */
  clear(): void {
    for (const [name, counts] of this.targets) for (const target of counts.keys()) this.flip(name, target);
    this.targets.clear();
  }

  /** Ends a series of `add`s and `remove`s: the names whose targets changed get new verdicts. */
  settle(): void {
    const changed = [...this.flipped].filter(([, targets]) => targets.size).map(([name]) => name);
    this.flipped.clear();
    if (!changed.length) return;
    this.generation++;
    for (const name of changed) {
      this.changedAt.set(name, this.generation);
      this.verdicts.delete(name);
    }
  }

  private flip(name: string, target: string | null): void {
    let targets = this.flipped.get(name);
    if (!targets) this.flipped.set(name, (targets = new Set()));
    if (!targets.delete(target)) targets.add(target);
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
        ? [...bound.keys()].some((target) => target !== null && condition.targets.includes(`${target}${suffix}`))
        : condition.targets.includes(`builtins.${condition.name}${suffix}`);
      verdict = condition.unless ? !resolves : resolves;
      byCondition.set(condition, verdict);
    }
    return verdict;
  }
}
