import type { FileContext } from '../rule';
import type { SyntaxNode } from '../../semantic/syntax';
import { commentsOf, isSuppressed, scanNoqaLine } from '../../noqa/noqa';

/**
 * pyflakes reports imports and `__all__` entries at their statement's first
 * line, so existing code puts `# noqa: F401` there even when pyreview reports
 * the name on a later line of the statement: such a comment must still count.
 */
export class StatementNoqa {
  constructor(private readonly context: FileContext) {}

  suppresses(statement: SyntaxNode, at: SyntaxNode, code: string): boolean {
    const { lines, text, tree } = this.context;
    const line = lines.lineAt(statement.startIndex);
    if (line === lines.lineAt(at.startIndex)) return false;
    return isSuppressed(scanNoqaLine(text, commentsOf(tree), lines, line), code, { first: line, last: line });
  }
}
