import { T } from '../../syntax/grammar';
import { NONE, type NodeId, type SyntaxTree } from '../../syntax/tree';
import type { TextEdit } from '../../text/textEdit';
import type { TextReader } from '../../text/pieceText';
import { lineEndOf, lineStartOf, nextLineStartOf, nextNonWhitespace } from '../../text/lineBounds';

/**
 * An edit deleting a simple statement: its whole lines when it stands alone
 * (with the blank lines that would be left doubled, see `withBlankLines`),
 * or up to its `;` neighbour; the only statement of a block becomes `pass`.
 * The comment after it on its line goes with it, as it does with its lines:
 * a `# type: ignore` or `# noqa` left on `pass` would speak of code that is gone.
 */
export function removeStatement(tree: SyntaxTree, text: TextReader, statement: NodeId): TextEdit {
  const block = tree.parent(statement);
  const start = tree.start(statement);
  const end = tree.end(statement);
  // What is read around the statement lies on its first and last lines.
  const lineStart = lineStartOf(text, start);
  const lineEnd = lineEndOf(text, end);
  if (block !== NONE && tree.type(block) === T.block && tree.namedChildren(block).filter((c) => tree.type(c) !== T.comment).length === 1) {
    const comment = /^[ \t]*#[^\r\n]*/.exec(text.slice(end, lineEnd));
    return { start, end: end + (comment ? comment[0].length : 0), newText: 'pass' };
  }
  const after = /^[ \t]*;[ \t]*/.exec(text.slice(end, lineEnd));
  if (after) return { start, end: end + after[0].length, newText: '' };
  const before = /;[ \t]*$/.exec(text.slice(lineStart, start));
  if (before) return { start: start - before[0].length, end, newText: '' };
  const onlyOnLines = /^[ \t]*$/.test(text.slice(lineStart, start));
  if (!onlyOnLines) return { start, end, newText: '' };
  return withBlankLines(text, lineStart, nextLineStartOf(text, end));
}

const BLANK_LINE = /^[ \t]*\r?\n/;

/**
 * Deleting lines between two runs of blank lines would join the runs: the
 * shorter run goes with them, so the spacing the code had on either side
 * (two blank lines before a `def`) stays. At the start or the end of the
 * file, the blank lines next to the deleted ones go too.
 */
function withBlankLines(text: TextReader, start: number, end: number): TextEdit {
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
  for (let blank = BLANK_LINE.exec(lineFrom(text, after)); blank; blank = BLANK_LINE.exec(lineFrom(text, after))) {
    after += blank[0].length;
    linesAfter++;
  }
  const atEnd = nextNonWhitespace(text, after) === text.length;
  if (before === 0 || atEnd) return { start: before, end: atEnd ? text.length : after, newText: '' };
  return linesBefore <= linesAfter ? { start: before, end, newText: '' } : { start, end: after, newText: '' };
}

/** The text from `offset` to the end of its line, its LF included. */
function lineFrom(text: TextReader, offset: number): string {
  return text.slice(offset, nextLineStartOf(text, offset));
}
