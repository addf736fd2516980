import { PythonParser, RULES, SourceChecker, resolveSettings, type UserSettings, type CheckedSource } from '@pyreview/shared-rules';

let checker: SourceChecker | undefined;

export function sharedChecker(): SourceChecker {
  checker ??= new SourceChecker(new PythonParser(), RULES);
  return checker;
}

/** Checks a text with the given settings (defaults: the catalog's defaults). */
export function checkText(text: string, user: UserSettings = {}, filePath = 'example.py'): CheckedSource {
  const settings = resolveSettings(RULES, user);
  return sharedChecker().check({ text, filePath, settings });
}
