import type { SemanticModel } from './model';
import type { Reference, Scope, Variable } from './scope';
import type { SyntaxNode as Node } from './syntax';
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

// Python 3.12 hard keywords (soft keywords such as `match` and `type` are valid names).
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Python's identifier syntax (PEP 3131, approximated with Unicode categories). */
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** Why `name` cannot be a Python name, or undefined when it can. */
export function invalidNameReason(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return `\`${name}\` is not a valid Python identifier`;
  if (KEYWORDS.has(name)) return `\`${name}\` is a Python keyword`;
  return undefined;
}

/** The renameable name at `offset` (on or just after an identifier), or why there is none. */
export function findRenameTarget(model: SemanticModel, offset: number): RenameTarget | { reason: string } {
  // Fixes ask at the start of a name: one lookup. Editors ask anywhere in it: a scan.
  const starting = indexOf(model).byStart.get(offset);
  for (const variable of starting ? [starting] : indexOf(model).variables) {
    for (const reference of variable.references) {
      const range = nameRange(reference);
      if (!range || offset < range.start || offset > range.end) continue;
      // Only read, never bound here: a builtin.
      if (variable.references.every((r) => r.kind === 'load')) return { reason: `\`${variable.name}\` is a builtin` };
      return { variable, name: variable.name, ...range };
    }
  }
  // `self.name`, `cls.name`, `Class.name`: the class attribute they read.
  for (const scope of model.scopes) {
    if (scope.kind !== 'class') continue;
    const attribute = classAttributes(model, scope).find((node) => offset >= node.startIndex && offset <= node.endIndex);
    const variable = attribute ? scope.variables.get(attribute.text) : undefined;
    if (attribute && variable?.references.some((r) => r.kind === 'store')) return { variable, name: variable.name, start: attribute.startIndex, end: attribute.endIndex };
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
  const invalid = invalidNameReason(newName);
  if (invalid) return { ok: false, reason: invalid };
  if (newName === variable.name) return { ok: true, edits: [] };
  const dynamic = dynamicNameAccess(variable.scope, text);
  if (dynamic) return { ok: false, reason: `\`${dynamic.call}()\` on line ${lineOf(text, dynamic.index)} may read \`${variable.name}\` by its name, which the rename would not change` };
  const conflict = findConflict(model, text, variable, newName);
  if (conflict) return { ok: false, reason: conflict };
  const attributes = variable.scope.kind === 'class' ? classAttributes(model, variable.scope) : [];
  const taken = attributes.find((node) => node.text === newName);
  if (taken) return { ok: false, reason: `\`${newName}\` is already an attribute of the class (line ${lineOf(text, taken.startIndex)})` };
  const edits = new Map<number, TextEdit>();
  const add = (edit: TextEdit): void => void edits.set(edit.start, edit);
  for (const reference of variable.references) {
    const edit = referenceEdit(reference, newName);
    if (typeof edit === 'string') return { ok: false, reason: edit };
    add(edit);
  }
  for (const node of unboundReads(model, variable)) add({ start: node.startIndex, end: node.endIndex, newText: newName });
  for (const node of keywordArguments(variable)) add({ start: node.startIndex, end: node.endIndex, newText: newName });
  for (const node of attributes) if (node.text === variable.name) add({ start: node.startIndex, end: node.endIndex, newText: newName });
  if (variable.scope.kind === 'module') {
    for (const node of exportEntries(variable.scope, variable.name)) add(stringContentEdit(node, newName));
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
function dynamicNameAccess(scope: Scope, text: string): { call: string; index: number } | undefined {
  const module = scope.kind === 'module';
  const pattern = module ? GLOBAL_NAME_ACCESS : LOCAL_NAME_ACCESS;
  // A global pattern searches from `lastIndex`: the scope's start.
  pattern.lastIndex = module ? 0 : scope.node.startIndex;
  const match = pattern.exec(text);
  if (!match || (!module && match.index >= scope.node.endIndex)) return undefined;
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
  const holders: Variable[] = [];
  const outer = outside(scope);
  const className = scope.node.childForFieldName('name')?.text;
  const classVariable = className ? outer?.variables.get(className) : undefined;
  if (classVariable) holders.push(classVariable);
  for (const method of model.scopes) {
    const definition = method.node;
    if (method.kind !== 'function' || outside(method) !== scope || isStaticMethod(definition)) continue;
    const first = method.parameters[0];
    const holder = first && method.variables.get(first.name);
    if (holder) holders.push(holder);
  }
  const attributes: Node[] = [];
  for (const holder of holders) {
    for (const reference of holder.references) {
      const attribute = reference.node.parent;
      if (reference.kind !== 'load' || reference.host || attribute?.type !== 'attribute') continue;
      if (attribute.childForFieldName('object')?.id !== reference.node.id) continue;
      const name = attribute.childForFieldName('attribute');
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

function isStaticMethod(definition: Node): boolean {
  const decorated = definition.parent;
  return decorated?.type === 'decorated_definition' && decorated.namedChildren.some((d) => d.type === 'decorator' && /^@\s*staticmethod\b/.test(d.text));
}

function startOf(reference: Reference): number {
  return (reference.host ?? reference.node).startIndex;
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
        const range = nameRange(reference);
        if (range) index.byStart.set(range.start, variable);
      }
    }
  }
  indexes.set(model, index);
  return index;
}

/** Where the reference writes the name in the file (undefined inside type comments and unreadable strings). */
function nameRange(reference: Reference): { start: number; end: number } | undefined {
  const node = nameNode(reference.node);
  if (!node) return undefined;
  if (!reference.host) return { start: node.startIndex, end: node.endIndex };
  const content = verbatimStringContent(reference.host);
  return content === undefined ? undefined : { start: content + node.startIndex, end: content + node.endIndex };
}

/** The identifier of an occurrence: itself, an import's alias or its single name. */
function nameNode(node: Node): Node | undefined {
  if (node.type === 'identifier') return node;
  if (node.type === 'aliased_import') return node.childForFieldName('alias') ?? undefined;
  if (node.type === 'dotted_name' && node.namedChildCount === 1) return node.namedChild(0) ?? undefined;
  return undefined;
}

/** Offset of a string's value in the file, when the value is the source text verbatim (no escapes, no f-string). */
function verbatimStringContent(host: Node): number | undefined {
  if (host.type !== 'string') return undefined;
  const raw = host.text;
  const value = stringValue(host);
  const match = /^[rRuU]?('''|"""|'|")/.exec(raw);
  if (value === undefined || !match) return undefined;
  const start = match[0].length;
  const quote = match[1].length;
  return raw.slice(start, raw.length - quote) === value ? host.startIndex + start : undefined;
}

function referenceEdit(reference: Reference, newName: string): TextEdit | string {
  const node = reference.node;
  if (node.type === 'dotted_name') {
    // `import os.path` binds `os`: no `as` can rename it without changing what is bound.
    if (node.namedChildCount !== 1) return `\`${node.text}\` binds its first part; rename the import by hand`;
    if (node.parent?.type === 'future_import_statement') return 'A `__future__` import cannot be renamed';
    // `import json` / `from m import name` become `… as newName`.
    return { start: node.endIndex, end: node.endIndex, newText: ` as ${newName}` };
  }
  const range = nameRange(reference);
  if (!range) {
    return reference.host?.type === 'comment'
      ? 'The name is used in a `# type:` comment, which cannot be edited safely'
      : 'The name is used in a string annotation with escapes, which cannot be edited safely';
  }
  return { ...range, newText: newName };
}

function stringContentEdit(node: Node, newName: string): TextEdit {
  const content = verbatimStringContent(node)!;
  return { start: content, end: content + (stringValue(node) ?? '').length, newText: newName };
}

/**
 * Reads of the variable where pyflakes found it unbound (before its first
 * assignment, after a `del`): still the same variable, so renamed with it.
 */
function unboundReads(model: SemanticModel, variable: Variable): Node[] {
  const reads: Node[] = [];
  for (const message of model.messages) {
    if (message.kind !== 'undefined-name' || message.name !== variable.name || message.node.type !== 'identifier') continue;
    const scope = innermostScope(model, message.node.startIndex);
    if (scope && resolvesIn(scope, variable.name)?.variables.get(variable.name) === variable) reads.push(message.node);
  }
  return reads;
}

/** `'name'` entries of a module's `__all__` (assigned, augmented, extended, appended). */
function exportEntries(module: Scope, name: string): Node[] {
  const all = module.variables.get('__all__');
  if (!all) return [];
  const found: Node[] = [];
  const collect = (node: Node | null | undefined): void => {
    if (!node) return;
    if (node.type === 'string') {
      if (stringValue(node) === name && verbatimStringContent(node) !== undefined) found.push(node);
      return;
    }
    if (['list', 'tuple', 'parenthesized_expression', 'binary_operator', 'argument_list'].includes(node.type)) {
      for (const child of node.namedChildren) collect(child);
    }
  };
  for (const reference of all.references) {
    const parent = reference.node.parent;
    if (reference.kind === 'store' && (parent?.type === 'assignment' || parent?.type === 'augmented_assignment')) {
      if (exportedNames(parent.childForFieldName('right')).includes(name)) collect(parent.childForFieldName('right'));
    } else if (reference.kind === 'load' && parent?.type === 'attribute') {
      const method = parent.childForFieldName('attribute')?.text;
      const call = parent.parent;
      if ((method === 'extend' || method === 'append') && call?.type === 'call') collect(call.childForFieldName('arguments'));
    }
  }
  return found;
}

/**
 * `f(name=…)` keywords for a parameter of `f`, when every call through the
 * name `f` certainly calls this function: a plain function (not a method, not
 * decorated) bound once, whose parameter can be passed by keyword.
 */
function keywordArguments(variable: Variable): Node[] {
  const scope = variable.scope;
  const definition = scope.node;
  if (scope.kind !== 'function' || definition.type !== 'function_definition') return [];
  if (definition.parent?.type === 'decorated_definition' || !isKeywordParameter(definition, variable.name)) return [];
  const outer = outside(scope);
  const functionName = definition.childForFieldName('name');
  const callee = functionName && outer?.kind !== 'class' ? outer?.variables.get(functionName.text) : undefined;
  if (!callee) return [];
  const stores = callee.references.filter((r) => r.kind !== 'load');
  if (stores.length !== 1 || stores[0].node.id !== functionName?.id) return [];
  const keywords: Node[] = [];
  for (const reference of callee.references) {
    const call = reference.node.parent;
    if (reference.kind !== 'load' || reference.host || call?.type !== 'call' || call.childForFieldName('function')?.id !== reference.node.id) continue;
    for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const keyword = argument.type === 'keyword_argument' ? argument.childForFieldName('name') : null;
      if (keyword?.text === variable.name) keywords.push(keyword);
    }
  }
  return keywords;
}

/** Whether the parameter can be passed as `name=…` (not positional-only, not `*args`/`**kwargs`). */
function isKeywordParameter(definition: Node, name: string): boolean {
  const parameters = definition.childForFieldName('parameters')?.namedChildren ?? [];
  const separator = parameters.findIndex((p) => p.type === 'positional_separator');
  return parameters.some((parameter, index) => {
    if (index < separator || parameter.type === 'list_splat_pattern' || parameter.type === 'dictionary_splat_pattern') return false;
    const nameNode = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? parameter.namedChild(0));
    return nameNode?.type === 'identifier' && nameNode.text === name;
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
  const home = variable.scope;
  const line = (offset: number): number => lineOf(text, offset);
  const existing = home.variables.get(newName);
  if (existing?.references.length) {
    const definition = existing.references.find((r) => r.kind !== 'load');
    // A variable of the scope that is only read is a builtin the rename would hide.
    if (!definition) return `\`${newName}\` is a builtin used on line ${line(startOf(existing.references[0]))}, which the rename would hide`;
    return `\`${newName}\` is already defined in the same scope (line ${line(startOf(definition))})`;
  }
  // Each use of the variable must still find it, not a `newName` defined in between.
  for (const reference of variable.references) {
    const found = resolvesIn(reference.scope, newName);
    const chain = lookupChain(reference.scope);
    if (found && found !== home && chain.indexOf(found) < chain.indexOf(home)) {
      return `The use on line ${line(startOf(reference))} would refer to another \`${newName}\`, defined in an inner scope`;
    }
  }
  // Each existing use of `newName` must keep its meaning rather than find the renamed variable.
  for (const other of indexOf(model).byName.get(newName) ?? []) {
    if (other === variable) continue;
    for (const reference of other.references) {
      const chain = lookupChain(reference.scope);
      const position = chain.indexOf(home);
      if (position !== -1 && position < chain.indexOf(other.scope)) {
        return `\`${newName}\` used on line ${line(startOf(reference))} would then refer to the renamed name`;
      }
    }
  }
  for (const message of model.messages) {
    if ((message.kind !== 'undefined-name' && message.kind !== 'import-star-usage') || message.name !== newName) continue;
    const scope = innermostScope(model, message.node.startIndex);
    if (scope && lookupChain(scope).includes(home)) {
      return `\`${newName}\` used on line ${line(message.node.startIndex)} would then refer to the renamed name`;
    }
  }
  return undefined;
}

function innermostScope(model: SemanticModel, offset: number): Scope | undefined {
  let best: Scope | undefined;
  for (const scope of model.scopes) {
    if (offset < scope.node.startIndex || offset >= scope.node.endIndex) continue;
    if (!best || scope.node.endIndex - scope.node.startIndex < best.node.endIndex - best.node.startIndex) best = scope;
  }
  return best;
}
