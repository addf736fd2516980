import type { NodeId } from '../syntax/tree';
import type { FunctionMemo } from './functionMemo';
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
    scope.bindings.clear();
    for (let j = 0; j < bindings.length; j++) {
      const binding = bindings[j];
      scope.bindings.set(binding.name, binding);
      binding.used = used[j];
      binding.redefined.length = redefined[j];
    }
    scope.variables.clear();
    for (let j = 0; j < variables.length; j++) {
      scope.variables.set(variables[j].name, variables[j]);
      variables[j].references.length = references[j];
    }
  }
}
