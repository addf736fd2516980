import type { NodeId } from '../syntax/tree';
import type { ExternalLookup, FunctionMemo } from './functionMemo';
import type { Binding, Scope, Use, Variable } from './scope';

/** Work deferred until the module is done, as data: a class's memo queues what its body deferred again in a later build. */
export type DeferredTask =
  | { kind: 'function' | 'lambda' | 'type-alias' | 'late-annotation'; node: NodeId }
  | { kind: 'string-annotation'; node: NodeId; text: string };

/** A task a class deferred, on the stack of its own scopes it was deferred from (the scopes outside the class come first). */
export interface ClassDeferral {
  task: DeferredTask;
  /** The class's own scopes of the stack (those outside it are the build's). */
  stack: Scope[];
  /** A method: memoized (see `FunctionMemo`). */
  memoized: boolean;
}

/**
 * What visiting one module-level class statement (decorators, type
 * parameters, bases, body) did, so an unchanged class is not visited again:
 * a `FunctionMemo` of its lookups and effects outside it and of the scopes it
 * closed, with what its body deferred (its methods, first of all) and its
 * scopes as the visit left them. Later work changes those scopes (methods'
 * declarations bind in the class, late annotations read its names): a replay
 * restores them first.
 */
export interface ClassMemo extends FunctionMemo {
  deferred: ClassDeferral[];
  snapshot: ScopeSnapshot[];
  /** Once its deferrals (methods only) have run as memos: those memos, replayed together. */
  methods?: MethodGroup;
}

/**
 * The memos of a class's methods, replayed together while the lookups they
 * made outside the class all still hold. Their lookups in the class's own
 * scopes need no check: a replay of the class restores those scopes, and only
 * its methods run in them, none of which declares a name (which would change
 * them, and outer scopes, between one method and the next).
 */
export interface MethodGroup {
  fingerprint: number;
  /** Their lookups outside the class, each name of each scope once. */
  lookups: ExternalLookup[];
  /** In the order of `ClassMemo.deferred`. */
  memos: FunctionMemo[];
}

/** A scope's names as a visit left them: its bindings, their last uses and redefinitions, its variables and their references. */
export interface ScopeSnapshot {
  scope: Scope;
  bindings: Binding[];
  used: (Use | undefined)[];
  redefined: number[];
  variables: Variable[];
  references: number[];
}

export function snapshotScopes(scopes: readonly Scope[]): ScopeSnapshot[] {
  return scopes.map((scope) => {
    const bindings = [...scope.bindings.values()];
    const variables = [...scope.variables.values()];
    return {
      scope,
      bindings,
      used: bindings.map((binding) => binding.used),
      redefined: bindings.map((binding) => binding.redefined.length),
      variables,
      references: variables.map((variable) => variable.references.length),
    };
  });
}

/** Puts the scopes back as they were snapshot. */
export function restoreScopes(snapshots: readonly ScopeSnapshot[]): void {
  for (let i = 0; i < snapshots.length; i++) {
    const { scope, bindings, used, redefined, variables, references } = snapshots[i];
    // Names are only bound again after the visit (by methods' declarations), and seldom: the maps are made again only then.
    if (!sameBindings(scope, bindings)) {
      scope.bindings.clear();
      for (let j = 0; j < bindings.length; j++) scope.bindings.set(bindings[j].name, bindings[j]);
    }
    // Lengths are set only when they changed: setting an array's length costs a call into the runtime, and most stay as they were.
    for (let j = 0; j < bindings.length; j++) {
      bindings[j].used = used[j];
      if (bindings[j].redefined.length !== redefined[j]) bindings[j].redefined.length = redefined[j];
    }
    if (scope.variables.size !== variables.length) {
      scope.variables.clear();
      for (let j = 0; j < variables.length; j++) scope.variables.set(variables[j].name, variables[j]);
    }
    for (let j = 0; j < variables.length; j++) if (variables[j].references.length !== references[j]) variables[j].references.length = references[j];
  }
}

function sameBindings(scope: Scope, bindings: readonly Binding[]): boolean {
  if (scope.bindings.size !== bindings.length) return false;
  for (let j = 0; j < bindings.length; j++) if (scope.bindings.get(bindings[j].name) !== bindings[j]) return false;
  return true;
}
