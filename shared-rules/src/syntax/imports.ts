import type { Node } from 'web-tree-sitter';

/** A name of a `from module import …` statement, with its alias. */
export interface ImportedName {
  name: string;
  alias?: string;
  node: Node;
}

/** The names a `from module import …` statement imports, in order (none for `*`). */
export function fromImportNames(statement: Node): ImportedName[] {
  return statement.childrenForFieldName('name').filter((n): n is Node => n !== null).map((node) => {
    if (node.type === 'aliased_import') {
      return { name: node.childForFieldName('name')?.text ?? '', alias: node.childForFieldName('alias')?.text, node };
    }
    return { name: node.text, node };
  });
}
