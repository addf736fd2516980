import { F, T } from '../../syntax/grammar';
import { dottedText } from '../../syntax/imports';
import type { NodeId as Node, SyntaxTree } from '../../syntax/tree';
import type { BindingRecorder } from './bindingRecorder';
import type { ReadingState } from './readingState';

/** `import` and `from … import` statements: the bindings they add, `__future__` and star imports. */
export class ImportVisitor {
  constructor(
    private readonly tree: SyntaxTree,
    private readonly recorder: BindingRecorder,
    private readonly reading: ReadingState,
  ) {}

  visitImport(node: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    for (const item of tree.fields(node, F.name)) {
      if (tree.type(item) === T.aliased_import) {
        const fullName = dottedText(tree, tree.field(item, F.name));
        const alias = tree.fieldText(item, F.alias) ?? fullName;
        recorder.addBinding(node, recorder.binding(alias, 'import', node, { nameNode: item, fullName }));
      } else {
        const fullName = dottedText(tree, item);
        if (fullName.includes('.')) {
          const root = fullName.slice(0, fullName.indexOf('.'));
          recorder.addBinding(node, recorder.binding(root, 'submodule-import', node, { nameNode: item, fullName }));
        } else {
          recorder.addBinding(node, recorder.binding(fullName, 'import', node, { nameNode: item, fullName }));
        }
      }
    }
  }

  visitImportFrom(node: Node): void {
    const tree = this.tree;
    const recorder = this.recorder;
    const isFuture = tree.type(node) === T.future_import_statement;
    const module = isFuture ? '__future__' : dottedText(tree, tree.field(node, F.module_name));
    if (!isFuture && tree.childOfType(node, T.wildcard_import)) {
      if (recorder.scope.kind !== 'module') return;
      recorder.scope.importStarred = true;
      recorder.messages.push({ kind: 'import-star-used', node, module });
      recorder.addBinding(node, recorder.binding(`${module}.*`, 'star-import', node, { fullName: module }));
      return;
    }
    for (const item of tree.fields(node, F.name)) {
      const aliased = tree.type(item) === T.aliased_import;
      const realName = dottedText(tree, aliased ? tree.field(item, F.name) : item);
      const name = aliased ? (tree.fieldText(item, F.alias) ?? realName) : realName;
      const fullName = module.endsWith('.') ? module + realName : `${module}.${realName}`;
      if (isFuture) {
        if (realName === 'annotations' && recorder.scope.kind === 'module') this.reading.futureAnnotations = true;
        const binding = recorder.binding(name, 'future-import', node, { nameNode: item, fullName, module, realName });
        binding.used = { scope: recorder.scope, node };
        recorder.addBinding(node, binding);
      } else {
        recorder.addBinding(node, recorder.binding(name, 'from-import', node, { nameNode: item, fullName, module, realName }));
      }
    }
  }
}
