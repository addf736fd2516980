import { DocumentUnits, Linter, PythonParser, RULES, SourceChecker, resolveSettings, type CheckedSource, type LintResult, type ResolvedSettings, type UserSettings } from '@pyreview/shared-rules';

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

/**
 * One document's linter and units: each call lints a text parsed afresh with
 * no dirty region, as the editor settles (units matched to the last ones by their text).
 */
export function settlingLinter(settings: ResolvedSettings, filePath = 'example.py'): (text: string) => LintResult {
  const parser = new PythonParser();
  const linter = new Linter(RULES);
  const units = new DocumentUnits();
  return (text) => {
    const parse = parser.parse(text);
    try {
      units.update(parse, text);
    } finally {
      parse.delete();
    }
    return linter.lint({ units, text, filePath, settings });
  };
}
