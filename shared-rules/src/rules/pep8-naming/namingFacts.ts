import { enclosingDefinition, ownNodesOfTypes } from '../../syntax/definitions';
import type { ClassHierarchy } from '../../workspace/classHierarchy';
import { memoizedForLastNode } from '../../syntax/memo';
import { targetNameNodes } from '../../resolution/bindings';
import { F, T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

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

/** The camelCase methods of `unittest.TestCase` (Python 3.11, `IsolatedAsyncioTestCase`'s too), which test classes override or extend. */
const TEST_CASE_METHODS = new Set([
  'setUp', 'tearDown', 'setUpClass', 'tearDownClass', 'asyncSetUp', 'asyncTearDown', 'addCleanup',
  'addClassCleanup', 'doCleanups', 'doClassCleanups', 'shortDescription', 'countTestCases', 'defaultTestResult',
  'addTypeEqualityFunc', 'subTest', 'skipTest', 'enterContext', 'enterClassContext', 'enterAsyncContext',
  'addAsyncCleanup', 'assertAlmostEqual', 'assertAlmostEquals', 'assertCountEqual', 'assertDictContainsSubset',
  'assertDictEqual', 'assertEqual', 'assertEquals', 'assertFalse', 'assertGreater', 'assertGreaterEqual', 'assertIn',
  'assertIs', 'assertIsInstance', 'assertIsNone', 'assertIsNot', 'assertIsNotNone', 'assertLess', 'assertLessEqual',
  'assertListEqual', 'assertLogs', 'assertMultiLineEqual', 'assertNoLogs', 'assertNotAlmostEqual',
  'assertNotAlmostEquals', 'assertNotEqual', 'assertNotEquals', 'assertNotIn', 'assertNotIsInstance', 'assertNotRegex',
  'assertNotRegexpMatches', 'assertRaises', 'assertRaisesRegex', 'assertRaisesRegexp', 'assertRegex',
  'assertRegexpMatches', 'assertSequenceEqual', 'assertSetEqual', 'assertTrue', 'assertTupleEqual', 'assertWarns',
  'assertWarnsRegex', 'failIf', 'failIfAlmostEqual', 'failIfEqual', 'failUnless', 'failUnlessAlmostEqual',
  'failUnlessEqual', 'failUnlessRaises',
]);

/** Names of the classes that choose method names for their subclasses. */
const CHOOSING_BASES = ['NodeVisitor', 'NodeTransformer', 'TestCase'];

/** The last part of each base as written (`NodeVisitor` of `ast.NodeVisitor`). */
function baseNames(tree: SyntaxTree, classNode: NodeId): string[] {
  const superclasses = tree.field(classNode, F.superclasses);
  return (superclasses === NONE ? [] : tree.namedChildren(superclasses))
    .map((base) => tree.text(base).split('.').pop() ?? '');
}

/**
 * A method whose name is chosen by a class it extends, not by its author:
 * `visit_*` in a class deriving, directly or not, from `ast.NodeVisitor` or
 * `NodeTransformer`; a method of `unittest.TestCase` (`setUp`, `addCleanup`,
 * `assertEqual`) in a test case; a method a base class in the file or the
 * workspace defines; any method marked `@override`. A camelCase helper no
 * base class names (`assertJsonEqual` in a test case) is the author's name.
 */
export function isConventionalOverride(tree: SyntaxTree, functionNode: NodeId, hierarchy: ClassHierarchy): boolean {
  const nameNode = tree.field(functionNode, F.name);
  const name = nameNode === NONE ? '' : tree.text(nameNode);
  const parent = tree.parent(functionNode);
  if (parent !== NONE && tree.type(parent) === T.decorated_definition && tree.namedChildren(parent).some((child) =>
    tree.type(child) === T.decorator && /(^|\.)override$/.test(tree.text(child).slice(1).trim()))) return true;
  const classNode = enclosingDefinition(tree, functionNode);
  if (classNode === NONE || tree.type(classNode) !== T.class_definition) return false;
  const ancestry = hierarchy.ancestry(classNode, name, CHOOSING_BASES);
  const names = [...baseNames(tree, classNode), ...ancestry.names];
  if (name.startsWith('visit_') && names.some((base) => base === 'NodeVisitor' || base === 'NodeTransformer')) return true;
  if (TEST_CASE_METHODS.has(name) && names.some((base) => base.endsWith('TestCase'))) return true;
  return ancestry.defines;
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

export type Scope = { kind: 'module' } | { kind: 'class'; node: NodeId } | { kind: 'function'; node: NodeId };

/** The nearest enclosing function or class (lambdas and comprehensions do not count), else the module. */
export function scopeOf(tree: SyntaxTree, node: NodeId): Scope {
  const definition = enclosingDefinition(tree, node);
  if (definition === NONE) return { kind: 'module' };
  return { kind: tree.type(definition) === T.function_definition ? 'function' : 'class', node: definition };
}

function isNamedtupleCall(tree: SyntaxTree, value: NodeId): boolean {
  if (value === NONE || tree.type(value) !== T.call) return false;
  const callee = tree.field(value, F.function);
  if (callee === NONE) return false;
  const nameNode = tree.type(callee) === T.attribute ? tree.field(callee, F.attribute) : tree.type(callee) === T.identifier ? callee : NONE;
  return nameNode !== NONE && tree.text(nameNode) === 'namedtuple';
}

/** The binding targets of a node pep8-naming checks (assignments, walrus, `for`, `with … as`, `except … as`, comprehensions). */
export function bindingTargets(tree: SyntaxTree, node: NodeId): NodeId[] {
  switch (tree.type(node)) {
    case T.assignment: {
      let value = tree.field(node, F.right);
      while (value !== NONE && tree.type(value) === T.assignment) value = tree.field(value, F.right);
      if (isNamedtupleCall(tree, value)) return [];
      const left = tree.field(node, F.left);
      return left === NONE ? [] : [left];
    }
    case T.named_expression: {
      if (isNamedtupleCall(tree, tree.field(node, F.value))) return [];
      const name = tree.field(node, F.name);
      return name === NONE ? [] : [name];
    }
    case T.for_statement:
    case T.for_in_clause: {
      const left = tree.field(node, F.left);
      return left === NONE ? [] : [left];
    }
    case T.as_pattern: {
      const parent = tree.parent(node);
      if (parent === NONE || (tree.type(parent) !== T.with_item && tree.type(parent) !== T.except_clause)) return [];
      const targetNode = tree.namedChildren(node).find((c) => tree.type(c) === T.as_pattern_target);
      const target = targetNode === undefined ? NONE : tree.namedChild(targetNode, 0);
      return target === NONE ? [] : [target];
    }
    default:
      return [];
  }
}

export const BINDING_NODE_TYPES = ['assignment', 'named_expression', 'for_statement', 'for_in_clause', 'as_pattern'];

const GLOBALS = new Set<number>([T.global_statement]);

/** Names a function declares `global` (not counting nested functions and classes). */
export function globalNames(tree: SyntaxTree, fn: NodeId): Set<string> {
  const body = tree.field(fn, F.body);
  const names = new Set<string>();
  if (body === NONE) return names;
  for (const statement of ownNodesOfTypes(tree, body, GLOBALS)) {
    for (let name = tree.firstNamedChild(statement); name !== NONE; name = tree.nextNamedSibling(name)) {
      if (tree.type(name) === T.identifier) names.add(tree.text(name));
    }
  }
  return names;
}

/** The names a binding node binds (ignored names left out) and, once asked, its scope. */
interface BoundNames {
  names: { node: NodeId; text: string }[];
  scope?: Scope;
}

// Three rules ask about every binding, one after the other: it is read from the tree once.
const boundNamesOf = memoizedForLastNode((tree, node): BoundNames => {
  const names: BoundNames['names'] = [];
  for (const target of bindingTargets(tree, node)) {
    for (const name of targetNameNodes(tree, target)) {
      const text = tree.text(name);
      if (!isIgnoredName(text)) names.push({ node: name, text });
    }
  }
  return { names };
});

/** Reports every name bound in the wanted kind of scope for which `flagged` holds. */
export function checkBindings(
  tree: SyntaxTree,
  node: NodeId,
  scopeKind: Scope['kind'],
  flagged: (name: string, scope: Scope) => boolean,
  report: (nameNode: NodeId) => void,
): void {
  const bound = boundNamesOf(tree, node);
  if (!bound.names.length) return;
  const scope = (bound.scope ??= scopeOf(tree, node));
  if (scope.kind !== scopeKind) return;
  for (const name of bound.names) if (flagged(name.text, scope)) report(name.node);
}
