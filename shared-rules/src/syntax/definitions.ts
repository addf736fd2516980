import { F, T } from './grammar';
import { memoizedPerTree } from './memo';
import { NONE, type NodeId, type Segment, type SyntaxTree } from './tree';

/**
 * The functions and classes of a file in source order (parents before their
 * children). Annotation and docstring rules share one search per tree.
 */
export interface Definition {
  kind: 'function' | 'class';
  /** The `function_definition` or `class_definition`. */
  node: NodeId;
  /** The statement: the `decorated_definition` when decorated, else `node`. */
  statement: NodeId;
  name: string;
  nameNode: NodeId;
  /** Decorator expressions without call arguments or spaces: `property`, `x.setter`, `abc.abstractmethod`. */
  decorators: string[];
  /** The enclosing function or class; undefined at module level. */
  parent?: Definition;
  /** The body block (undefined only in broken code). */
  body?: NodeId;
}

const DEFINITION_TYPES = new Set<number>([T.function_definition, T.class_definition]);

/** The definitions a segment's own records hold (see `segmentDefinitions`). */
export interface SegmentDefinitions {
  /** The tree's compactions when they were found: a compaction renumbers their nodes. */
  compactions: number;
  /** In document order: those before the split body's statements (segments of their own), then those after. */
  definitions: Definition[];
  beforeBody: number;
  /** The definitions no other of the segment encloses: their parent is the definition around the segment. */
  outermost: Definition[];
  /** The definition whose body holds the segment's child segments; undefined for the one around the segment. */
  bodyOwner: Definition | undefined;
}

const bySegment = new WeakMap<Segment, SegmentDefinitions>();

/** The definitions of one segment, kept while the segment is and the tree is not compacted. */
export function segmentDefinitions(tree: SyntaxTree, segment: Segment): SegmentDefinitions {
  const known = bySegment.get(segment);
  if (known?.compactions === tree.compactions) return known;
  const found: SegmentDefinitions = { compactions: tree.compactions, definitions: [], beforeBody: -1, outermost: [], bodyOwner: undefined };
  const split = segment === tree.module ? segment.first : segment.splitAt >= 0 ? segment.first + segment.splitAt : -1;
  // Records come in document order, so a stack of open ranges gives each parent.
  const open: Array<{ definition: Definition; end: number }> = [];
  const closeBefore = (start: number): void => {
    while (open.length && open[open.length - 1].end <= start) open.pop();
  };
  for (let node = segment.first as NodeId, after = segment.first + segment.count; node < after; node++) {
    if (node === split) {
      closeBefore(tree.start(node));
      found.beforeBody = found.definitions.length;
      found.bodyOwner = open[open.length - 1]?.definition;
    }
    if (!DEFINITION_TYPES.has(tree.type(node))) continue;
    closeBefore(tree.start(node));
    const parent = open[open.length - 1]?.definition;
    const definition = makeDefinition(tree, node, parent);
    if (!definition) continue;
    found.definitions.push(definition);
    if (!parent) found.outermost.push(definition);
    open.push({ definition, end: tree.end(node) });
  }
  if (found.beforeBody < 0) found.beforeBody = found.definitions.length;
  bySegment.set(segment, found);
  return found;
}

/**
 * The file's definitions, computed once per version of the tree from those
 * of each segment, which are found again only in the segments an edit
 * replaced: a kept one's outermost definitions get the parent around them.
 */
export const fileDefinitions = memoizedPerTree((tree): Definition[] => {
  const definitions: Definition[] = [];
  // Classes nest in classes: the depth is bounded by the nesting limits.
  const collect = (segment: Segment, parent: Definition | undefined): void => {
    const own = segmentDefinitions(tree, segment);
    for (let i = 0; i < own.outermost.length; i++) own.outermost[i].parent = parent;
    for (let i = 0; i < own.beforeBody; i++) definitions.push(own.definitions[i]);
    const bodyOwner = own.bodyOwner ?? parent;
    for (let child = segment.firstChild; child; child = child.next) collect(child, bodyOwner);
    for (let i = own.beforeBody; i < own.definitions.length; i++) definitions.push(own.definitions[i]);
  };
  collect(tree.module, undefined);
  return definitions;
});

function makeDefinition(tree: SyntaxTree, node: NodeId, parent: Definition | undefined): Definition | undefined {
  const nameNode = tree.field(node, F.name);
  if (nameNode === NONE) return undefined;
  const wrapper = tree.parent(node);
  const statement = wrapper !== NONE && tree.type(wrapper) === T.decorated_definition ? wrapper : node;
  const body = tree.field(node, F.body);
  return {
    kind: tree.type(node) === T.function_definition ? 'function' : 'class',
    node,
    statement,
    name: tree.text(nameNode),
    nameNode,
    decorators: statement === node ? [] : decoratorNames(tree, statement),
    parent,
    body: body !== NONE && tree.type(body) === T.block ? body : undefined,
  };
}

