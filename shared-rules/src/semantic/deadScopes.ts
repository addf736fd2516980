import type { SemanticMessage } from './messages';
import { isImport, type Scope } from './scope';

/**
 * What is known only once a scope is closed: unused imports, imports
 * redefined before use, and names `__all__` lists but the module never defines.
 */
export function reportDeadScopes(scopes: readonly Scope[], isPackageInit: boolean, messages: SemanticMessage[]): void {
  for (const scope of scopes) {
    // Imports in a class body are attributes of the class; most scopes have none.
    if (scope.kind === 'class' || !scope.bindsImportsOrExports) continue;
    const all = scope.bindings.get('__all__');
    const exportNames = all?.kind === 'export' ? all.exportNames : undefined;
    // Most scopes export nothing: no set and no list is made for them.
    const exported = exportNames?.length ? new Set(exportNames) : undefined;
    const undefinedExports = exportNames?.length ? exportNames.filter((name) => !scope.bindings.has(name)) : [];
    if (undefinedExports.length && all?.source) {
      if (!scope.importStarred && !isPackageInit) {
        for (const name of undefinedExports) messages.push({ kind: 'undefined-export', node: all.source, name });
      }
      if (scope.importStarred) {
        const fromList: string[] = [];
        for (const binding of scope.starImports()) {
          binding.used = { scope, node: all.source };
          fromList.push(binding.fullName ?? '');
        }
        const list = fromList.sort().join(', ');
        for (const name of undefinedExports) messages.push({ kind: 'import-star-usage', node: all.source, name, fromList: list });
      }
    }
    for (const binding of scope.bindings.values()) {
      if (!isImport(binding)) continue;
      const used = !!binding.used || !!exported?.has(binding.name);
      if (!used) messages.push({ kind: 'unused-import', binding, name: binding.name });
      for (const node of binding.redefined) {
        if (used) continue;
        messages.push({ kind: 'redefined-while-unused', node, name: binding.name, original: binding });
      }
    }
  }
}
