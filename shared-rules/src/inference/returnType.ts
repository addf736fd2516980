import { decoratorNames, enclosingDefinition, hasDecorator, isNotImplementedRaise, isStubBody, ownNodesOfTypes } from '../syntax/definitions';
import { blockStatements } from '../syntax/statements';
import { unparenthesized } from '../syntax/expressions';
import { F, K, T } from '../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';

/**
 * Return and parameter types inferred without guessing, for the "add
 * annotation" fixes and the return-type inlay hint. Only facts visible in the
 * function itself count: literals, displays, comparisons, `not`,
 * `isinstance`/`issubclass`, `len()` and f-strings. Anything else (a call, a
 * name, arithmetic, two different types) means no inference at all.
 */
export type InferredReturn =
  | { kind: 'none' }
  | { kind: 'noreturn' }
  | { kind: 'type'; name: string; optional: boolean };

/** Return types fixed by the data model, whatever the body does. */
const SPECIAL_METHOD_RETURN_TYPES: Readonly<Record<string, string>> = {
  __init__: 'None', __del__: 'None', __setattr__: 'None', __delattr__: 'None', __setitem__: 'None',
  __delitem__: 'None', __set__: 'None', __delete__: 'None', __set_name__: 'None', __init_subclass__: 'None',
  __str__: 'str', __repr__: 'str', __format__: 'str',
  __bytes__: 'bytes',
  __len__: 'int', __length_hint__: 'int', __hash__: 'int', __int__: 'int', __index__: 'int', __sizeof__: 'int',
  __float__: 'float',
  __complex__: 'complex',
  __bool__: 'bool', __contains__: 'bool', __instancecheck__: 'bool', __subclasscheck__: 'bool',
};

export function specialMethodReturnType(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(SPECIAL_METHOD_RETURN_TYPES, name) ? SPECIAL_METHOD_RETURN_TYPES[name] : undefined;
}

const DISPLAY_TYPES: ReadonlyMap<number, string> = new Map<number, string>([
  [T.list, 'list'], [T.list_comprehension, 'list'], [T.dictionary, 'dict'], [T.dictionary_comprehension, 'dict'],
  [T.set, 'set'], [T.set_comprehension, 'set'], [T.tuple, 'tuple'], [T.expression_list, 'tuple'],
]);

const BOOL_CALLS = new Set(['isinstance', 'issubclass', 'callable', 'hasattr']);

