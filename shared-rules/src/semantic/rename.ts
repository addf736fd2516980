import type { SemanticModel } from './model';
import type { Reference, Scope, Variable } from './scope';
import { F, T } from '../syntax/grammar';
import { HARD_KEYWORDS } from '../syntax/keywords';
import type { NodeId as Node, SyntaxTree } from '../syntax/tree';
import { stringValue } from './strings';
import { exportedNames } from './exports';
import type { TextEdit } from '../text/textEdit';

/** The name under the cursor that can be renamed, and where it is written there. */
export interface RenameTarget {
  variable: Variable;
  name: string;
  start: number;
  end: number;
}

export type RenameResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

/** Python's identifier syntax (PEP 3131, approximated with Unicode categories). */
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** Why `name` cannot be a Python name, or undefined when it can. */
export function invalidNameReason(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return `\`${name}\` is not a valid Python identifier`;
  if (HARD_KEYWORDS.has(name)) return `\`${name}\` is a Python keyword`;
  return undefined;
}

/** The renameable name at `offset` (on or just after an identifier), or why there is none. */
export function findRenameTarget(model: SemanticModel, offset: number): RenameTarget | { reason: string } {
  // Fixes ask at the start of a name: one lookup. Editors ask anywhere in it: a scan.
  const tree = model.tree;
  const starting = indexOf(model).byStart.get(offset);
  for (const variable of starting ? [starting] : indexOf(model).variables) {
    for (const reference of variable.references) {
      const range = nameRange(tree, reference);
      if (!range || offset < range.start || offset > range.end) continue;
      // Only read, never bound here: a builtin.
      if (variable.references.every((r) => r.kind === 'load')) return { reason: `\`${variable.name}\` is a builtin` };
      return { variable, name: variable.name, ...range };
    }
  }
  // `self.name`, `cls.name`, `Class.name`: the class attribute they read.
  for (const scope of model.scopes) {
    if (scope.kind !== 'class') continue;
    const attribute = classAttributes(model, scope).find((node) => offset >= tree.start(node) && offset <= tree.end(node));
    const variable = attribute ? scope.variables.get(tree.text(attribute)) : undefined;
    if (attribute && variable?.references.some((r) => r.kind === 'store')) return { variable, name: variable.name, start: tree.start(attribute), end: tree.end(attribute) };
  }
  return { reason: 'There is no name here that can be renamed' };
}

/**
 * The edits renaming the variable at `offset` to `newName`: every occurrence
 * that resolves to it (stores, reads, `del`, `global`/`nonlocal`, `__all__`
 * entries, keywords at calls of a function known to be the callee), and
 * nothing else; or why the rename would change the program's meaning.
 */
export function planRename(model: SemanticModel, text: string, offset: number, newName: string): RenameResult {
  const target = findRenameTarget(model, offset);
  if ('reason' in target) return { ok: false, reason: target.reason };
  return renameVariable(model, text, target.variable, newName);
}

export function renameVariable(model: SemanticModel, text: string, variable: Variable, newName: string): RenameResult {
  const tree = model.tree;
  const invalid = invalidNameReason(newName);
  if (invalid) return { ok: false, reason: invalid };
  if (newName === variable.name) return { ok: true, edits: [] };
  const dynamic = dynamicNameAccess(tree, variable.scope, text);
  if (dynamic) return { ok: false, reason: `\`${dynamic.call}()\` on line ${lineOf(text, dynamic.index)} may read \`${variable.name}\` by its name, which the rename would not change` };
  const conflict = findConflict(model, text, variable, newName);
  if (conflict) return { ok: false, reason: conflict };
  const attributes = variable.scope.kind === 'class' ? classAttributes(model, variable.scope) : [];
  const taken = attributes.find((node) => tree.text(node) === newName);
  if (taken) return { ok: false, reason: `\`${newName}\` is already an attribute of the class (line ${lineOf(text, tree.start(taken))})` };
  const edits = new Map<number, TextEdit>();
  const add = (edit: TextEdit): void => void edits.set(edit.start, edit);
  const replace = (node: Node): void => add({ start: tree.start(node), end: tree.end(node), newText: newName });
  for (const reference of variable.references) {
    const edit = referenceEdit(tree, reference, newName);
    if (typeof edit === 'string') return { ok: false, reason: edit };
    add(edit);
  }
  for (const node of unboundReads(model, variable)) replace(node);
  for (const node of keywordArguments(tree, variable)) replace(node);
  for (const node of attributes) if (tree.text(node) === variable.name) replace(node);
  if (variable.scope.kind === 'module') {
    for (const node of exportEntries(tree, variable.scope, variable.name)) add(stringContentEdit(tree, node, newName));
  }
  return { ok: true, edits: [...edits.values()].sort((a, b) => a.start - b.start) };
}

