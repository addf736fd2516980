import type { Node } from 'web-tree-sitter';
import { memoizedPerNode } from '../syntax/memo';
import { statementBindings, type NameBinding } from './bindings';

/** `a.b.c` → ['a', 'b', 'c'] for names and attribute chains; undefined for anything else. */
export function dottedParts(node: Node | null): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return [node.text];
  if (node.type !== 'attribute') return undefined;
  const head = dottedParts(node.childForFieldName('object'));
  const attribute = node.childForFieldName('attribute')?.text;
  return head && attribute ? [...head, attribute] : undefined;
}

const SCOPE_TYPES = new Set(['function_definition', 'lambda']);

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
const functionScope = memoizedPerNode((fn: Node): FunctionScope => {
  const scope: FunctionScope = new Map();
  for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const identifier = parameter.type === 'identifier' ? parameter : parameter.namedChildren.find((c) => c.type === 'identifier');
    if (identifier) addBinding(scope, { name: identifier.text, target: null });
  }
  const body = fn.childForFieldName('body');
  if (body?.type === 'block') {
    for (const statement of body.namedChildren) {
      if (statement.type === 'global_statement' || statement.type === 'nonlocal_statement') {
        for (const name of statement.namedChildren) scope.set(name.text, 'outer');
        continue;
      }
      for (const binding of statementBindings(statement)) addBinding(scope, binding);
      // Assignment expressions bind in the function too; most statements have none.
      if (statement.text.includes(':=')) {
        for (const walrus of statement.descendantsOfType('named_expression')) {
          const name = walrus?.childForFieldName('name');
          if (name) addBinding(scope, { name: name.text, target: null });
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
export function localBindings(node: Node, name: string): NameBinding[] | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (!SCOPE_TYPES.has(scope.type)) continue;
    const bindings = functionScope(scope).get(name);
    if (bindings === 'outer') return undefined;
    if (bindings) return bindings;
  }
  return undefined;
}
