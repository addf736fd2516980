import type { SyntaxNode as Node } from '../../semantic/syntax';
import type { TextEdit } from '../../text/textEdit';

/**
 * An edit deleting a simple statement: its whole lines when it stands alone,
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
  return { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1, newText: '' };
}
