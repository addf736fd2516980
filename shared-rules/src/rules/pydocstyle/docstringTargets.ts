import { memoizedPerTree } from '../../syntax/memo';
import { docstringOf, fileDefinitions, isDunder, type Definition } from '../../syntax/definitions';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

/**
 * The definitions the docstring rules judge, classified and with pydocstyle's
 * (6.2.3) meaning of "public": a top-level function or class is public when
 * `__all__` lists it, or, without a readable `__all__`, when its name has no
 * leading underscore; methods and nested classes also need a public class
 * around them; nested functions are never public. Whole-file facts
 * (`__all__`) are involved, so the rules are file rules; this is computed
 * once per tree.
 */
export type TargetKind = 'function' | 'class' | 'method' | 'nested-class' | 'nested-function';

export interface DocstringTarget {
  definition: Definition;
  kind: TargetKind;
  isPublic: boolean;
  /** NONE when it has none. */
  docstring: NodeId;
}

/** Methods pydocstyle checks as ordinary methods although their names are dunders. */
const VARIADIC_MAGIC_METHODS = new Set(['__init__', '__call__', '__new__']);

export const docstringTargets = memoizedPerTree((tree: SyntaxTree): DocstringTarget[] => {
  const exports = tree.source.indexOf('__all__') !== -1 ? pydocstyleDunderAll(tree) : undefined;
  const byDefinition = new Map<Definition, DocstringTarget>();
  const targets: DocstringTarget[] = [];
  for (const definition of fileDefinitions(tree)) {
    const parent = definition.parent && byDefinition.get(definition.parent);
    const kind = targetKind(definition, parent);
    const target: DocstringTarget = {
      definition,
      kind,
      isPublic: isPublic(definition, kind, parent, exports),
      docstring: definition.body === undefined ? NONE : docstringOf(tree, definition.body),
    };
    byDefinition.set(definition, target);
    targets.push(target);
  }
  return targets;
});

function targetKind(definition: Definition, parent: DocstringTarget | undefined): TargetKind {
  if (!parent) return definition.kind;
  if (parent.definition.kind === 'class') return definition.kind === 'function' ? 'method' : 'nested-class';
  return definition.kind === 'function' ? 'nested-function' : 'nested-class';
}

function isPublic(definition: Definition, kind: TargetKind, parent: DocstringTarget | undefined, exports: Set<string> | undefined): boolean {
  const { name } = definition;
  switch (kind) {
    case 'function':
    case 'class':
      return exports ? exports.has(name) : !name.startsWith('_');
    case 'nested-function':
      return false;
    case 'nested-class':
      return !name.startsWith('_') && parent?.definition.kind === 'class' && parent.isPublic;
    case 'method': {
      // Property setters and deleters (`@name.setter`) share the getter's docstring.
      if (definition.decorators.some((decorator) => decorator.startsWith(`${name}.`))) return false;
      const publicName = !name.startsWith('_') || VARIADIC_MAGIC_METHODS.has(name) || isDunder(name);
      return publicName && parent!.isPublic;
    }
  }
}

/** `__init__`, `__call__` and `__new__` are checked as methods; other dunders are "magic". */
export function isMagicMethod(name: string): boolean {
  return isDunder(name) && !VARIADIC_MAGIC_METHODS.has(name);
}

/**
 * `__all__` as pydocstyle reads it: only when the module's top level (outside
 * indented blocks) mentions `__all__` exactly once, in an assignment of a
 * list or tuple of plain strings (or one string in parentheses, a tuple to
 * pydocstyle's tokenizer). Anything else means "no `__all__`".
 */
function pydocstyleDunderAll(tree: SyntaxTree): Set<string> | undefined {
  const mentions: NodeId[] = [];
  for (let statement = tree.firstNamedChild(tree.root); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
    if (tree.type(statement) === T.comment || !tree.text(statement).includes('__all__')) continue;
    for (const identifier of tree.descendantsOfType(statement, T.identifier)) {
      if (tree.text(identifier) === '__all__' && !inIndentedBlock(tree, identifier, statement)) mentions.push(identifier);
    }
  }
  if (mentions.length !== 1) return undefined;
  const assignment = tree.parent(mentions[0]);
  if (assignment === NONE || tree.type(assignment) !== T.assignment || tree.field(assignment, F.left) !== mentions[0]) return undefined;
  if (tree.field(assignment, F.type) !== NONE) return undefined;
  const statement = tree.parent(assignment);
  const container = statement === NONE ? NONE : tree.parent(statement);
  if (container === NONE || tree.type(container) !== T.module) return undefined;
  const value = tree.field(assignment, F.right);
  if (value === NONE) return undefined;
  const valueType = tree.type(value);
  // pydocstyle reads the tokens between the brackets: `('a')` lists `a` as `('a',)` would.
  const surrounded = valueType === T.list || valueType === T.tuple || valueType === T.parenthesized_expression;
  // A bare `__all__ = 'a'` is not a sequence; `__all__ = 'a', 'b'` is.
  if (!surrounded && valueType !== T.expression_list) return undefined;
  const names = new Set<string>();
  for (let item = tree.firstNamedChild(value); item !== NONE; item = tree.nextNamedSibling(item)) {
    if (tree.type(item) === T.comment) continue;
    if (tree.type(item) !== T.string) return undefined;
    const parts = tree.namedChildren(item);
    if (parts.some((c) => tree.type(c) === T.interpolation || tree.type(c) === T.escape_sequence)) return undefined;
    names.add(parts.filter((c) => tree.type(c) === T.string_content).map((c) => tree.text(c)).join(''));
  }
  return names;
}

function inIndentedBlock(tree: SyntaxTree, node: NodeId, statement: NodeId): boolean {
  for (let current = tree.parent(node); current !== NONE && current !== statement; current = tree.parent(current)) {
    const parent = tree.parent(current);
    // On a later line than its parent (rows count `\n`, as tree-sitter's do).
    if (tree.type(current) === T.block && parent !== NONE && tree.source.slice(tree.start(parent), tree.start(current)).includes('\n')) return true;
  }
  return false;
}
