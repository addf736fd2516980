import { findsSame, type ExternalLookup } from './functionMemo';
import type { Binding, Scope } from './scope';

/** A module-level name across builds: its binding as the last module walk left it, and the last build that may have changed what it finds. */
interface ModuleName extends ExternalLookup {
  changedIn: number;
  /** The last build whose walk left it bound. */
  boundIn: number;
}

/** Memoized lookups, all in the module, that held in build `heldIn`, with the names they read. */
interface HeldLookups {
  heldIn: number;
  names: ModuleName[];
}

/**
 * Which module-level names may find another kind of binding than in earlier
 * builds during the work deferred until the module's end: those whose
 * binding as the module's walk left it changed, and those bound or unbound
 * during the deferred work itself (`global` declarations, a walrus in a late
 * annotation) of the build or of the one before. Memoized lookups that all
 * read the module, and held in a build since which none of their names
 * changed, hold without being looked up again: a build compares the names
 * its walk bound once rather than each memo's lookups.
 */
export class ModuleNameChanges {
  private readonly names = new Map<string, ModuleName>();
  /** The serial of the build running (a tree with syntax errors runs no analysis and counts not). */
  private build = 0;
  /** The names the last walk left bound. */
  private bound: ModuleName[] = [];
  /** The names bound or unbound so far during the deferred work of the build, and how many of them were noted as changed. */
  private touched: ReadonlySet<string> = new Set();
  private touchedNoted = 0;
  /** By the lookups of a memo (or a group of methods): null when some are not in the module. */
  private readonly held = new WeakMap<readonly ExternalLookup[], HeldLookups | null>();

  /** Starts a build's deferred work on `module`, its module scope as the walk left it, whose changes are followed from now on. */
  startDeferredWork(module: Scope): void {
    const build = ++this.build;
    const bindings = module.bindings;
    // The names the last walk bound, looked up by the strings kept of them (whose hashes are known); the others only when there are others.
    let kept = 0;
    for (const name of this.bound) {
      const binding = bindings.get(name.name);
      if (!findsSame(name, binding)) noteBinding(name, binding, build);
      if (!binding) continue;
      name.boundIn = build;
      kept++;
    }
    if (kept !== bindings.size || kept !== this.bound.length) {
      const bound: ModuleName[] = [];
      for (const binding of bindings.values()) {
        const name = this.nameOf(binding.name);
        if (name.boundIn !== build && !findsSame(name, binding)) noteBinding(name, binding, build);
        name.boundIn = build;
        bound.push(name);
      }
      this.bound = bound;
    }
    // What the last deferred work bound may be bound at another point of this one, or not at all.
    for (const name of this.touched) this.nameOf(name).changedIn = build;
    this.touched = module.changed = new Set();
    this.touchedNoted = 0;
  }

  /** Whether memoized `lookups` that held in an earlier build hold still: all read the module, none of their names changed since. */
  holdStill(lookups: readonly ExternalLookup[]): boolean {
    const held = this.held.get(lookups);
    if (!held) return false;
    if (this.touched.size !== this.touchedNoted) this.noteTouched();
    const names = held.names;
    for (let i = 0; i < names.length; i++) if (names[i].changedIn > held.heldIn) return false;
    return true;
  }

  /** Notes that memoized `lookups` hold in this build's deferred work (looked up again, or just recorded). */
  holding(lookups: readonly ExternalLookup[]): void {
    const held = this.held.get(lookups);
    if (held) held.heldIn = this.build;
    else if (held === undefined) {
      const inModule = lookups.every((lookup) => lookup.index === 0);
      this.held.set(lookups, inModule ? { heldIn: this.build, names: lookups.map((lookup) => this.nameOf(lookup.name)) } : null);
    }
  }

  private noteTouched(): void {
    for (const name of this.touched) this.nameOf(name).changedIn = this.build;
    this.touchedNoted = this.touched.size;
  }

  /** The record of `name`, made on first use unbound: a name never bound changed in no build. */
  private nameOf(name: string): ModuleName {
    let found = this.names.get(name);
    if (!found) {
      found = { index: 0, name, kind: undefined, fullName: undefined, module: undefined, realName: undefined, changedIn: 0, boundIn: 0 };
      this.names.set(name, found);
    }
    return found;
  }
}

/** Notes `binding` (or none) as what the walk of `build` left `name` bound to, another kind than the last walk's. */
function noteBinding(name: ModuleName, binding: Binding | undefined, build: number): void {
  name.kind = binding?.kind;
  name.fullName = binding?.fullName;
  name.module = binding?.module;
  name.realName = binding?.realName;
  name.changedIn = build;
}
