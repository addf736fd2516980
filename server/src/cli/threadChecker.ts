import { createPythonParser, RULES, SourceChecker } from '@pyreview/shared-rules';

let checker: Promise<SourceChecker> | undefined;

/** This thread's checker, created on first use: a fully cached run never loads the grammar. */
export function threadChecker(): Promise<SourceChecker> {
  checker ??= createPythonParser().then((parser) => new SourceChecker(parser, RULES));
  return checker;
}