/** A decorator: the callee of a call, or the expression, as written without spaces (`a.b` for `@a.b(...)`). */
export interface Decorator {
  name: string;
  /** The argument list of a decorator call, else NONE. */
  args: NodeId;
}

/** The decorators of a `decorated_definition` (none for anything else). */
export function decoratorsOf(tree: SyntaxTree, decorated: NodeId): Decorator[] {
  const decorators: Decorator[] = [];
  if (decorated === NONE || tree.type(decorated) !== T.decorated_definition) return decorators;
  for (let child = tree.firstNamedChild(decorated); child !== NONE; child = tree.nextNamedSibling(child)) {
    if (tree.type(child) !== T.decorator) continue;
    let expression = tree.firstNamedChild(child);
    while (expression !== NONE && tree.type(expression) === T.comment) expression = tree.nextNamedSibling(expression);
    if (expression === NONE) continue;
    const isCall = tree.type(expression) === T.call;
    const named = isCall ? tree.field(expression, F.function) : expression;
    if (named !== NONE) decorators.push({ name: tree.text(named).replace(/\s+/g, ''), args: isCall ? tree.field(expression, F.arguments) : NONE });
  }
  return decorators;
}

/** The decorators of a `decorated_definition`, as `Definition.decorators` lists them. */
export function decoratorNames(tree: SyntaxTree, decorated: NodeId): string[] {
  return decoratorsOf(tree, decorated).map((decorator) => decorator.name);
}

/** The decorators of a function or class definition (those of the `decorated_definition` around it). */
export function definitionDecorators(tree: SyntaxTree, definition: NodeId): string[] {
  return decoratorNames(tree, tree.parent(definition));
}

/** The name a parameter binds (`x`, `x: int`, `x=1`, `*args`, `**kwargs`); NONE for `*`, `/` and comments. */
export function parameterName(tree: SyntaxTree, parameter: NodeId): NodeId {
  switch (tree.type(parameter)) {
    case T.identifier:
      return parameter;
    case T.default_parameter:
    case T.typed_default_parameter:
      return tree.field(parameter, F.name);
    case T.typed_parameter:
    case T.list_splat_pattern:
    case T.dictionary_splat_pattern: {
      const inner = tree.namedChild(parameter, 0);
      return inner === NONE ? NONE : parameterName(tree, inner);
    }
    default:
      return NONE;
  }
}

/** The name a PEP 695 type parameter binds (`T`, `T: int`, `*Ts`, `**P`): its first identifier; NONE if it has none. */
export function typeParameterName(tree: SyntaxTree, parameter: NodeId): NodeId {
  for (let current = parameter; current; current = tree.following(current, parameter)) {
    if (tree.type(current) === T.identifier) return current;
  }
  return NONE;
}

/** Whether a parameter is `*args` or `**kwargs` (annotated or not). */
export function isSplatParameter(tree: SyntaxTree, parameter: NodeId): boolean {
  const inner = tree.type(parameter) === T.typed_parameter ? tree.namedChild(parameter, 0) : parameter;
  return inner !== NONE && (tree.type(inner) === T.list_splat_pattern || tree.type(inner) === T.dictionary_splat_pattern);
}

/** Whether a decorator list names `wanted` directly or through a module (`abc.abstractmethod`). */
export function hasDecorator(decorators: readonly string[], ...wanted: string[]): boolean {
  return decorators.some((name) => wanted.includes(name.slice(name.lastIndexOf('.') + 1)) &&
    (!name.includes('.') || /^(builtins|typing|typing_extensions|abc|functools)\./.test(name)));
}

export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__');
}

/** The first statement of a block or module (comments skipped), without listing them all. */
export function firstStatementOf(tree: SyntaxTree, block: NodeId): NodeId {
  let node = tree.firstNamedChild(block);
  while (node !== NONE && tree.type(node) === T.comment) node = tree.nextNamedSibling(node);
  return node;
}

/**
 * The docstring of a body or module: a first statement that is a string
 * literal alone. F-strings are not docstrings (Python leaves `__doc__` empty).
 */
