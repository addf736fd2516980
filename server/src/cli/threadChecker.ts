import { PythonParser, RULES, SourceChecker } from '@pyreview/shared-rules';

let checker: SourceChecker | undefined;

/** This thread's checker, created on first use: a fully cached run never loads the grammar. */
export function threadChecker(): Promise<SourceChecker> {
  checker ??= new SourceChecker(new PythonParser(), RULES);
  return Promise.resolve(checker);
}
