import type { Node, Tree } from 'web-tree-sitter';
import { memoizedPerTree } from '../../syntax/memo';
import { docstringOf, fileDefinitions, isDunder, type Definition } from '../../syntax/definitions';

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
  docstring?: Node;
}

/** Methods pydocstyle checks as ordinary methods although their names are dunders. */
const VARIADIC_MAGIC_METHODS = new Set(['__init__', '__call__', '__new__']);

export const docstringTargets = memoizedPerTree((tree: Tree, text: string): DocstringTarget[] => {
  const exports = text.includes('__all__') ? pydocstyleDunderAll(tree.rootNode) : undefined;
  const byDefinition = new Map<Definition, DocstringTarget>();
  const targets: DocstringTarget[] = [];
  for (const definition of fileDefinitions(tree, text)) {
    const parent = definition.parent && byDefinition.get(definition.parent);
    const kind = targetKind(definition, parent);
    const target: DocstringTarget = {
      definition,
      kind,
      isPublic: isPublic(definition, kind, parent, exports),
      docstring: definition.body && docstringOf(definition.body),
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

export function isOverload(definition: Definition): boolean {
  return definition.decorators.includes('overload');
}

/**
 * `__all__` as pydocstyle reads it: only when the module's top level (outside
 * indented blocks) mentions `__all__` exactly once, in an assignment of a
 * list or tuple of plain strings (or one string in parentheses, a tuple to
 * pydocstyle's tokenizer). Anything else means "no `__all__`".
 */
function pydocstyleDunderAll(root: Node): Set<string> | undefined {
  const mentions: Node[] = [];
  for (const statement of root.namedChildren) {
    if (!statement || statement.type === 'comment' || !statement.text.includes('__all__')) continue;
    for (const identifier of statement.descendantsOfType('identifier')) {
      if (identifier?.text === '__all__' && !inIndentedBlock(identifier, statement)) mentions.push(identifier);
    }
  }
  if (mentions.length !== 1) return undefined;
  const assignment = mentions[0].parent;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.id !== mentions[0].id) return undefined;
  if (assignment.childForFieldName('type') || assignment.parent?.parent?.type !== 'module') return undefined;
  const value = assignment.childForFieldName('right');
  if (!value) return undefined;
  // pydocstyle reads the tokens between the brackets: `('a')` lists `a` as `('a',)` would.
  const surrounded = value.type === 'list' || value.type === 'tuple' || value.type === 'parenthesized_expression';
  // A bare `__all__ = 'a'` is not a sequence; `__all__ = 'a', 'b'` is.
  if (!surrounded && value.type !== 'expression_list') return undefined;
  const names = new Set<string>();
  for (const item of value.namedChildren) {
    if (!item || item.type === 'comment') continue;
    if (item.type !== 'string' || item.namedChildren.some((c) => c?.type === 'interpolation' || c?.type === 'escape_sequence')) return undefined;
    names.add(item.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join(''));
  }
  return names;
}

function inIndentedBlock(node: Node, statement: Node): boolean {
  for (let current = node.parent; current && current.id !== statement.id; current = current.parent) {
    if (current.type === 'block' && current.parent && current.startPosition.row > current.parent.startPosition.row) return true;
  }
  return false;
}
