import { parseTargetVersion, RULES, unknownSelector, type UserSettings } from '@pyreview/shared-rules';
import { UsageError } from './usageError';

/** The settings that `pyreview check` takes on the command line. */
export interface CommandLineSettings {
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  targetVersion?: string;
  /** `--exclude` replaces the configuration's `exclude`; the `--extend-…` options add to it. */
  exclude?: string[];
  extendExclude?: string[];
  extendInclude?: string[];
}

/** Splits `--select E7,F401 --select W` into codes. */
export function parseSelectorList(values: readonly string[] | undefined, flag: string): string[] | undefined {
  if (!values) return undefined;
  const selectors = values.flatMap((value) => value.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const selector of selectors) {
    const unknown = unknownSelector(selector, RULES);
    if (unknown) throw new UsageError(`invalid value for '${flag}': ${unknown}`);
  }
  return selectors;
}

/** Splits `--exclude a,b --exclude c` into globs. */
export function parseGlobList(values: readonly string[] | undefined): string[] | undefined {
  return values?.flatMap((value) => value.split(',')).map((glob) => glob.trim()).filter(Boolean);
}

export function checkTargetVersion(value: string | undefined): string | undefined {
  if (value !== undefined && !parseTargetVersion(value)) {
    throw new UsageError(`invalid value '${value}' for '--target-version': expected a version such as py312 or 3.12`);
  }
  return value;
}

/**
 * Puts the command line on top of a configuration file's settings, with
 * Ruff's precedence: `--select` is the new basis and drops the file's
 * selection adjustments (`extend-select`, `ignore`, `extend-ignore`), while
 * `--extend-select` and `--ignore` alone add to what the file says.
 */
export function applyCommandLine(file: UserSettings | undefined, cli: CommandLineSettings): UserSettings {
  const settings: UserSettings = { ...file };
  if (cli.select) {
    settings.select = cli.select;
    settings.extendSelect = cli.extendSelect;
    settings.ignore = undefined;
    settings.extendIgnore = cli.ignore;
  } else {
    if (cli.extendSelect) settings.extendSelect = [...(settings.extendSelect ?? []), ...cli.extendSelect];
    if (cli.ignore) settings.extendIgnore = [...(settings.extendIgnore ?? []), ...cli.ignore];
  }
  if (cli.targetVersion) settings.targetVersion = cli.targetVersion;
  if (cli.exclude) settings.exclude = cli.exclude;
  if (cli.extendExclude) settings.extendExclude = [...(settings.extendExclude ?? []), ...cli.extendExclude];
  if (cli.extendInclude) settings.extendInclude = [...(settings.extendInclude ?? []), ...cli.extendInclude];
  return settings;
}
