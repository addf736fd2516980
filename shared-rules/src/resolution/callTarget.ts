import { F, T } from '../syntax/grammar';
import { memoizedPerNode } from '../syntax/memo';
import { NONE, type NodeId, type SyntaxTree } from '../syntax/tree';
import { statementBindings, type NameBinding } from './bindings';

/** `a.b.c` → ['a', 'b', 'c'] for names and attribute chains; undefined for anything else. */
export function dottedParts(tree: SyntaxTree, node: NodeId): string[] | undefined {
  const parts: string[] = [];
  let current = node;
  while (current !== NONE && tree.type(current) === T.attribute) {
    const attribute = tree.field(current, F.attribute);
    if (attribute === NONE) return undefined;
    parts.push(tree.text(attribute));
    current = tree.field(current, F.object);
  }
  if (current === NONE || tree.type(current) !== T.identifier) return undefined;
  parts.push(tree.text(current));
  return parts.reverse();
}

const SCOPE_TYPES = new Set<number>([T.function_definition, T.lambda]);
const WALRUS = new Set<number>([T.named_expression]);

/** A function's own bindings by name; `global`/`nonlocal` names map to 'outer'. */
type FunctionScope = Map<string, NameBinding[] | 'outer'>;

function addBinding(scope: FunctionScope, binding: NameBinding): void {
  const existing = scope.get(binding.name);
  if (existing === 'outer') return;
  if (existing) existing.push(binding);
  else scope.set(binding.name, [binding]);
}

/**
 * Parameters and every statement of the body (nested scopes excluded), read
 * once per tree: every call in a function asks about the same bindings.
 */
const functionScope = memoizedPerNode((tree, fn): FunctionScope => {
  const scope: FunctionScope = new Map();
  const parameters = tree.field(fn, F.parameters);
  for (const parameter of parameters === NONE ? [] : tree.namedChildren(parameters)) {
    const identifier = tree.type(parameter) === T.identifier ? parameter : tree.childOfType(parameter, T.identifier);
    if (identifier !== NONE) addBinding(scope, { name: tree.text(identifier), target: null });
  }
  const body = tree.field(fn, F.body);
  if (body !== NONE && tree.type(body) === T.block) {
    for (const statement of tree.namedChildren(body)) {
      const type = tree.type(statement);
      if (type === T.global_statement || type === T.nonlocal_statement) {
        for (const name of tree.namedChildren(statement)) scope.set(tree.text(name), 'outer');
        continue;
      }
      for (const binding of statementBindings(tree, statement)) addBinding(scope, binding);
      // Assignment expressions bind in the function too; most statements have none.
      if (tree.holdsType(statement, WALRUS)) {
        for (const walrus of tree.descendantsOfType(statement, T.named_expression)) {
          const name = tree.field(walrus, F.name);
          if (name !== NONE) addBinding(scope, { name: tree.text(name), target: null });
        }
      }
    }
  }
  return scope;
});

/**
 * Resolves a name used at `node` within the functions around it. Returns the
 * local bindings when a function binds the name (Python makes it local to
 * the whole function), or undefined when the name comes from the module
 * (or the builtins). Class bodies are skipped: methods do not see them.
 */
export function localBindings(tree: SyntaxTree, node: NodeId, name: string): NameBinding[] | undefined {
  for (let scope = tree.parent(node); scope !== NONE; scope = tree.parent(scope)) {
    if (!SCOPE_TYPES.has(tree.type(scope))) continue;
    const bindings = functionScope(tree, scope).get(name);
    if (bindings === 'outer') return undefined;
    if (bindings) return bindings;
  }
  return undefined;
}
