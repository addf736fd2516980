import type { FileContext } from '../../rule';
import { indentationModel, type IndentationCode } from './indentationModel';
import { reindentFix } from './reindent';

/** Reports one indentation code's findings, each with its reindent fix. */
export function reportIndentation(context: FileContext, code: IndentationCode): void {
  const model = indentationModel(context.text, context.lines, context.change);
  for (const finding of model.findings) {
    if (finding.code !== code) continue;
    const fix = reindentFix(model, finding.line);
    context.report({ code, message: finding.message, start: finding.start, end: finding.end, ...(fix ? { fix } : {}) });
  }
}
