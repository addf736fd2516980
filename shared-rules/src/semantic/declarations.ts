import type { FunctionMemo, FunctionRecording } from './functionMemo';
import { NONE } from '../syntax/tree';
import type { SemanticMessage } from './messages';
import { Scope, type Binding, type Reference } from './scope';

/**
 * The effects outside a function of its `global` and `nonlocal`
 * declarations, so that a function making them can be memoized: recorded
 * while it runs, made again when its memo is replayed in a new build, whose
 * module scope and module variables are new.
 */

/**
 * Forgets the undefined-name reports of `name` made so far (a declaration says
 * it is defined elsewhere). Returns how many of the first `before` messages went.
 */
export function forgetUndefinedName(messages: SemanticMessage[], name: string, before: number): number {
  let removed = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message.kind !== 'undefined-name' || message.name !== name) continue;
    messages.splice(i, 1);
    if (i < before) removed++;
  }
  return removed;
}

/** The references the function added to the module variables of the names it declares `global`, its outer reads' aside. */
export function moduleReferencesOf(recording: FunctionRecording, module: Scope): Map<string, Reference[]> {
  const references = new Map<string, Reference[]>();
  if (!recording.moduleReferenceStarts.size) return references;
  const replayed = new Set(recording.uses.map((use) => use.reference));
  for (const [name, start] of recording.moduleReferenceStarts) {
    references.set(name, module.variable(name).references.slice(start).filter((reference) => !replayed.has(reference)));
  }
  return references;
}

/**
 * Makes a memo's declarations again in the build's scopes (`stack`, the
 * module first): earlier undefined-name reports forgotten, the declared
 * binding put in the module (when it has none) and the outer scopes, and the
 * function's bindings, variables and references moved from the earlier
 * build's module variables to this one's.
 */
export function replayDeclarations(memo: FunctionMemo, stack: readonly Scope[], messages: SemanticMessage[]): void {
  if (!memo.declarations.length) return;
  const module = stack[0];
  for (const { name, value, outer } of memo.declarations) {
    forgetUndefinedName(messages, name, 0);
    if (!module.bindings.has(name)) module.bind(value);
    for (let i = 1; i <= outer; i++) stack[i].bind(value);
  }
  moveDeclarationsTo(memo, module);
  for (const [name, references] of memo.moduleReferences) {
    const variable = module.variable(name);
    for (const reference of references) variable.references.push(reference);
  }
}

/**
 * Points what the memo's declarations made belong to a build's module (see
 * `replayDeclarations`) at a stand-in module instead, which holds nothing
 * of the build: the next replay moves them to its own module.
 */
export function detachDeclarations(memo: FunctionMemo): void {
  if (memo.declarations.length) moveDeclarationsTo(memo, new Scope('module', NONE, undefined));
}

/** Points the declared bindings, and the function's bindings and variables that belong to the module, at `module`. */
function moveDeclarationsTo(memo: FunctionMemo, module: Scope): void {
  for (const { value } of memo.declarations) moveToModule(value, module);
  for (const scope of memo.scopes) {
    for (const [name, variable] of scope.variables) if (variable.scope.kind === 'module') scope.variables.set(name, module.variable(name));
    for (const binding of scope.bindings.values()) moveToModule(binding, module);
  }
}

/** Points a binding of the function that belongs to a module variable, or was last used in the module, at this build's module. */
function moveToModule(binding: Binding, module: Scope): void {
  if (binding.variable?.scope.kind === 'module') binding.variable = module.variable(binding.variable.name);
  if (binding.used?.scope.kind === 'module') binding.used = { scope: module, node: binding.used.node };
}
