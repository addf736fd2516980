import { hasDecorator, type Definition } from '../syntax/definitions';
import type { SyntaxTree } from '../syntax/tree';
import { moduleImportTargets } from './moduleImports';

const TYPING_MODULES = ['typing', 'typing_extensions'];

/**
 * Whether a decorator, as `Definition.decorators` lists it, is `typing.<member>` (or typing_extensions'):
 * the bare name or `typing.<member>` as `hasDecorator` reads them, and also through the module's imports,
 * `t.<member>` after `import typing as t` and `ov` after `from typing import overload as ov`.
 */
export function isTypingDecorator(tree: SyntaxTree, decorators: readonly string[], member: string): boolean {
  if (hasDecorator(decorators, member)) return true;
  const qualified = TYPING_MODULES.map((module) => `${module}.${member}`);
  return decorators.some((decorator) => {
    const dot = decorator.indexOf('.');
    const head = dot < 0 ? decorator : decorator.slice(0, dot);
    const rest = dot < 0 ? '' : decorator.slice(dot);
    return (moduleImportTargets(tree).get(head) ?? []).some((target) => qualified.includes(`${target}${rest}`));
  });
}

/** An `@overload` signature: a function whose body the implementation after it provides. */
export function isOverload(tree: SyntaxTree, definition: Definition): boolean {
  return definition.kind === 'function' && isTypingDecorator(tree, definition.decorators, 'overload');
}
