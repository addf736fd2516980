import { createPythonParser, RULES, SourceChecker, resolveSettings, type UserSettings, type CheckedSource } from '@pyreview/shared-rules';

let checker: Promise<SourceChecker> | undefined;

export function sharedChecker(): Promise<SourceChecker> {
  checker ??= createPythonParser().then((parser) => new SourceChecker(parser, RULES));
  return checker;
}

/** Checks a text with the given settings (defaults: the catalog's defaults). */
export async function checkText(text: string, user: UserSettings = {}, filePath = 'example.py'): Promise<CheckedSource> {
  const settings = resolveSettings(RULES, user);
  return (await sharedChecker()).check({ text, filePath, settings });
}