function stringType(tree: SyntaxTree, node: NodeId): string {
  const start = tree.type(node) === T.concatenated_string ? tree.namedChild(node, 0) : node;
  const first = start === NONE ? NONE : tree.firstChild(start);
  const prefix = first === NONE ? '' : tree.text(first);
  return /b/i.test(prefix.replace(/["']/g, '')) ? 'bytes' : 'str';
}

/** The type of a scalar literal (`0`, `-1.5`, `'x'`, `b''`, `True`), as parameter defaults use it. */
export function literalType(tree: SyntaxTree, expression: NodeId): string | undefined {
  const node = unparenthesized(tree, expression);
  switch (tree.type(node)) {
    case T.true:
    case T.false:
      return 'bool';
    case T.integer:
      return /[jJ]$/.test(tree.text(node)) ? 'complex' : 'int';
    case T.float:
      return /[jJ]$/.test(tree.text(node)) ? 'complex' : 'float';
    case T.string:
    case T.concatenated_string:
      return stringType(tree, node);
    case T.unary_operator: {
      const operand = tree.field(node, F.argument);
      const first = tree.firstChild(node);
      const operator = first === NONE ? undefined : tree.type(first);
      if (operand === NONE || (operator !== K['-'] && operator !== K['+'])) return undefined;
      const type = literalType(tree, operand);
      return type === 'int' || type === 'float' || type === 'complex' ? type : undefined;
    }
    default:
      return undefined;
  }
}

/** The type of a returned expression, `None` for `None`, undefined when unknown. */
export function expressionType(tree: SyntaxTree, expression: NodeId): string | undefined {
  const node = unparenthesized(tree, expression);
  const literal = literalType(tree, node);
  if (literal) return literal;
  const type = tree.type(node);
  if (type === T.none) return 'None';
  if (type === T.comparison_operator || type === T.not_operator) return 'bool';
  const display = DISPLAY_TYPES.get(type);
  if (display) return display;
  if (type === T.call) {
    const callee = tree.field(node, F.function);
    if (callee === NONE || tree.type(callee) !== T.identifier) return undefined;
    const name = tree.text(callee);
    if (BOOL_CALLS.has(name)) return 'bool';
    if (name === 'len') return 'int';
  }
  return undefined;
}

// The `yield` keyword too: in broken code it can stand outside a `yield` expression.
const RETURNS_AND_YIELDS = new Set<number>([T.return_statement, T.yield, K.yield]);

type ExitKind = 'raise' | 'any';

/** Whether control never falls off the end of a block: with 'raise', only raising counts. */
function blockExits(tree: SyntaxTree, block: NodeId, kind: ExitKind): boolean {
  if (block === NONE) return false;
  return blockStatements(tree, block).some((statement) => statementExits(tree, statement, kind));
}

function statementExits(tree: SyntaxTree, statement: NodeId, kind: ExitKind): boolean {
  switch (tree.type(statement)) {
    case T.raise_statement:
      return true;
    case T.return_statement:
      return kind === 'any';
    case T.if_statement: {
      const clauses = tree.namedChildren(statement).filter((c) => tree.type(c) === T.elif_clause || tree.type(c) === T.else_clause);
      if (!clauses.some((c) => tree.type(c) === T.else_clause)) return false;
      return blockExits(tree, tree.field(statement, F.consequence), kind) &&
        clauses.every((c) => blockExits(tree, tree.field(c, tree.type(c) === T.else_clause ? F.body : F.consequence), kind));
    }
    case T.try_statement: {
      const parts = tree.namedChildren(statement);
      const finallyClause = parts.find((c) => tree.type(c) === T.finally_clause);
      if (finallyClause !== undefined && blockExits(tree, tree.childOfType(finallyClause, T.block), kind)) return true;
      const elseClause = parts.find((c) => tree.type(c) === T.else_clause);
      const bodyExits = blockExits(tree, tree.field(statement, F.body), kind) ||
        (elseClause !== undefined && blockExits(tree, tree.field(elseClause, F.body), kind));
      const handlers = parts.filter((c) => tree.type(c) === T.except_clause);
      return bodyExits && handlers.every((h) => blockExits(tree, tree.childOfType(h, T.block), kind));
    }
    case T.with_statement:
      return blockExits(tree, tree.field(statement, F.body), kind);
    case T.while_statement: {
      // `while True:` without `break` never ends normally.
      const condition = tree.field(statement, F.condition);
      return kind === 'any' && condition !== NONE && tree.type(condition) === T.true &&
        tree.field(statement, F.alternative) === NONE && !containsBreak(tree, tree.field(statement, F.body));
    }
    default:
      return false;
  }
}

const LOOP_BOUNDARIES = new Set<number>([T.for_statement, T.while_statement, T.function_definition, T.class_definition]);

function containsBreak(tree: SyntaxTree, block: NodeId): boolean {
  if (block === NONE) return false;
  for (const breakNode of tree.descendantsOfType(block, T.break_statement)) {
    // A `break` in an inner loop ends that loop only.
    let node = tree.parent(breakNode);
    while (node !== NONE && node !== block && !LOOP_BOUNDARIES.has(tree.type(node))) node = tree.parent(node);
    if (node === block) return true;
  }
  return false;
}

/**
 * The return type of a function body, or undefined when it cannot be known:
 * generators, `NotImplementedError` stubs, returns of calls, names and the
 * like, or values of two different types.
 */
export function inferReturnType(tree: SyntaxTree, body: NodeId): InferredReturn | undefined {
  if (blockStatements(tree, body).some((statement) => isNotImplementedRaise(tree, statement))) return undefined;
  const found = ownNodesOfTypes(tree, body, RETURNS_AND_YIELDS);
  if (found.some((node) => tree.type(node) === T.yield || tree.type(node) === K.yield)) return undefined;
  const returns = found.filter((node) => tree.type(node) === T.return_statement);
  const types = new Set<string>();
  let returnsNone = false;
  for (const statement of returns) {
    let value = tree.firstNamedChild(statement);
    while (value !== NONE && tree.type(value) === T.comment) value = tree.nextNamedSibling(value);
    const type = value !== NONE ? expressionType(tree, value) : 'None';
    if (!type) return undefined;
    if (type === 'None') returnsNone = true;
    else types.add(type);
  }
  if (types.size > 1) return undefined;
  if (types.size === 0) {
    if (!returns.length && blockExits(tree, body, 'raise')) return { kind: 'noreturn' };
    return { kind: 'none' };
  }
  const [name] = types;
  const fallsOffEnd = !blockExits(tree, body, 'any');
  return { kind: 'type', name, optional: returnsNone || fallsOffEnd };
}

export interface RenderedType {
  text: string;
  /** Names the annotation needs from `typing`. */
  typingNames: string[];
}

/**
 * The annotation text: `T | None` from Python 3.10 on, `Optional[T]` before;
 * `typingReference` says how the file spells a `typing` name (`Optional` or `typing.Optional`).
 */
export function renderReturnType(
  inferred: InferredReturn,
  targetVersion: readonly [number, number],
  typingReference: (name: string) => string = (name) => name,
): RenderedType {
  if (inferred.kind === 'none') return { text: 'None', typingNames: [] };
  if (inferred.kind === 'noreturn') return { text: typingReference('NoReturn'), typingNames: ['NoReturn'] };
  if (!inferred.optional) return { text: inferred.name, typingNames: [] };
  if (targetVersion[0] > 3 || (targetVersion[0] === 3 && targetVersion[1] >= 10)) {
    return { text: `${inferred.name} | None`, typingNames: [] };
  }
  return { text: `${typingReference('Optional')}[${inferred.name}]`, typingNames: ['Optional'] };
}

const PLACEHOLDER_DECORATORS = ['abstractmethod', 'abstractproperty', 'abstractclassmethod', 'abstractstaticmethod', 'overload'];

/**
 * The return type of a `function_definition`, as the "add annotation" fix and
 * the inlay hint offer it: the data model's type for special methods, nothing
 * for abstract or overload placeholders, else what the body shows.
 */
export function inferFunctionReturnType(tree: SyntaxTree, fn: NodeId): InferredReturn | undefined {
  const body = tree.field(fn, F.body);
  const nameNode = tree.field(fn, F.name);
  const name = nameNode === NONE ? '' : tree.text(nameNode);
  const wrapper = tree.parent(fn);
  const decorators = wrapper !== NONE && tree.type(wrapper) === T.decorated_definition ? decoratorNames(tree, wrapper) : [];
  const enclosing = enclosingDefinition(tree, fn);
  const isInstanceMethod = enclosing !== NONE && tree.type(enclosing) === T.class_definition &&
    !hasDecorator(decorators, 'staticmethod', 'classmethod');
  if (isInstanceMethod) {
    const special = specialMethodReturnType(name);
    if (special === 'None') return { kind: 'none' };
    if (special) return { kind: 'type', name: special, optional: false };
  }
  if (body === NONE || tree.type(body) !== T.block) return undefined;
  if (isStubBody(tree, body, false) && hasDecorator(decorators, ...PLACEHOLDER_DECORATORS)) return undefined;
  return inferReturnType(tree, body);
}
