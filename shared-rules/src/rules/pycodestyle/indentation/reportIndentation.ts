import type { FileContext, Fix } from '../../rule';
import { indentationModel, type IndentationCode } from './indentationModel';
import { reindentFix } from './reindent';

/** Reports one indentation code's findings, each with its reindent fix. */
export function reportIndentation(context: FileContext, code: IndentationCode): void {
  const model = indentationModel(context.text, context.lines, context.change);
  const fixes = new Map<string, Fix | undefined>();
  for (const finding of model.findings) {
    if (finding.code !== code) continue;
    const fix = reindentFix(model, finding.line, fixes);
    context.report({ code, message: finding.message, start: finding.start, end: finding.end, ...(fix ? { fix } : {}) });
  }
}
