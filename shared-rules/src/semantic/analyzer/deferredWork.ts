import type { NodeId as Node } from '../../syntax/tree';
import { moduleReferencesOf, replayDeclarations } from '../declarations';
import { describeBinding, FunctionRecording, type FunctionMemo } from '../functionMemo';
import type { Scope, ScopeKind } from '../scope';
import type { BindingRecorder } from './bindingRecorder';
import type { ReadingState } from './readingState';

interface Deferred {
  run: () => void;
  stack: Scope[];
  /** A module-level function or method: run with everything nested in it, and memoized. */
  memoNode?: Node;
}

/** Results of unchanged functions from earlier runs, by their definition node. */
export interface FunctionMemos {
  get(node: Node): FunctionMemo | undefined;
  set(node: Node, memo: FunctionMemo): void;
}

/** Scope kinds, numbered in memo fingerprints. */
const SCOPE_KINDS: readonly ScopeKind[] = ['module', 'class', 'function', 'lambda', 'generator', 'type-params'];

/**
 * What runs once the module has been walked: function and lambda bodies and
 * annotations read late, then the unused-assignment checks of the functions.
 * Each runs on the scope stack it was deferred from. A module-level function
 * runs with everything deferred inside it and is memoized: an unchanged one
 * whose outer lookups still hold replays its memo instead.
 */
export class DeferredWork {
  private functions: Deferred[] = [];
  private assignments: Deferred[] = [];

  constructor(
    private readonly recorder: BindingRecorder,
    private readonly reading: ReadingState,
    /** Results of unchanged functions from earlier runs, by their (reused) definition node. */
    private readonly memo: FunctionMemos,
  ) {}

  defer(run: () => void, memoNode?: Node): void {
    this.functions.push({ run, stack: [...this.recorder.stack], memoNode });
  }

  /** Defers a function's check for unused assignments until every function body has run. */
  deferAssignmentCheck(run: () => void): void {
    this.assignments.push({ run, stack: [...this.recorder.stack] });
  }

  /** Runs the deferred function bodies, then the assignment checks. */
  runAll(): void {
    this.runDeferred(this.functions);
    this.runDeferred(this.assignments);
  }

  private runDeferred(queue: Deferred[]): void {
    // The queue grows while it runs: nested functions are appended.
    for (let i = 0; i < queue.length; i++) {
      this.recorder.stack = queue[i].stack;
      if (queue[i].memoNode && !this.recorder.recording) this.runMemoized(queue[i]);
      else queue[i].run();
    }
  }

  /**
   * Runs a module-level function together with everything deferred inside it
   * (nested functions see its final scope either way, as they would at the
   * end of the module), or replays the memo of an unchanged function whose
   * outer lookups still find the same kinds of bindings.
   */
  private runMemoized(item: Deferred): void {
    const recorder = this.recorder;
    const node = item.memoNode!;
    let fingerprint = (this.reading.futureAnnotations ? 2 : 0) + (recorder.stack[0].importStarred ? 1 : 0);
    for (let i = 0; i < item.stack.length; i++) fingerprint = fingerprint * SCOPE_KINDS.length + SCOPE_KINDS.indexOf(item.stack[i].kind) + 1;
    const memo = this.memo.get(node);
    if (memo?.fingerprint === fingerprint && this.lookupsStillHold(memo)) {
      this.replay(memo);
      return;
    }
    const recording = new FunctionRecording(item.stack.length, recorder.messages.length);
    const outer = [this.functions, this.assignments] as const;
    const scopeStart = recorder.deadScopes.length;
    recorder.recording = recording;
    this.functions = [];
    this.assignments = [];
    try {
      item.run();
      this.runAll();
    } finally {
      [this.functions, this.assignments] = outer;
      recorder.recording = undefined;
    }
    const scopes = recorder.deadScopes.slice(scopeStart);
    const own = new Set(scopes);
    this.memo.set(node, {
      fingerprint,
      lookups: recording.lookups,
      uses: recording.uses,
      starUses: recording.starUses,
      redefinitions: recording.redefinitions,
      undefinedLocals: recording.undefinedLocals,
      declarations: recording.declarations,
      moduleReferences: moduleReferencesOf(recording, item.stack[0]),
      messages: recorder.messages.slice(recording.messageStart).filter((message) => !recording.externalMessages.has(message)),
      scopes,
      outerScopes: scopes.filter((scope) => scope.parent && !own.has(scope.parent)),
    });
  }

  /** Whether every outer lookup the memoized function made still finds the same kind of binding. */
  private lookupsStillHold(memo: FunctionMemo): boolean {
    const stack = this.recorder.stack;
    const lookups = memo.lookups;
    for (let i = 0; i < lookups.length; i++) {
      const lookup = lookups[i];
      if (describeBinding(stack[lookup.index]?.bindings.get(lookup.name)) !== lookup.description) return false;
    }
    return true;
  }

  private replay(memo: FunctionMemo): void {
    const recorder = this.recorder;
    const stack = recorder.stack;
    const inside = memo.scopes[0];
    // The memo's outermost scopes were opened in an earlier build's scopes.
    const definedIn = stack[stack.length - 1];
    for (let i = 0; i < memo.outerScopes.length; i++) memo.outerScopes[i].parent = definedIn;
    replayDeclarations(memo, stack, recorder.messages);
    // Indexed loops: a thousand memos replay at each build.
    for (let i = 0; i < memo.uses.length; i++) {
      const effect = memo.uses[i];
      const binding = stack[effect.index].bindings.get(effect.name);
      if (!binding) continue;
      binding.used = effect.use ??= { scope: inside, node: effect.node };
      if (effect.reference) recorder.variableOf(binding, effect.index).references.push(effect.reference);
    }
    // Each use marks every star import used: the last one is what they keep.
    if (memo.starUses.length) {
      const node = memo.starUses[memo.starUses.length - 1];
      for (const scope of stack) for (const binding of scope.starImports()) binding.used = { scope: inside, node };
    }
    for (let i = 0; i < memo.redefinitions.length; i++) {
      const { index, name, node } = memo.redefinitions[i];
      stack[index].bindings.get(name)?.redefined.push(node);
    }
    for (let i = 0; i < memo.undefinedLocals.length; i++) {
      const { index, name, node } = memo.undefinedLocals[i];
      const original = stack[index].bindings.get(name);
      if (original) recorder.messages.push({ kind: 'undefined-local', node, name, original });
    }
    for (let i = 0; i < memo.messages.length; i++) recorder.messages.push(memo.messages[i]);
    for (let i = 0; i < memo.scopes.length; i++) recorder.deadScopes.push(memo.scopes[i]);
  }
}