/**
 * Calls that read a scope's names as strings (`vars()` without an argument
 * only: `vars(obj)` reads an object's): in the scope's own text; for
 * module names, the namespace dictionaries anywhere (an `eval` somewhere in a
 * module mostly evaluates data, and refusing every global rename for it would
 * cost more than it saves).
 */
const LOCAL_NAME_ACCESS = /(?<![\w.])(locals|vars(?=\s*\(\s*\))|eval|exec)\s*\(/g;
const GLOBAL_NAME_ACCESS = /(?<![\w.])(globals|locals|vars(?=\s*\(\s*\)))\s*\(/g;

/**
 * The first call in reach of `scope` that may read its names as strings
 * (`"%(total)s" % locals()`, `eval("total")`): renaming the variable would not
 * rename those. Text matches in strings and comments count too: a refused
 * rename costs less than a broken one.
 */
function dynamicNameAccess(tree: SyntaxTree, scope: Scope, text: string): { call: string; index: number } | undefined {
  const module = scope.kind === 'module';
  const pattern = module ? GLOBAL_NAME_ACCESS : LOCAL_NAME_ACCESS;
  // A global pattern searches from `lastIndex`: the scope's start.
  pattern.lastIndex = module ? 0 : tree.start(scope.node);
  const match = pattern.exec(text);
  if (!match || (!module && match.index >= tree.end(scope.node))) return undefined;
  return { call: match[1], index: match.index };
}

/**
 * Attribute names read or written through the class itself: `Class.name`,
 * and `self.name` / `cls.name` in its methods. (Other objects' attributes,
 * subclasses and other modules are out of reach: renaming a class-level name
 * is never safe.)
 */
function classAttributes(model: SemanticModel, scope: Scope): Node[] {
  const cached = indexOf(model).classAttributes;
  let attributes = cached.get(scope);
  if (!attributes) cached.set(scope, (attributes = findClassAttributes(model, scope)));
  return attributes;
}

function findClassAttributes(model: SemanticModel, scope: Scope): Node[] {
  const tree = model.tree;
  const holders: Variable[] = [];
  const outer = outside(scope);
  const classNameNode = tree.field(scope.node, F.name);
  const className = classNameNode ? tree.text(classNameNode) : undefined;
  const classVariable = className ? outer?.variables.get(className) : undefined;
  if (classVariable) holders.push(classVariable);
  for (const method of model.scopes) {
    const definition = method.node;
    if (method.kind !== 'function' || outside(method) !== scope || isStaticMethod(tree, definition)) continue;
    const first = method.parameters[0];
    const holder = first && method.variables.get(first.name);
    if (holder) holders.push(holder);
  }
  const attributes: Node[] = [];
  for (const holder of holders) {
    for (const reference of holder.references) {
      const attribute = tree.parent(reference.node);
      if (reference.kind !== 'load' || reference.host || !attribute || tree.type(attribute) !== T.attribute) continue;
      if (tree.field(attribute, F.object) !== reference.node) continue;
      const name = tree.field(attribute, F.attribute);
      if (name) attributes.push(name);
    }
  }
  return attributes;
}

/** The scope a definition's name is bound in (past PEP 695 type parameters). */
function outside(scope: Scope): Scope | undefined {
  let outer = scope.parent;
  while (outer?.kind === 'type-params') outer = outer.parent;
  return outer;
}

function isStaticMethod(tree: SyntaxTree, definition: Node): boolean {
  const decorated = tree.parent(definition);
  return (
    !!decorated &&
    tree.type(decorated) === T.decorated_definition &&
    tree.namedChildren(decorated).some((d) => tree.type(d) === T.decorator && /^@\s*staticmethod\b/.test(tree.text(d)))
  );
}

function startOf(tree: SyntaxTree, reference: Reference): number {
  return tree.start(reference.host ?? reference.node);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface ModelIndex {
  variables: Set<Variable>;
  /** Variables by the start of each of their names written in the file. */
  byStart: Map<number, Variable>;
  byName: Map<string, Variable[]>;
  classAttributes: Map<Scope, Node[]>;
}

/** Each model's index, built on first use: a lint plans one rename per naming finding. */
const indexes = new WeakMap<SemanticModel, ModelIndex>();

function indexOf(model: SemanticModel): ModelIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = { variables: new Set(), byStart: new Map(), byName: new Map(), classAttributes: new Map() };
  for (const scope of model.scopes) {
    for (const variable of scope.variables.values()) {
      if (index.variables.has(variable)) continue;
      index.variables.add(variable);
      const named = index.byName.get(variable.name);
      if (named) named.push(variable);
      else index.byName.set(variable.name, [variable]);
      for (const reference of variable.references) {
        const range = nameRange(model.tree, reference);
        if (range) index.byStart.set(range.start, variable);
      }
    }
  }
  indexes.set(model, index);
  return index;
}

/** Where the reference writes the name in the file (undefined inside type comments and unreadable strings). */
function nameRange(tree: SyntaxTree, reference: Reference): { start: number; end: number } | undefined {
  const node = nameNode(tree, reference.node);
  if (!node) return undefined;
  if (!reference.host) return { start: tree.start(node), end: tree.end(node) };
  const content = verbatimStringContent(tree, reference.host);
  return content === undefined ? undefined : { start: content + tree.start(node), end: content + tree.end(node) };
}

/** The identifier of an occurrence: itself, an import's alias or its single name. */
function nameNode(tree: SyntaxTree, node: Node): Node | undefined {
  if (tree.type(node) === T.identifier) return node;
  if (tree.type(node) === T.aliased_import) return tree.field(node, F.alias) || undefined;
  if (tree.type(node) === T.dotted_name && tree.namedChildCount(node) === 1) return tree.namedChild(node, 0) || undefined;
  return undefined;
}

/** Offset of a string's value in the file, when the value is the source text verbatim (no escapes, no f-string). */
function verbatimStringContent(tree: SyntaxTree, host: Node): number | undefined {
  if (tree.type(host) !== T.string) return undefined;
  const raw = tree.text(host);
  const value = stringValue(tree, host);
  const match = /^[rRuU]?('''|"""|'|")/.exec(raw);
  if (value === undefined || !match) return undefined;
  const start = match[0].length;
  const quote = match[1].length;
  return raw.slice(start, raw.length - quote) === value ? tree.start(host) + start : undefined;
}

function referenceEdit(tree: SyntaxTree, reference: Reference, newName: string): TextEdit | string {
  const node = reference.node;
  if (tree.type(node) === T.dotted_name) {
    // `import os.path` binds `os`: no `as` can rename it without changing what is bound.
    if (tree.namedChildCount(node) !== 1) return `\`${tree.text(node)}\` binds its first part; rename the import by hand`;
    const parent = tree.parent(node);
    if (parent && tree.type(parent) === T.future_import_statement) return 'A `__future__` import cannot be renamed';
    // `import json` / `from m import name` become `… as newName`.
    return { start: tree.end(node), end: tree.end(node), newText: ` as ${newName}` };
  }
  const range = nameRange(tree, reference);
  if (!range) {
    return reference.host && tree.type(reference.host) === T.comment
      ? 'The name is used in a `# type:` comment, which cannot be edited safely'
      : 'The name is used in a string annotation with escapes, which cannot be edited safely';
  }
  return { ...range, newText: newName };
}

function stringContentEdit(tree: SyntaxTree, node: Node, newName: string): TextEdit {
  const content = verbatimStringContent(tree, node)!;
  return { start: content, end: content + (stringValue(tree, node) ?? '').length, newText: newName };
}

/**
 * Reads of the variable where pyflakes found it unbound (before its first
 * assignment, after a `del`): still the same variable, so renamed with it.
 */
function unboundReads(model: SemanticModel, variable: Variable): Node[] {
  const tree = model.tree;
  const reads: Node[] = [];
  for (const message of model.messages) {
    if (message.kind !== 'undefined-name' || message.name !== variable.name || tree.type(message.node) !== T.identifier) continue;
    const scope = innermostScope(model, tree.start(message.node));
    if (scope && resolvesIn(scope, variable.name)?.variables.get(variable.name) === variable) reads.push(message.node);
  }
  return reads;
}

/** `'name'` entries of a module's `__all__` (assigned, augmented, extended, appended). */
const EXPORT_CONTAINERS = new Set<number>([T.list, T.tuple, T.parenthesized_expression, T.binary_operator, T.argument_list]);

function exportEntries(tree: SyntaxTree, module: Scope, name: string): Node[] {
  const all = module.variables.get('__all__');
  if (!all) return [];
  const found: Node[] = [];
  const collect = (start: Node): void => {
    // In order, without recursion: `__all__ = a + b + c + …` nests as deep as it is long.
    const pending = start ? [start] : [];
    while (pending.length) {
      const node = pending.pop()!;
      if (tree.type(node) === T.string) {
        if (stringValue(tree, node) === name && verbatimStringContent(tree, node) !== undefined) found.push(node);
      } else if (EXPORT_CONTAINERS.has(tree.type(node))) {
        const children = tree.namedChildren(node);
        for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
      }
    }
  };
  for (const reference of all.references) {
    const parent = tree.parent(reference.node);
    if (!parent) continue;
    if (reference.kind === 'store' && (tree.type(parent) === T.assignment || tree.type(parent) === T.augmented_assignment)) {
      if (exportedNames(tree, tree.field(parent, F.right)).includes(name)) collect(tree.field(parent, F.right));
    } else if (reference.kind === 'load' && tree.type(parent) === T.attribute) {
      const methodNode = tree.field(parent, F.attribute);
      const method = methodNode ? tree.text(methodNode) : undefined;
      const call = tree.parent(parent);
      if ((method === 'extend' || method === 'append') && call && tree.type(call) === T.call) collect(tree.field(call, F.arguments));
    }
  }
  return found;
}

/**
 * `f(name=…)` keywords for a parameter of `f`, when every call through the
 * name `f` certainly calls this function: a plain function (not a method, not
 * decorated) bound once, whose parameter can be passed by keyword.
 */
function keywordArguments(tree: SyntaxTree, variable: Variable): Node[] {
  const scope = variable.scope;
  const definition = scope.node;
  if (scope.kind !== 'function' || tree.type(definition) !== T.function_definition) return [];
  const decorated = tree.parent(definition);
  if ((decorated && tree.type(decorated) === T.decorated_definition) || !isKeywordParameter(tree, definition, variable.name)) return [];
  const outer = outside(scope);
  const functionName = tree.field(definition, F.name);
  const callee = functionName && outer?.kind !== 'class' ? outer?.variables.get(tree.text(functionName)) : undefined;
  if (!callee) return [];
  const stores = callee.references.filter((r) => r.kind !== 'load');
  if (stores.length !== 1 || stores[0].node !== functionName) return [];
  const keywords: Node[] = [];
  for (const reference of callee.references) {
    const call = tree.parent(reference.node);
    if (reference.kind !== 'load' || reference.host || !call || tree.type(call) !== T.call || tree.field(call, F.function) !== reference.node) continue;
    const args = tree.field(call, F.arguments);
    for (const argument of args ? tree.namedChildren(args) : []) {
      const keyword = tree.type(argument) === T.keyword_argument ? tree.field(argument, F.name) : 0;
      if (keyword && tree.text(keyword) === variable.name) keywords.push(keyword);
    }
  }
  return keywords;
}

/** Whether the parameter can be passed as `name=…` (not positional-only, not `*args`/`**kwargs`). */
function isKeywordParameter(tree: SyntaxTree, definition: Node, name: string): boolean {
  const list = tree.field(definition, F.parameters);
  const parameters = list ? tree.namedChildren(list) : [];
  const separator = parameters.findIndex((p) => tree.type(p) === T.positional_separator);
  return parameters.some((parameter, index) => {
    const type = tree.type(parameter);
    if (index < separator || type === T.list_splat_pattern || type === T.dictionary_splat_pattern) return false;
    const nameNode = type === T.identifier ? parameter : tree.field(parameter, F.name) || tree.namedChild(parameter, 0);
    return !!nameNode && tree.type(nameNode) === T.identifier && tree.text(nameNode) === name;
  });
}

/** The scopes a name read in `scope` is looked up in, innermost first (class bodies are invisible to nested functions). */
function lookupChain(scope: Scope): Scope[] {
  const chain: Scope[] = [scope];
  let onlyComprehensions = scope.kind === 'generator';
  for (let outer = scope.parent; outer; outer = outer.parent) {
    if (outer.kind !== 'class' || onlyComprehensions) chain.push(outer);
    onlyComprehensions &&= outer.kind === 'generator';
  }
  return chain;
}

/** Where `name` resolves from `scope`: the first scope of the chain with a variable of that name. */
function resolvesIn(scope: Scope, name: string): Scope | undefined {
  return lookupChain(scope).find((candidate) => candidate.variables.has(name));
}

/** Why renaming `variable` to `newName` would change which binding some name refers to, if it would. */
function findConflict(model: SemanticModel, text: string, variable: Variable, newName: string): string | undefined {
  const tree = model.tree;
  const startOfReference = (reference: Reference): number => startOf(tree, reference);
  const home = variable.scope;
  const line = (offset: number): number => lineOf(text, offset);
  const existing = home.variables.get(newName);
  if (existing?.references.length) {
    const definition = existing.references.find((r) => r.kind !== 'load');
    // A variable of the scope that is only read is a builtin the rename would hide.
    if (!definition) return `\`${newName}\` is a builtin used on line ${line(startOfReference(existing.references[0]))}, which the rename would hide`;
    return `\`${newName}\` is already defined in the same scope (line ${line(startOfReference(definition))})`;
  }
  // Each use of the variable must still find it, not a `newName` defined in between.
  for (const reference of variable.references) {
    const found = resolvesIn(reference.scope, newName);
    const chain = lookupChain(reference.scope);
    if (found && found !== home && chain.indexOf(found) < chain.indexOf(home)) {
      return `The use on line ${line(startOfReference(reference))} would refer to another \`${newName}\`, defined in an inner scope`;
    }
  }
  // Each existing use of `newName` must keep its meaning rather than find the renamed variable.
  for (const other of indexOf(model).byName.get(newName) ?? []) {
    if (other === variable) continue;
    for (const reference of other.references) {
      const chain = lookupChain(reference.scope);
      const position = chain.indexOf(home);
      if (position !== -1 && position < chain.indexOf(other.scope)) {
        return `\`${newName}\` used on line ${line(startOfReference(reference))} would then refer to the renamed name`;
      }
    }
  }
  for (const message of model.messages) {
    if ((message.kind !== 'undefined-name' && message.kind !== 'import-star-usage') || message.name !== newName) continue;
    const scope = innermostScope(model, tree.start(message.node));
    if (scope && lookupChain(scope).includes(home)) {
      return `\`${newName}\` used on line ${line(tree.start(message.node))} would then refer to the renamed name`;
    }
  }
  return undefined;
}

function innermostScope(model: SemanticModel, offset: number): Scope | undefined {
  const tree = model.tree;
  let best: Scope | undefined;
  for (const scope of model.scopes) {
    const start = tree.start(scope.node);
    const end = tree.end(scope.node);
    if (offset < start || offset >= end) continue;
    if (!best || end - start < tree.end(best.node) - tree.start(best.node)) best = scope;
  }
  return best;
}
