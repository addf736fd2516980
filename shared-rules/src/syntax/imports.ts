import { F, T } from './grammar';
import { NONE, type NodeId, type SyntaxTree } from './tree';

/** A name of a `from module import …` statement, with its alias. */
export interface ImportedName {
  name: string;
  alias?: string;
  node: NodeId;
}

/** The names a `from module import …` statement imports, in order (none for `*`). */
export function fromImportNames(tree: SyntaxTree, statement: NodeId): ImportedName[] {
  return tree.fields(statement, F.name).map((node) => {
    if (tree.type(node) === T.aliased_import) {
      const name = tree.field(node, F.name);
      const alias = tree.field(node, F.alias);
      return { name: name === NONE ? '' : tree.text(name), alias: alias === NONE ? undefined : tree.text(alias), node };
    }
    return { name: tree.text(node), node };
  });
}

/** A dotted name as Python reads it: its text without whitespace (`os . path` → `os.path`). */
export function dottedText(tree: SyntaxTree, node: NodeId): string {
  return node ? tree.text(node).replace(/\s+/g, '') : '';
}
