import type { FileContext } from '../rule';
import type { NodeId } from '../../syntax/tree';
import { commentsOf, isSuppressed, scanNoqaLine } from '../../noqa/noqa';

/**
 * pyflakes reports imports and `__all__` entries at their statement's first
 * line, so existing code puts `# noqa: F401` there even when pyreview reports
 * the name on a later line of the statement: such a comment must still count.
 */
export class StatementNoqa {
  constructor(private readonly context: FileContext) {}

  suppresses(statement: NodeId, at: NodeId, code: string): boolean {
    const { lines, text, tree } = this.context;
    const line = lines.lineAt(tree.start(statement));
    if (line === lines.lineAt(tree.start(at))) return false;
    return isSuppressed(scanNoqaLine(text, commentsOf(tree), lines, line), code, { first: line, last: line });
  }
}
