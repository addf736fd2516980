import type { ModuleNameCondition } from '../rules/rule';
import type { NameBinding } from '../resolution/bindings';

function sameBindings(a: readonly NameBinding[], b: readonly NameBinding[]): boolean {
  return a === b || (a.length === b.length && a.every((binding, i) => binding.name === b[i].name && binding.target === b[i].target));
}

/**
 * The names a module binds at its top level and what each refers to, for
 * settling findings' `ModuleNameCondition`s. A keystroke inside a function
 * binds nothing new at module level, so the map and the verdicts survive it.
 */
export class ModuleBindings {
  private statements: (readonly NameBinding[])[] = [];
  private targets = new Map<string, Array<string | null>>();
  private verdicts = new WeakMap<ModuleNameCondition, boolean>();
  /** Changes whenever the bindings do, and with them the verdicts. */
  generation = 0;

  /** The bindings of each module-level statement, in order. */
  update(statements: (readonly NameBinding[])[]): void {
    const unchanged = statements.length === this.statements.length && statements.every((bindings, i) => sameBindings(bindings, this.statements[i]));
    this.statements = statements;
    if (unchanged) return;
    this.generation++;
    this.targets = new Map();
    this.verdicts = new WeakMap();
    for (const bindings of statements) {
      for (const { name, target } of bindings) {
        const targets = this.targets.get(name);
        if (targets) targets.push(target);
        else this.targets.set(name, [target]);
      }
    }
  }

  /** Whether the finding stands: the condition's name resolves to one of its targets (unbound names are builtins), or does not with `unless`. */
  holds(condition: ModuleNameCondition): boolean {
    let verdict = this.verdicts.get(condition);
    if (verdict === undefined) {
      const suffix = condition.member ? `.${condition.member}` : '';
      const bound = this.targets.get(condition.name);
      const resolves = bound
        ? bound.some((target) => target !== null && condition.targets.includes(`${target}${suffix}`))
        : condition.targets.includes(`builtins.${condition.name}${suffix}`);
      verdict = condition.unless ? !resolves : resolves;
      this.verdicts.set(condition, verdict);
    }
    return verdict;
  }
}
