import type { NodeId as Node } from '../../syntax/tree';
import { snapshotScopes, type ClassDeferral, type ClassMemo, type DeferredTask } from '../classMemo';
import { moduleReferencesOf, replayDeclarations } from '../declarations';
import { findsSame, FunctionRecording, readsByBinding, type ExternalLookup, type FunctionMemo } from '../functionMemo';
import type { ModuleNameChanges } from '../moduleNames';
import type { Scope, ScopeKind } from '../scope';
import type { BindingRecorder } from './bindingRecorder';
import type { ReadingState } from './readingState';

export type { DeferredTask } from '../classMemo';

interface Deferred {
  /** A task (which a class's memo can queue again in a later build), a step of a function's run, or what an unchanged class deferred. */
  work: DeferredTask | (() => void) | ClassMemo;
  stack: Scope[];
  /** A module-level function or method: run with everything nested in it, and memoized. */
  memoized?: boolean;
}

/** Memos of earlier runs, by their definition node. */
export interface NodeMemos<T> {
  get(node: Node): T | undefined;
  set(node: Node, memo: T): void;
}

/** Results of unchanged module-level functions, methods and classes from earlier runs, by their (reused) definition node. */
export interface Memos {
  functions: NodeMemos<FunctionMemo>;
  classes: NodeMemos<ClassMemo>;
  /** Notes a function's memo replayed or recorded in scopes of the build other than its module, or declaring names: detached once the build is released. */
  attach(memo: FunctionMemo): void;
  /** The module names whose bindings changed since the functions' memos last held. */
  moduleNames: ModuleNameChanges;
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
    /** Results of unchanged functions and classes from earlier runs, by their (reused) definition node. */
    private readonly memos: Memos,
    /** Runs a deferred task. */
    private readonly runTask: (task: DeferredTask) => void,
  ) {}

  /** Defers a task until the module is done; a module-level function or method (`memoized`) is memoized. */
  defer(task: DeferredTask, memoized = false): void {
    this.functions.push({ work: task, stack: [...this.recorder.stack], memoized });
  }

  /** Defers a function's check for unused assignments until every function body has run. */
  deferAssignmentCheck(run: () => void): void {
    this.assignments.push({ work: run, stack: [...this.recorder.stack] });
  }

  /** Runs what was deferred until the end of `module`, whose walk is done. */
  runAfterModule(module: Scope): void {
    this.memos.moduleNames.startDeferredWork(module);
    this.runAll();
  }

  /** Runs the deferred function bodies, then the assignment checks. */
  private runAll(): void {
    this.runDeferred(this.functions);
    this.runDeferred(this.assignments);
  }

  private runDeferred(queue: Deferred[]): void {
    // The queue grows while it runs: nested functions are appended.
    for (let i = 0; i < queue.length; i++) {
      this.recorder.stack = queue[i].stack;
      if (queue[i].memoized && !this.recorder.recording) this.runMemoized(queue[i]);
      else this.run(queue[i]);
    }
  }

  private run(item: Deferred): void {
    const work = item.work;
    if (typeof work === 'function') work();
    else if ('kind' in work) this.runTask(work);
    else this.runClassDeferrals(work, item.stack);
  }

  /** What else a memoized run's outcome depends on: the kinds of scopes around it, `from __future__ import annotations`, a star import. */
  private fingerprint(stack: readonly Scope[]): number {
    let fingerprint = (this.reading.futureAnnotations ? 2 : 0) + (stack[0].importStarred ? 1 : 0);
    for (let i = 0; i < stack.length; i++) fingerprint = fingerprint * SCOPE_KINDS.length + SCOPE_KINDS.indexOf(stack[i].kind) + 1;
    return fingerprint;
  }

  /**
   * Visits a class statement of the module (`visit`: its decorators, type
   * parameters, bases and body), or replays the memo of an unchanged one
   * whose lookups outside it still find the same kinds of bindings: its
   * scopes as its visit left them (the builder puts them back once a build
   * is done with them), its effects outside made again, what it deferred
   * queued again.
   */
  visitClassMemoized(node: Node, visit: () => void): void {
    const recorder = this.recorder;
    const stack = recorder.stack;
    const fingerprint = this.fingerprint(stack);
    const memo = this.memos.classes.get(node);
    if (memo?.fingerprint === fingerprint && this.lookupsStillHold(memo.lookups)) {
      this.replay(memo);
      this.functions.push({ work: memo, stack: [...stack] });
      return;
    }
    const depth = stack.length;
    const recording = new FunctionRecording(depth, recorder.messages.length);
    const scopeStart = recorder.deadScopes.length;
    const deferredStart = this.functions.length;
    recorder.recording = recording;
    try {
      visit();
    } finally {
      recorder.recording = undefined;
    }
    // `global` and `nonlocal` directly in a class body (rare): left to the visit of each build.
    if (recording.declarations.length) return;
    const scopes = recorder.deadScopes.slice(scopeStart);
    const deferred: ClassDeferral[] = [];
    for (let i = deferredStart; i < this.functions.length; i++) {
      const item = this.functions[i];
      const own = item.stack.slice(depth);
      const previous = deferred[deferred.length - 1]?.stack;
      // Deferrals on the same scopes share their stack (a replay of the methods makes each stack once).
      const same = previous?.length === own.length && own.every((scope, j) => scope === previous[j]);
      deferred.push({ task: item.work as DeferredTask, stack: same ? previous : own, memoized: !!item.memoized });
    }
    this.memos.classes.set(node, Object.assign(this.memoOf(fingerprint, recording, scopes, stack[0]), { deferred, snapshot: snapshotScopes(scopes), methods: undefined }));
  }

  /**
   * Runs what an unchanged class deferred, on the stack outside it: its
   * methods' memos replayed together while their lookups outside the class
   * all still hold (see `MethodGroup`), each deferral run or replayed in turn
   * otherwise.
   */
  private runClassDeferrals(memo: ClassMemo, outer: Scope[]): void {
    const recorder = this.recorder;
    const fingerprint = this.fingerprint(outer);
    const group = memo.methods;
    if (group?.fingerprint === fingerprint && this.holds(group.lookups, outer)) {
      let own: Scope[] | undefined;
      for (let i = 0; i < group.memos.length; i++) {
        if (memo.deferred[i].stack !== own) {
          own = memo.deferred[i].stack;
          recorder.stack = [...outer, ...own];
        }
        this.replay(group.memos[i]);
      }
      return;
    }
    const memos: FunctionMemo[] = [];
    for (const { task, stack, memoized } of memo.deferred) {
      const item = { work: task, stack: [...outer, ...stack], memoized };
      recorder.stack = item.stack;
      if (memoized) memos.push(this.runMemoized(item));
      else this.run(item);
    }
    const groups = memos.length === memo.deferred.length && memos.every((method) => !method.declarations.length);
    memo.methods = groups ? { fingerprint, lookups: outerLookups(memos, outer.length), memos } : undefined;
    if (memo.methods) this.memos.moduleNames.holding(memo.methods.lookups);
  }

  /**
   * Runs a module-level function together with everything deferred inside it
   * (nested functions see its final scope either way, as they would at the
   * end of the module), or replays the memo of an unchanged function whose
   * outer lookups still find the same kinds of bindings. Returns the memo.
   */
  private runMemoized(item: Deferred): FunctionMemo {
    const recorder = this.recorder;
    const node = (item.work as DeferredTask).node;
    const fingerprint = this.fingerprint(item.stack);
    const memo = this.memos.functions.get(node);
    if (memo?.fingerprint === fingerprint && this.holds(memo.lookups, item.stack)) {
      this.replay(memo);
      this.attachToBuild(memo, item.stack);
      return memo;
    }
    const recording = new FunctionRecording(item.stack.length, recorder.messages.length);
    const outer = [this.functions, this.assignments] as const;
    const scopeStart = recorder.deadScopes.length;
    recorder.recording = recording;
    this.functions = [];
    this.assignments = [];
    try {
      this.run(item);
      this.runAll();
    } finally {
      [this.functions, this.assignments] = outer;
      recorder.recording = undefined;
    }
    const recorded = this.memoOf(fingerprint, recording, recorder.deadScopes.slice(scopeStart), item.stack[0]);
    this.memos.functions.set(node, recorded);
    this.memos.moduleNames.holding(recorded.lookups);
    this.attachToBuild(recorded, item.stack);
    return recorded;
  }

  /** Notes a memo the builder must detach from this build's scopes: it was opened in scopes other than the module (which the builder empties), or declares names. */
  private attachToBuild(memo: FunctionMemo, stack: readonly Scope[]): void {
    if (stack.length > 1 || memo.declarations.length) this.memos.attach(memo);
  }

  /** The memo of a recorded run that closed `scopes`. */
  private memoOf(fingerprint: number, recording: FunctionRecording, scopes: Scope[], module: Scope): FunctionMemo {
    const own = new Set(scopes);
    return {
      fingerprint,
      lookups: recording.lookups,
      uses: readsByBinding(recording.uses),
      starUses: recording.starUses,
      loopShadows: recording.loopShadows,
      redefinitions: recording.redefinitions,
      undefinedLocals: recording.undefinedLocals,
      declarations: recording.declarations,
      moduleReferences: moduleReferencesOf(recording, module),
      messages: this.recorder.messages.slice(recording.messageStart).filter((message) => !recording.externalMessages.has(message)),
      scopes,
      outerScopes: scopes.filter((scope) => scope.parent && !own.has(scope.parent)),
    };
  }

  /** Whether the lookups of a memo of the deferred work (or a group of them) still hold on `stack`: their module names unchanged, or each looked up again. */
  private holds(lookups: readonly ExternalLookup[], stack: readonly Scope[]): boolean {
    const moduleNames = this.memos.moduleNames;
    if (moduleNames.holdStill(lookups)) return true;
    if (!this.lookupsStillHold(lookups, stack)) return false;
    moduleNames.holding(lookups);
    return true;
  }

  /** Whether every outer lookup a memoized run made still finds the same kind of binding. */
  private lookupsStillHold(lookups: readonly ExternalLookup[], stack: readonly Scope[] = this.recorder.stack): boolean {
    for (let i = 0; i < lookups.length; i++) {
      const lookup = lookups[i];
      if (!findsSame(lookup, stack[lookup.index]?.bindings.get(lookup.name))) return false;
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
      const reads = memo.uses[i];
      const binding = stack[reads.index].bindings.get(reads.name);
      if (!binding) continue;
      binding.used = reads.use ??= { scope: inside, node: reads.node };
      const references = reads.references;
      if (!references.length) continue;
      const occurrences = recorder.variableOf(binding, reads.index).references;
      for (let j = 0; j < references.length; j++) occurrences.push(references[j]);
    }
    for (let i = 0; i < memo.starUses.length; i++) recorder.reportStarUsage(memo.starUses[i].node, memo.starUses[i].name, inside);
    for (let i = 0; i < memo.loopShadows.length; i++) {
      const { index, name, node } = memo.loopShadows[i];
      const original = stack[index].bindings.get(name);
      if (original) recorder.messages.push({ kind: 'import-shadowed-by-loop-var', node, name, original });
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

/** The lookups of `memos` in the `depth` scopes outside them, each name of each scope once. */
function outerLookups(memos: readonly FunctionMemo[], depth: number): ExternalLookup[] {
  const seen = new Set<string>();
  const lookups: ExternalLookup[] = [];
  for (const memo of memos) {
    for (const lookup of memo.lookups) {
      const key = `${lookup.index}\u0000${lookup.name}`;
      if (lookup.index >= depth || seen.has(key)) continue;
      seen.add(key);
      lookups.push(lookup);
    }
  }
  return lookups;
}
