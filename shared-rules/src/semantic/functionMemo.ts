import type { SemanticMessage } from './messages';
import type { Binding, BindingKind, Reference, Scope, Use } from './scope';
import type { NodeId } from '../syntax/tree';

/** A name looked up in a scope outside the function (module, class), and what decides the outcome: which kind of binding it found, and of what. */
export interface ExternalLookup {
  /** Index of the scope in the stack the function was defined in. */
  index: number;
  name: string;
  /** Undefined when it found none. */
  kind: BindingKind | undefined;
  fullName: string | undefined;
  module: string | undefined;
  realName: string | undefined;
}

/** An effect of the function on a binding outside it. */
export interface ExternalEffect {
  index: number;
  name: string;
  node: NodeId;
  /** For reads: the occurrence, added to the outer variable. */
  reference?: Reference;
}

/** The function's reads of one outer binding, replayed together: its last use, and the occurrences added to its variable. */
export interface ExternalReads {
  index: number;
  name: string;
  /** The last read. */
  node: NodeId;
  /** The use the binding gets on replay, made once. */
  use?: Use;
  references: Reference[];
}

/** A read of a name no scope defines, where star imports may define it. */
export interface StarUse {
  node: NodeId;
  name: string;
}

/** A `global` or `nonlocal` declaration in the function: what it changed outside, made again on replay. */
export interface Declaration {
  name: string;
  /** The binding it made, which the scopes it declares the name in share (and the module, when it had none). */
  value: Binding;
  /** How many scopes of the stack outside the function it bound the name in (the module's aside). */
  outer: number;
}

/**
 * What running one module-level function (or method) and everything nested
 * in it did, so an unchanged function is not walked again: the lookups it
 * made outside itself (checked before reuse), its effects there (replayed),
 * and its own scopes and messages (reused as they are).
 */
export interface FunctionMemo {
  /** What else its outcome depends on: the kinds of scopes around it, `from __future__ import annotations`, a star import. */
  fingerprint: number;
  lookups: ExternalLookup[];
  /** Outer bindings it reads (marked used on replay), each once. */
  uses: ExternalReads[];
  /** Reads of names no scope defines, which star imports may define: reported with the build's star imports, each marking them used. */
  starUses: StarUse[];
  /** Its loop variables shadowing outer imports, reported against the build's import. */
  loopShadows: ExternalEffect[];
  /** Outer imports it redefines (pyflakes reports those with the import when it stays unused). */
  redefinitions: ExternalEffect[];
  /** Reads before assignment of names defined outside (F823), reported against the outer binding. */
  undefinedLocals: ExternalEffect[];
  /** Its `global`/`nonlocal` declarations, in order. */
  declarations: Declaration[];
  /** The occurrences it added to module variables through `global` (declarations, stores, reads), by name. */
  moduleReferences: Map<string, Reference[]>;
  messages: SemanticMessage[];
  scopes: Scope[];
  /** The scopes of `scopes` opened in scopes outside the function: re-attached to the new build's on replay. */
  outerScopes: Scope[];
}

/** Collects a FunctionMemo while the function runs. */
export class FunctionRecording {
  readonly lookups: ExternalLookup[] = [];
  /** The stack indices each name was already looked up in (a bit each): a name read many times is checked once on reuse. */
  private readonly looked = new Map<string, number>();
  readonly uses: ExternalEffect[] = [];
  readonly starUses: StarUse[] = [];
  readonly loopShadows: ExternalEffect[] = [];
  readonly redefinitions: ExternalEffect[] = [];
  readonly undefinedLocals: ExternalEffect[] = [];
  /** Messages about outer bindings or star imports, rebuilt on replay rather than kept. */
  readonly externalMessages = new Set<SemanticMessage>();
  readonly declarations: Declaration[] = [];
  /** For each name declared `global`: how many references its module variable had before the first declaration. */
  readonly moduleReferenceStarts = new Map<string, number>();

  constructor(
    /** Scopes below this stack index are outside the function. */
    readonly boundary: number,
    /** Where the function's messages start (a declaration removes earlier messages). */
    public messageStart: number,
  ) {}

  /** Records a lookup of `name` in outer scope `index`, once. */
  lookup(index: number, name: string, binding: Binding | undefined): void {
    if (index < 30) {
      const bits = this.looked.get(name) ?? 0;
      const bit = 1 << index;
      if (bits & bit) return;
      this.looked.set(name, bits | bit);
    }
    this.lookups.push({ index, name, kind: binding?.kind, fullName: binding?.fullName, module: binding?.module, realName: binding?.realName });
  }
}

/** Reads of outer bindings, by binding (scope index and name) in the order of each one's first read: one look-up of each on replay. */
export function readsByBinding(uses: readonly ExternalEffect[]): ExternalReads[] {
  const byBinding = new Map<string, ExternalReads>();
  for (const { index, name, node, reference } of uses) {
    const key = `${index}\u0000${name}`;
    let reads = byBinding.get(key);
    if (!reads) byBinding.set(key, (reads = { index, name, node, references: [] }));
    reads.node = node;
    if (reference) reads.references.push(reference);
  }
  return [...byBinding.values()];
}

/** Whether a lookup finds what `lookup` found: no binding, or one of the same kind of the same import. */
export function findsSame(lookup: ExternalLookup, binding: Binding | undefined): boolean {
  if (!binding) return lookup.kind === undefined;
  return binding.kind === lookup.kind && binding.fullName === lookup.fullName && binding.module === lookup.module && binding.realName === lookup.realName;
}
