import { F, T } from '../../syntax/grammar';
import { decoratorsOf, type Decorator } from '../../syntax/definitions';
import { memoizedPerTree } from '../../syntax/memo';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';

/** `patch`, `mock.patch`, `unittest.mock.patch` and their `.object` and `.multiple` forms, by how they are written. */
const PATCH = /(^|\.)patch$/;
const PATCH_OBJECT = /(^|\.)patch\.object$/;
const PATCH_MULTIPLE = /(^|\.)patch\.multiple$/;
const ANY_PATCH = /(^|\.)patch(\.object|\.multiple|\.dict)?$/;

/**
 * What a stack of `mock.patch` decorators passes to the function: each
 * `patch(target)` and `patch.object(target, attribute)` appends a mock to
 * the positional arguments (not when given `new`), `patch.multiple(target,
 * name=DEFAULT)` passes the mock as keyword argument `name`.
 */
function patchArguments(tree: SyntaxTree, decorators: readonly Decorator[]): { positional: number; keywords: string[] } {
  let positional = 0;
  const keywords: string[] = [];
  for (const { name, args } of decorators) {
    if (args === NONE) continue;
    const items = tree.namedChildren(args).filter((item) => tree.type(item) !== T.comment);
    const keywordArguments = items.filter((item) => tree.type(item) === T.keyword_argument);
    const givesNew = keywordArguments.some((item) => tree.fieldText(item, F.name) === 'new');
    const positionalCount = items.length - keywordArguments.length;
    if (PATCH.test(name)) {
      if (!givesNew && positionalCount < 2) positional++;
    } else if (PATCH_OBJECT.test(name)) {
      if (!givesNew && positionalCount < 3) positional++;
    } else if (PATCH_MULTIPLE.test(name)) {
      for (const item of keywordArguments) {
        const keyword = tree.fieldText(item, F.name);
        if (keyword && /(^|\.)DEFAULT$/.test(tree.fieldText(item, F.value) ?? '')) keywords.push(keyword);
      }
    }
  }
  return { positional, keywords };
}

/**
 * The positional parameters of a function (those before `*`, `*args` or
 * `**kwargs`), how many of them have no default value, and its `*args`.
 */
function positionalParameters(tree: SyntaxTree, fn: NodeId): { names: string[]; required: number; varargs?: string } {
  const names: string[] = [];
  let required = 0;
  const parameters = tree.field(fn, F.parameters);
  for (const parameter of parameters === NONE ? [] : tree.namedChildren(parameters)) {
    const type = tree.type(parameter);
    const inner = type === T.typed_parameter ? tree.namedChild(parameter, 0) : parameter;
    if (inner !== NONE && tree.type(inner) === T.list_splat_pattern) return { names, required, varargs: tree.text(inner).slice(1).trim() };
    if (type === T.keyword_separator || (inner !== NONE && tree.type(inner) === T.dictionary_splat_pattern)) break;
    const name = inner !== NONE && tree.type(inner) === T.identifier ? inner : tree.field(parameter, F.name);
    if (name === NONE || tree.type(name) !== T.identifier) continue;
    names.push(tree.text(name));
    if (inner !== NONE && tree.type(inner) === T.identifier) required++;
  }
  return { names, required };
}

/**
 * For each function called in the file as `name(…)`, `self.name(…)` or
 * `cls.name(…)`: the fewest positional arguments a call passes (calls that
 * unpack `*args` are left out).
 */
const positionalArgumentsPassed = memoizedPerTree((tree: SyntaxTree): Map<string, number> => {
  const passed = new Map<string, number>();
  for (const call of tree.descendantsOfType(tree.root, T.call)) {
    const callee = tree.field(call, F.function);
    const args = tree.field(call, F.arguments);
    if (callee === NONE || args === NONE || tree.type(args) !== T.argument_list) continue;
    let name: NodeId = NONE;
    if (tree.type(callee) === T.identifier) name = callee;
    else if (tree.type(callee) === T.attribute && ['self', 'cls'].includes(tree.fieldText(callee, F.object) ?? '')) name = tree.field(callee, F.attribute);
    if (name === NONE) continue;
    const items = tree.namedChildren(args);
    if (items.some((item) => tree.type(item) === T.list_splat)) continue;
    const count = items.filter((item) => tree.type(item) !== T.keyword_argument && tree.type(item) !== T.dictionary_splat && tree.type(item) !== T.comment).length;
    const text = tree.text(name);
    passed.set(text, Math.min(count, passed.get(text) ?? count));
  }
  return passed;
});

const NONE_INJECTED: ReadonlySet<string> = new Set();

/**
 * The parameters decorators fill in, which the function must accept whether
 * it reads them or not: the mocks of `mock.patch` decorators on the function
 * and, for methods named `test…`, on its class (`patch` decorates a class's
 * test methods). Mocks follow the positional arguments of the call: those
 * the file's calls of the function pass; none for a test method only
 * patches decorate (the test runner passes none); else the mocks are taken
 * to be the last parameters without a default. Mocks beyond the positional
 * parameters go to `*args`.
 */
export function injectedParameters(tree: SyntaxTree, fn: NodeId, classNode: NodeId, hasReceiver: boolean): ReadonlySet<string> {
  const own = decoratorsOf(tree, tree.parent(fn));
  const classWrapper = classNode === NONE ? NONE : tree.parent(classNode);
  // Without a decorator on the function or its class, nothing is filled in: the name is not even read.
  if (!own.length && (classWrapper === NONE || tree.type(classWrapper) !== T.decorated_definition)) return NONE_INJECTED;
  const name = tree.fieldText(fn, F.name) ?? '';
  const decorators = classNode !== NONE && name.startsWith('test') ? [...own, ...decoratorsOf(tree, classWrapper)] : own;
  const { positional, keywords } = patchArguments(tree, decorators);
  if (!positional && !keywords.length) return NONE_INJECTED;
  const parameters = positionalParameters(tree, fn);
  const receivers = hasReceiver ? 1 : 0;
  const names = parameters.names.slice(receivers);
  const required = Math.max(0, parameters.required - receivers);
  const passed = positionalArgumentsPassed(tree).get(name);
  const onlyPatched = own.every((decorator) => ANY_PATCH.test(decorator.name));
  const start = passed ?? (name.startsWith('test') && onlyPatched ? 0 : Math.max(0, required - positional));
  const injected = [...names.slice(start, start + positional), ...keywords];
  if (parameters.varargs && start + positional > names.length) injected.push(parameters.varargs);
  return new Set(injected);
}
