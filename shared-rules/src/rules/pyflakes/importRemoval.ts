import type { SyntaxNode as Node } from '../../semantic/syntax';
import type { TextEdit } from '../../text/textEdit';
import { removeStatement } from './statementRemoval';

/**
 * Edits removing some names of an import statement, or the statement when
 * none is left, keeping the other names' formatting, parentheses and
 * comments. A statement alone in its block becomes `pass`.
 */
export function removeImportNames(text: string, statement: Node, removed: ReadonlySet<number>): TextEdit[] {
  const names = statement.childrenForFieldName('name').filter((n): n is Node => !!n);
  if (names.every((name) => removed.has(name.id))) return [removeStatement(text, statement)];
  const edits: TextEdit[] = [];
  for (let i = 0; i < names.length; i++) {
    if (!removed.has(names[i].id)) continue;
    let j = i;
    while (j + 1 < names.length && removed.has(names[j + 1].id)) j++;
    edits.push(removeRun(text, names, i, j));
    i = j;
  }
  return edits;
}

function removeRun(text: string, names: Node[], first: number, last: number): TextEdit {
  const start = names[first].startIndex;
  let end = names[last].endIndex;
  const comma = /^[ \t]*,/.exec(text.slice(end));
  if (comma) end += comma[0].length;
  // Names alone on their lines go with their lines (and the comments on them).
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*(#.*)?\r?$/.test(rest) && lineEnd !== -1) {
    return { start: lineStart, end: lineEnd + 1, newText: '' };
  }
  const next = names[last + 1];
  if (next) return { start, end: next.startIndex, newText: '' };
  return { start: names[first - 1].endIndex, end: names[last].endIndex, newText: '' };
}
