import type { SyntaxNode as Node } from '../../semantic/syntax';
import type { TextEdit } from '../../text/textEdit';

/**
 * An edit deleting a simple statement: its whole lines when it stands alone
 * (with the blank lines that would be left doubled, see `withBlankLines`),
 * or up to its `;` neighbour; the only statement of a block becomes `pass`.
 */
export function removeStatement(text: string, statement: Node): TextEdit {
  const block = statement.parent;
  const siblings = block?.namedChildren.filter((c) => c?.type !== 'comment') ?? [];
  if (block?.type === 'block' && siblings.length === 1) {
    return { start: statement.startIndex, end: statement.endIndex, newText: 'pass' };
  }
  const after = /^[ \t]*;[ \t]*/.exec(text.slice(statement.endIndex));
  if (after) return { start: statement.startIndex, end: statement.endIndex + after[0].length, newText: '' };
  const before = /;[ \t]*$/.exec(text.slice(0, statement.startIndex));
  if (before) return { start: statement.startIndex - before[0].length, end: statement.endIndex, newText: '' };
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const lineEnd = text.indexOf('\n', statement.endIndex);
  const onlyOnLines = /^[ \t]*$/.test(text.slice(lineStart, statement.startIndex));
  if (!onlyOnLines) return { start: statement.startIndex, end: statement.endIndex, newText: '' };
  return withBlankLines(text, lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
}

const BLANK_LINE = /^[ \t]*\r?\n/;

/**
 * Deleting lines between two runs of blank lines would join the runs: the
 * shorter run goes with them, so the spacing the code had on either side
 * (two blank lines before a `def`) stays. At the start or the end of the
 * file, the blank lines next to the deleted ones go too.
 */
function withBlankLines(text: string, start: number, end: number): TextEdit {
  let before = start;
  let linesBefore = 0;
  for (;;) {
    const previousStart = text.lastIndexOf('\n', before - 2) + 1;
    if (before === 0 || !BLANK_LINE.test(text.slice(previousStart, before))) break;
    before = previousStart;
    linesBefore++;
  }
  let after = end;
  let linesAfter = 0;
  for (let blank = BLANK_LINE.exec(text.slice(after)); blank; blank = BLANK_LINE.exec(text.slice(after))) {
    after += blank[0].length;
    linesAfter++;
  }
  const atEnd = /^\s*$/.test(text.slice(after));
  if (before === 0 || atEnd) return { start: before, end: atEnd ? text.length : after, newText: '' };
  return linesBefore <= linesAfter ? { start: before, end, newText: '' } : { start, end: after, newText: '' };
}
