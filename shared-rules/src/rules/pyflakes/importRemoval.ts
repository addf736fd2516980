import { F } from '../../syntax/grammar';
import type { NodeId, SyntaxTree } from '../../syntax/tree';
import type { TextEdit } from '../../text/textEdit';
import type { TextReader } from '../../text/pieceText';
import { lineEndOf, lineStartOf } from '../../text/lineBounds';
import { removeStatement } from './statementRemoval';

/**
 * Edits removing some names of an import statement, or the statement when
 * none is left, keeping the other names' formatting, parentheses and
 * comments. A statement alone in its block becomes `pass`.
 */
export function removeImportNames(tree: SyntaxTree, text: TextReader, statement: NodeId, removed: ReadonlySet<NodeId>): TextEdit[] {
  const names = tree.fields(statement, F.name);
  if (names.every((name) => removed.has(name))) return [removeStatement(tree, text, statement)];
  const edits: TextEdit[] = [];
  for (let i = 0; i < names.length; i++) {
    if (!removed.has(names[i])) continue;
    let j = i;
    while (j + 1 < names.length && removed.has(names[j + 1])) j++;
    edits.push(removeRun(tree, text, names, i, j));
    i = j;
  }
  return edits;
}

function removeRun(tree: SyntaxTree, text: TextReader, names: NodeId[], first: number, last: number): TextEdit {
  const start = tree.start(names[first]);
  let end = tree.end(names[last]);
  const lineEnd = lineEndOf(text, end);
  const comma = /^[ \t]*,/.exec(text.slice(end, lineEnd));
  if (comma) end += comma[0].length;
  // Names alone on their lines go with their lines (and the comments on them).
  const lineStart = lineStartOf(text, start);
  const rest = text.slice(end, lineEnd);
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*(#.*)?\r?$/.test(rest) && lineEnd < text.length) {
    return { start: lineStart, end: lineEnd + 1, newText: '' };
  }
  const next = names[last + 1];
  if (next !== undefined) return { start, end: tree.start(next), newText: '' };
  return { start: tree.end(names[first - 1]), end: tree.end(names[last]), newText: '' };
}
