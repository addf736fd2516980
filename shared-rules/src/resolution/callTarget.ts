import type { Node } from 'web-tree-sitter';
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

const SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** Bindings of `name` in a function's own scope: parameters and every statement of its body, nested scopes excluded. */
function functionBindings(fn: Node, name: string): NameBinding[] | 'global' {
  const found: NameBinding[] = [];
  const parameters = fn.childForFieldName('parameters');
  for (const parameter of parameters?.namedChildren ?? []) {
    const identifier = parameter.type === 'identifier' ? parameter : parameter.namedChildren.find((c) => c.type === 'identifier');
    if (identifier?.text === name) found.push({ name, target: null });
  }
  const body = fn.childForFieldName('body');
  let global = false;
  const visit = (node: Node): void => {
    for (const statement of node.namedChildren) {
      if ((statement.type === 'global_statement' || statement.type === 'nonlocal_statement') &&
        statement.namedChildren.some((c) => c.text === name)) global = true;
      for (const binding of statementBindings(statement)) if (binding.name === name) found.push(binding);
      // Bindings inside nested blocks of compound statements are found by statementBindings; walrus targets:
      for (const walrus of statement.type === 'expression_statement' ? statement.descendantsOfType('named_expression') : []) {
        if (walrus?.childForFieldName('name')?.text === name) found.push({ name, target: null });
      }
    }
  };
  if (body?.type === 'block') visit(body);
  return global ? 'global' : found;
}

/**
 * Resolves a name used at `node` within the functions around it. Returns the
 * local bindings when a function binds the name (Python makes it local to
 * the whole function), or undefined when the name comes from the module
 * (or the builtins).
 */
export function localBindings(node: Node, name: string): NameBinding[] | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (!SCOPE_TYPES.has(scope.type) || scope.type === 'class_definition') continue;
    const bindings = functionBindings(scope, name);
    if (bindings === 'global') return undefined;
    if (bindings.length) return bindings;
  }
  return undefined;
}