export function docstringOf(tree: SyntaxTree, bodyOrModule: NodeId): NodeId {
  const first = firstStatementOf(tree, bodyOrModule);
  if (first === NONE || tree.type(first) !== T.expression_statement) return NONE;
  const value = tree.firstNamedChild(first);
  if (value === NONE || (tree.type(value) !== T.string && tree.type(value) !== T.concatenated_string)) return NONE;
  const parts = tree.type(value) === T.string ? [value] : tree.namedChildren(value);
  return parts.some((part) => {
    const start = tree.firstChild(part);
    return /f/i.test(start === NONE ? '' : tree.text(start).replace(/["']/g, ''));
  }) ? NONE : value;
}

const OPAQUE = new Set<number>([T.function_definition, T.class_definition, T.lambda]);

/**
 * The nodes of the given types that belong to a function body itself, in
 * document order: nodes inside nested functions, classes and lambdas are left
 * out.
 */
export function ownNodesOfTypes(tree: SyntaxTree, body: NodeId, types: ReadonlySet<number>): NodeId[] {
  const found: NodeId[] = [];
  // Nested definitions are passed over whole, without visiting their nodes.
  for (let node = body; node !== NONE;) {
    const type = tree.type(node);
    if (OPAQUE.has(type)) {
      node = tree.following(node, body, true);
      continue;
    }
    if (types.has(type)) found.push(node);
    node = tree.following(node, body);
  }
  return found;
}

export interface Parameter {
  /** The parameter node (`identifier`, `typed_parameter`, `default_parameter`, …). */
  node: NodeId;
  nameNode: NodeId;
  kind: 'named' | 'varargs' | 'kwargs';
  annotated: boolean;
}

/** A function's parameters in order; separators (`*`, `/`) are left out. */
export function functionParameters(tree: SyntaxTree, fn: NodeId): Parameter[] {
  const result: Parameter[] = [];
  const parameters = tree.field(fn, F.parameters);
  if (parameters === NONE) return result;
  for (let node = tree.firstNamedChild(parameters); node !== NONE; node = tree.nextNamedSibling(node)) {
    const type = tree.type(node);
    const annotated = type === T.typed_parameter || type === T.typed_default_parameter;
    const inner = type === T.typed_parameter ? tree.namedChild(node, 0) : node;
    if (inner === NONE) continue;
    const innerType = tree.type(inner);
    if (innerType === T.list_splat_pattern || innerType === T.dictionary_splat_pattern) {
      const nameNode = tree.childOfType(inner, T.identifier);
      if (nameNode !== NONE) result.push({ node, nameNode, kind: innerType === T.list_splat_pattern ? 'varargs' : 'kwargs', annotated });
      continue;
    }
    const nameNode = innerType === T.identifier ? inner : tree.field(node, F.name);
    if (nameNode !== NONE && tree.type(nameNode) === T.identifier) result.push({ node, nameNode, kind: 'named', annotated });
  }
  return result;
}

/** The nearest function or class definition around a node (lambdas and comprehensions do not count). */
export function enclosingDefinition(tree: SyntaxTree, node: NodeId): NodeId {
  for (let current = tree.parent(node); current !== NONE; current = tree.parent(current)) {
    const type = tree.type(current);
    if (type === T.function_definition || type === T.class_definition) return current;
  }
  return NONE;
}

const STUB_VALUES = new Set<number>([T.ellipsis, T.string, T.concatenated_string]);

/** `raise NotImplementedError`, `raise NotImplementedError(...)` or `raise NotImplemented`. */
export function isNotImplementedRaise(tree: SyntaxTree, statement: NodeId): boolean {
  if (tree.type(statement) !== T.raise_statement) return false;
  let raised = tree.namedChild(statement, 0);
  if (raised !== NONE && tree.type(raised) === T.call) raised = tree.field(raised, F.function);
  if (raised === NONE) return false;
  const text = tree.text(raised);
  return text === 'NotImplementedError' || text === 'NotImplemented';
}

/**
 * Bodies that only stand in for an implementation elsewhere: `...`, `pass`
 * and strings (a docstring); with `orRaise`, also `raise NotImplementedError`.
 */
export function isStubBody(tree: SyntaxTree, body: NodeId, orRaise: boolean): boolean {
  if (body === NONE) return true;
  for (let statement = tree.firstNamedChild(body); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
    const type = tree.type(statement);
    if (type === T.comment || type === T.pass_statement) continue;
    if (type === T.expression_statement) {
      const value = tree.namedChild(statement, 0);
      if (value !== NONE && STUB_VALUES.has(tree.type(value))) continue;
      return false;
    }
    if (!(orRaise && isNotImplementedRaise(tree, statement))) return false;
  }
  return true;
}
