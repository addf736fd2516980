import type { Node } from 'web-tree-sitter';
import { decoratorNames, docstringOf, enclosingDefinition, hasDecorator, ownNodesOfTypes, statementsOf } from '../syntax/definitions';
import { unparenthesized } from '../syntax/expressions';

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

const DISPLAY_TYPES: Readonly<Record<string, string>> = {
  list: 'list', list_comprehension: 'list', dictionary: 'dict', dictionary_comprehension: 'dict',
  set: 'set', set_comprehension: 'set', tuple: 'tuple', expression_list: 'tuple',
};

const BOOL_CALLS = new Set(['isinstance', 'issubclass', 'callable', 'hasattr']);


function stringType(node: Node): string {
  const start = node.type === 'concatenated_string' ? node.namedChild(0) : node;
  const prefix = start?.child(0)?.text ?? '';
  return /b/i.test(prefix.replace(/["']/g, '')) ? 'bytes' : 'str';
}

/** The type of a scalar literal (`0`, `-1.5`, `'x'`, `b''`, `True`), as parameter defaults use it. */
export function literalType(expression: Node): string | undefined {
  const node = unparenthesized(expression);
  switch (node.type) {
    case 'true':
    case 'false':
      return 'bool';
    case 'integer':
      return /[jJ]$/.test(node.text) ? 'complex' : 'int';
    case 'float':
      return /[jJ]$/.test(node.text) ? 'complex' : 'float';
    case 'string':
    case 'concatenated_string':
      return stringType(node);
    case 'unary_operator': {
      const operand = node.childForFieldName('argument');
      const operator = node.child(0)?.type;
      if (!operand || (operator !== '-' && operator !== '+')) return undefined;
      const type = literalType(operand);
      return type === 'int' || type === 'float' || type === 'complex' ? type : undefined;
    }
    default:
      return undefined;
  }
}

/** The type of a returned expression, `None` for `None`, undefined when unknown. */
export function expressionType(expression: Node): string | undefined {
  const node = unparenthesized(expression);
  const literal = literalType(node);
  if (literal) return literal;
  if (node.type === 'none') return 'None';
  if (node.type === 'comparison_operator' || node.type === 'not_operator') return 'bool';
  const display = DISPLAY_TYPES[node.type];
  if (display) return display;
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'identifier') return undefined;
    if (BOOL_CALLS.has(callee.text)) return 'bool';
    if (callee.text === 'len') return 'int';
  }
  return undefined;
}

const RETURNS_AND_YIELDS = new Set(['return_statement', 'yield']);

type ExitKind = 'raise' | 'any';

/** Whether control never falls off the end of a block: with 'raise', only raising counts. */
function blockExits(block: Node | null, kind: ExitKind): boolean {
  if (!block) return false;
  return statementsOf(block).some((statement) => statementExits(statement, kind));
}

function statementExits(statement: Node, kind: ExitKind): boolean {
  switch (statement.type) {
    case 'raise_statement':
      return true;
    case 'return_statement':
      return kind === 'any';
    case 'if_statement': {
      const clauses = statement.namedChildren.filter((c): c is Node => c?.type === 'elif_clause' || c?.type === 'else_clause');
      if (!clauses.some((c) => c.type === 'else_clause')) return false;
      return blockExits(statement.childForFieldName('consequence'), kind) &&
        clauses.every((c) => blockExits(c.childForFieldName(c.type === 'else_clause' ? 'body' : 'consequence'), kind));
    }
    case 'try_statement': {
      const parts = statement.namedChildren.filter((c): c is Node => c !== null);
      const finallyClause = parts.find((c) => c.type === 'finally_clause');
      if (finallyClause && blockExits(finallyClause.namedChildren.find((c) => c?.type === 'block') ?? null, kind)) return true;
      const elseClause = parts.find((c) => c.type === 'else_clause');
      const bodyExits = blockExits(statement.childForFieldName('body'), kind) ||
        (elseClause !== undefined && blockExits(elseClause.childForFieldName('body'), kind));
      const handlers = parts.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
      return bodyExits && handlers.every((h) => blockExits(h.namedChildren.find((c) => c?.type === 'block') ?? null, kind));
    }
    case 'with_statement':
      return blockExits(statement.childForFieldName('body'), kind);
    case 'while_statement':
      // `while True:` without `break` never ends normally.
      return kind === 'any' && statement.childForFieldName('condition')?.type === 'true' &&
        !statement.childForFieldName('alternative') && !containsBreak(statement.childForFieldName('body'));
    default:
      return false;
  }
}

function containsBreak(block: Node | null): boolean {
  if (!block) return false;
  for (const breakNode of block.descendantsOfType('break_statement')) {
    // A `break` in an inner loop ends that loop only.
    let node = breakNode?.parent ?? null;
    while (node && node.id !== block.id && node.type !== 'for_statement' && node.type !== 'while_statement' &&
      node.type !== 'function_definition' && node.type !== 'class_definition') node = node.parent;
    if (node?.id === block.id) return true;
  }
  return false;
}

function isNotImplementedRaise(statement: Node): boolean {
  if (statement.type !== 'raise_statement') return false;
  let raised = statement.namedChild(0);
  if (raised?.type === 'call') raised = raised.childForFieldName('function');
  return raised?.text === 'NotImplementedError' || raised?.text === 'NotImplemented';
}

/** Bodies that only stand in for an implementation elsewhere: `...`, `pass`, a docstring, `raise NotImplementedError`. */
export function isStubBody(body: Node): boolean {
  const statements = statementsOf(body);
  const docstring = docstringOf(body);
  return statements.every((statement) => {
    if (docstring && statement.id === docstring.parent?.id) return true;
    if (statement.type === 'pass_statement') return true;
    if (statement.type === 'expression_statement') {
      const value = statement.namedChild(0);
      return value?.type === 'ellipsis' || value?.type === 'string' || value?.type === 'concatenated_string';
    }
    return false;
  });
}

/**
 * The return type of a function body, or undefined when it cannot be known:
 * generators, `NotImplementedError` stubs, returns of calls, names and the
 * like, or values of two different types.
 */
export function inferReturnType(body: Node): InferredReturn | undefined {
  if (statementsOf(body).some(isNotImplementedRaise)) return undefined;
  const found = ownNodesOfTypes(body, RETURNS_AND_YIELDS);
  if (found.some((node) => node.type === 'yield')) return undefined;
  const returns = found.filter((node) => node.type === 'return_statement');
  const types = new Set<string>();
  let returnsNone = false;
  for (const statement of returns) {
    const value = statement.namedChildren.find((c) => c?.type !== 'comment');
    const type = value ? expressionType(value) : 'None';
    if (!type) return undefined;
    if (type === 'None') returnsNone = true;
    else types.add(type);
  }
  if (types.size > 1) return undefined;
  if (types.size === 0) {
    if (!returns.length && blockExits(body, 'raise')) return { kind: 'noreturn' };
    return { kind: 'none' };
  }
  const [name] = types;
  const fallsOffEnd = !blockExits(body, 'any');
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
export function inferFunctionReturnType(fn: Node): InferredReturn | undefined {
  const body = fn.childForFieldName('body');
  const name = fn.childForFieldName('name')?.text ?? '';
  const wrapper = fn.parent;
  const decorators = wrapper?.type === 'decorated_definition' ? decoratorNames(wrapper) : [];
  const isInstanceMethod = enclosingDefinition(fn)?.type === 'class_definition' &&
    !hasDecorator(decorators, 'staticmethod', 'classmethod');
  if (isInstanceMethod) {
    const special = specialMethodReturnType(name);
    if (special === 'None') return { kind: 'none' };
    if (special) return { kind: 'type', name: special, optional: false };
  }
  if (!body || body.type !== 'block') return undefined;
  if (isStubBody(body) && hasDecorator(decorators, ...PLACEHOLDER_DECORATORS)) return undefined;
  return inferReturnType(body);
}
