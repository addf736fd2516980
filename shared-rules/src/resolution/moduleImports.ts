import { memoizedPerTree } from '../syntax/memo';
import { NONE, type SyntaxTree } from '../syntax/tree';
import { statementBindings } from './bindings';

/**
 * What the module's top-level imports (also under `if`, `try`, …) bind
 * names to, in order: `t` → `typing` after `import typing as t`, `Base` →
 * `..base.Base` after `from ..base import Base`. Read once per tree.
 */
export const moduleImportTargets = memoizedPerTree((tree: SyntaxTree): Map<string, string[]> => {
  const targets = new Map<string, string[]>();
  for (let statement = tree.firstNamedChild(tree.root); statement !== NONE; statement = tree.nextNamedSibling(statement)) {
    for (const { name, target } of statementBindings(tree, statement)) {
      if (target !== null) targets.set(name, [...(targets.get(name) ?? []), target]);
    }
  }
  return targets;
});
