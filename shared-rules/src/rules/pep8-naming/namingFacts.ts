import type { Node } from 'web-tree-sitter';
import { enclosingDefinition, ownNodesOfTypes } from '../../syntax/definitions';
import { memoizedPerNode } from '../../syntax/memo';
import { targetNameNodes } from '../../resolution/bindings';

/**
 * What pep8-naming (0.10) looks at: the names a statement binds, the scope
 * they are bound in, its default ignore list and its case predicates.
 */

/** pep8-naming's default `--ignore-names` (fnmatch patterns; these have no wildcards). */
const IGNORED_NAMES = new Set([
  'setUp', 'tearDown', 'setUpClass', 'tearDownClass', 'setUpTestData', 'failureException', 'longMessage', 'maxDiff',
]);

export function isIgnoredName(name: string): boolean {
  return IGNORED_NAMES.has(name);
}

/** camelCase methods of `unittest.TestCase` that test classes override or extend. */
const TEST_CASE_METHODS = new Set([
  'setUp', 'tearDown', 'setUpClass', 'tearDownClass', 'asyncSetUp', 'asyncTearDown', 'addCleanup',
  'addClassCleanup', 'doCleanups', 'doClassCleanups', 'shortDescription', 'countTestCases', 'defaultTestResult',
  'addTypeEqualityFunc', 'subTest', 'skipTest', 'enterContext', 'enterClassContext',
]);

function baseNames(classNode: Node): string[] {
  return (classNode.childForFieldName('superclasses')?.namedChildren ?? [])
    .map((base) => base.text.split('.').pop() ?? '');
}

/**
 * A method whose name is chosen by the class it extends, not by its author:
 * `visit_*` in an `ast.NodeVisitor`/`NodeTransformer` subclass, a
 * `unittest.TestCase` method (`setUp`, `addCleanup`, `assert…`) in a test case,
 * or any method marked `@override`.
 */
export function isConventionalOverride(functionNode: Node): boolean {
  const name = functionNode.childForFieldName('name')?.text ?? '';
  const decorated = functionNode.parent?.type === 'decorated_definition' ? functionNode.parent : undefined;
  if (decorated?.namedChildren.some((child) => child.type === 'decorator' && /(^|\.)override$/.test(child.text.slice(1).trim()))) return true;
  const classNode = enclosingDefinition(functionNode);
  if (classNode?.type !== 'class_definition') return false;
  const bases = baseNames(classNode);
  if (name.startsWith('visit_') && bases.some((base) => base === 'NodeVisitor' || base === 'NodeTransformer')) return true;
  return (TEST_CASE_METHODS.has(name) || /^assert[A-Z]/.test(name)) && bases.some((base) => base.endsWith('TestCase'));
}

/** Python's `str.lower() != str`: the name has an uppercase letter. */
export function hasUppercase(name: string): boolean {
  return name.toLowerCase() !== name;
}

function isUpperLetter(character: string): boolean {
  return character !== '' && character.toUpperCase() === character && character.toLowerCase() !== character;
}

function isLowerLetter(character: string): boolean {
  return character !== '' && character.toLowerCase() === character && character.toUpperCase() !== character;
}

export function isCapWords(name: string): boolean {
  const stripped = name.replace(/^_+|_+$/g, '');
  return isUpperLetter(stripped.slice(0, 1)) && !stripped.includes('_');
}

/** mixedCase: an uppercase letter somewhere, the first letter after leading underscores lowercase. */
export function isMixedCase(name: string): boolean {
  return hasUppercase(name) && isLowerLetter(name.replace(/^_+/, '').slice(0, 1));
}

export type Scope = { kind: 'module' } | { kind: 'class'; node: Node } | { kind: 'function'; node: Node };

/** The nearest enclosing function or class (lambdas and comprehensions do not count), else the module. */
export function scopeOf(node: Node): Scope {
  const definition = enclosingDefinition(node);
  if (!definition) return { kind: 'module' };
  return { kind: definition.type === 'function_definition' ? 'function' : 'class', node: definition };
}

function isNamedtupleCall(value: Node | null): boolean {
  if (value?.type !== 'call') return false;
  const callee = value.childForFieldName('function');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.type === 'identifier' ? callee.text : undefined;
  return name === 'namedtuple';
}

/** The binding targets of a node pep8-naming checks (assignments, walrus, `for`, `with … as`, `except … as`, comprehensions). */
export function bindingTargets(node: Node): Node[] {
  switch (node.type) {
    case 'assignment': {
      let value = node.childForFieldName('right');
      while (value?.type === 'assignment') value = value.childForFieldName('right');
      if (isNamedtupleCall(value)) return [];
      const left = node.childForFieldName('left');
      return left ? [left] : [];
    }
    case 'named_expression': {
      if (isNamedtupleCall(node.childForFieldName('value'))) return [];
      const name = node.childForFieldName('name');
      return name ? [name] : [];
    }
    case 'for_statement':
    case 'for_in_clause': {
      const left = node.childForFieldName('left');
      return left ? [left] : [];
    }
    case 'as_pattern': {
      if (node.parent?.type !== 'with_item' && node.parent?.type !== 'except_clause') return [];
      const target = node.namedChildren.find((c) => c?.type === 'as_pattern_target')?.namedChild(0);
      return target ? [target] : [];
    }
    default:
      return [];
  }
}

export const BINDING_NODE_TYPES = ['assignment', 'named_expression', 'for_statement', 'for_in_clause', 'as_pattern'];

const GLOBALS = new Set(['global_statement']);

/** Names a function declares `global` (not counting nested functions and classes). */
export function globalNames(fn: Node): Set<string> {
  const body = fn.childForFieldName('body');
  const names = new Set<string>();
  if (!body) return names;
  for (const statement of ownNodesOfTypes(body, GLOBALS)) {
    for (const name of statement.namedChildren) if (name?.type === 'identifier') names.add(name.text);
  }
  return names;
}

/** The names a binding node binds (ignored names left out) and, once asked, its scope. */
interface BoundNames {
  names: { node: Node; text: string }[];
  scope?: Scope;
}

// Three rules ask about every binding: it is read from the tree once.
const boundNamesOf = memoizedPerNode((node: Node): BoundNames => ({
  names: bindingTargets(node)
    .flatMap((target) => targetNameNodes(target))
    .map((name) => ({ node: name, text: name.text }))
    .filter((name) => !isIgnoredName(name.text)),
}));

/** Reports every name bound in the wanted kind of scope for which `flagged` holds. */
export function checkBindings(
  node: Node,
  scopeKind: Scope['kind'],
  flagged: (name: string, scope: Scope) => boolean,
  report: (nameNode: Node) => void,
): void {
  const bound = boundNamesOf(node);
  if (!bound.names.length) return;
  const scope = (bound.scope ??= scopeOf(node));
  if (scope.kind !== scopeKind) return;
  for (const name of bound.names) if (flagged(name.text, scope)) report(name.node);
}
