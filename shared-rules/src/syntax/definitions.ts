import type { Node, Tree } from 'web-tree-sitter';
import { memoizedPerTree } from './memo';

/**
 * The functions and classes of a file in source order (parents before their
 * children). Annotation and docstring rules share one search per tree.
 */
export interface Definition {
  kind: 'function' | 'class';
  /** The `function_definition` or `class_definition`. */
  node: Node;
  /** The statement: the `decorated_definition` when decorated, else `node`. */
  statement: Node;
  name: string;
  nameNode: Node;
  /** Decorator expressions without call arguments or spaces: `property`, `x.setter`, `abc.abstractmethod`. */
  decorators: string[];
  /** The enclosing function or class; undefined at module level. */
  parent?: Definition;
  /** The body block (undefined only in broken code). */
  body?: Node;
}

/** The file's definitions, computed once per tree and text. */
export const fileDefinitions = memoizedPerTree((tree: Tree): Definition[] => {
  const definitions: Definition[] = [];
  // One native search; results come in document order, so a stack of open ranges gives each parent.
  const open: Array<{ definition: Definition; end: number }> = [];
  for (const node of tree.rootNode.descendantsOfType(['function_definition', 'class_definition'])) {
    if (!node) continue;
    while (open.length && open[open.length - 1].end <= node.startIndex) open.pop();
    const definition = makeDefinition(node, open[open.length - 1]?.definition);
    if (!definition) continue;
    definitions.push(definition);
    open.push({ definition, end: node.endIndex });
  }
  return definitions;
});

function makeDefinition(node: Node, parent: Definition | undefined): Definition | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const wrapper = node.parent;
  const statement = wrapper?.type === 'decorated_definition' ? wrapper : node;
  const body = node.childForFieldName('body');
  return {
    kind: node.type === 'function_definition' ? 'function' : 'class',
    node,
    statement,
    name: nameNode.text,
    nameNode,
    decorators: statement === node ? [] : decoratorNames(statement),
    parent,
    body: body?.type === 'block' ? body : undefined,
  };
}

/** The decorators of a `decorated_definition`, as `Definition.decorators` lists them. */
export function decoratorNames(decorated: Node): string[] {
  const names: string[] = [];
  for (const child of decorated.namedChildren) {
    if (child?.type !== 'decorator') continue;
    let expression = child.namedChildren.find((c) => c?.type !== 'comment') ?? null;
    if (expression?.type === 'call') expression = expression.childForFieldName('function');
    if (expression) names.push(expression.text.replace(/\s+/g, ''));
  }
  return names;
}

/** Whether a decorator list names `wanted` directly or through a module (`abc.abstractmethod`). */
export function hasDecorator(decorators: readonly string[], ...wanted: string[]): boolean {
  return decorators.some((name) => wanted.includes(name.slice(name.lastIndexOf('.') + 1)) &&
    (!name.includes('.') || /^(builtins|typing|typing_extensions|abc|functools)\./.test(name)));
}

export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__');
}

/** The statements of a block, without comments. */
export function statementsOf(block: Node): Node[] {
  return block.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** The first statement of a block or module (comments skipped), without listing them all. */
export function firstStatementOf(block: Node): Node | undefined {
  let node = block.firstNamedChild;
  while (node && node.type === 'comment') node = node.nextNamedSibling;
  return node ?? undefined;
}

/**
 * The docstring of a body or module: a first statement that is a string
 * literal alone. F-strings are not docstrings (Python leaves `__doc__` empty).
 */
export function docstringOf(bodyOrModule: Node): Node | undefined {
  const first = firstStatementOf(bodyOrModule);
  if (first?.type !== 'expression_statement') return undefined;
  const value = first.firstNamedChild;
  if (!value || (value.type !== 'string' && value.type !== 'concatenated_string')) return undefined;
  const parts = value.type === 'string' ? [value] : value.namedChildren;
  return parts.some((part) => /f/i.test(part?.child(0)?.text.replace(/["']/g, '') ?? '')) ? undefined : value;
}

const OPAQUE = ['function_definition', 'class_definition', 'lambda'];

/**
 * The nodes of the given types that belong to a function body itself, in
 * document order: nodes inside nested functions, classes and lambdas are left
 * out. One native search (cheap) instead of a walk across the WASM boundary.
 */
export function ownNodesOfTypes(body: Node, types: ReadonlySet<string>): Node[] {
  const found: Node[] = [];
  let opaqueEnd = -1;
  for (const node of body.descendantsOfType([...types, ...OPAQUE])) {
    if (!node || node.startIndex < opaqueEnd) continue;
    if (OPAQUE.includes(node.type)) opaqueEnd = node.endIndex;
    else found.push(node);
  }
  return found;
}

export interface Parameter {
  /** The parameter node (`identifier`, `typed_parameter`, `default_parameter`, …). */
  node: Node;
  nameNode: Node;
  kind: 'named' | 'varargs' | 'kwargs';
  annotated: boolean;
}

/** A function's parameters in order; separators (`*`, `/`) are left out. */
export function functionParameters(fn: Node): Parameter[] {
  const result: Parameter[] = [];
  for (const node of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!node) continue;
    const annotated = node.type === 'typed_parameter' || node.type === 'typed_default_parameter';
    const inner = node.type === 'typed_parameter' ? node.namedChild(0) : node;
    if (!inner) continue;
    if (inner.type === 'list_splat_pattern' || inner.type === 'dictionary_splat_pattern') {
      const nameNode = inner.namedChildren.find((c) => c?.type === 'identifier');
      if (nameNode) result.push({ node, nameNode, kind: inner.type === 'list_splat_pattern' ? 'varargs' : 'kwargs', annotated });
      continue;
    }
    const nameNode = inner.type === 'identifier' ? inner : node.childForFieldName('name');
    if (nameNode?.type === 'identifier') result.push({ node, nameNode, kind: 'named', annotated });
  }
  return result;
}

/** The nearest function or class definition around a node (lambdas and comprehensions do not count). */
export function enclosingDefinition(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition') return current;
  }
  return undefined;
}
