import type { Node, Tree } from 'web-tree-sitter';

/**
 * The root to look an offset up in when a top-level statement was reparsed
 * alone (see `LintInput.statement`): the statement's tree inside it, and
 * elsewhere the whole file's tree, edited but not reparsed, which is right
 * outside the statement.
 */
export function rootLookup(tree: Tree, statement?: Tree): (offset: number) => Node {
  const root = tree.rootNode;
  const statementRoot = statement?.rootNode;
  if (!statementRoot) return () => root;
  const { startIndex, endIndex } = statementRoot;
  return (offset) => (offset >= startIndex && offset < endIndex ? statementRoot : root);
}
