import * as fs from 'fs';
import * as path from 'path';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { RuleOption } from '../findings/ruleMeta';
import type { SeverityOverride, UserSettings } from './settings';
import { parseTargetVersion } from './settings';

/** A configuration problem, located in its file so that a user can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
  }
}

/** A key of `[tool.pyreview]` left out because it is wrong (the rest of the table applies), or the whole file's error (no key). */
export interface ConfigProblem {
  key?: string;
  /** 1-based. */
  line: number | undefined;
  detail: string;
}

export interface LoadedConfig {
  /** The file the settings came from, if any. */
  file?: string;
  /** The directory `per-file-ignores` and `exclude` patterns are relative to. */
  root: string;
  settings: UserSettings;
  /** Keys of the table that were left out. */
  problems: ConfigProblem[];
}

/** A problem as the error the command line stops on. */
export function configErrorOf(file: string, problem: ConfigProblem): ConfigError {
  return new ConfigError(file, problem.line, problem.key ? `${problem.key}: ${problem.detail}` : problem.detail);
}

const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];
const LIST_KEYS = {
  select: 'select',
  'extend-select': 'extendSelect',
  ignore: 'ignore',
  'extend-ignore': 'extendIgnore',
  exclude: 'exclude',
  'extend-exclude': 'extendExclude',
} as const;

/** The 1-based line where `key =` first appears (at the start of a line, or in an inline table), to point a user at it. */
function lineOfKey(source: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[{,])[ \\t]*"?${escaped}"?\\s*=`, 'm').exec(source);
  return match ? source.slice(0, match.index).split('\n').length : undefined;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Levenshtein distance, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The known key closest to a mistyped one, if one is close enough to be what was meant. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(key.length / 4)) ? best.name : undefined;
}

const TABLE_KEYS = [...Object.keys(LIST_KEYS), 'per-file-ignores', 'severity', 'target-version'];

/**
 * Reads `[tool.pyreview]` from a `pyproject.toml` text: the settings of the
 * keys that are right, and a problem for each unknown key or value of the
 * wrong type. Throws ConfigError for invalid TOML or a `tool.pyreview` that
 * is not a table.
 */
export function parsePyprojectSettings(
  file: string,
  source: string,
  ruleOptions: readonly RuleOption[],
): { settings: UserSettings; problems: ConfigProblem[] } | undefined {
  let document: Record<string, unknown>;
  try {
    document = parseToml(source) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new ConfigError(file, error.line, `invalid TOML: ${error.message.split('\n')[0]}`);
    }
    throw new ConfigError(file, undefined, `cannot be read: ${String(error)}`);
  }
  const table = (document.tool as Record<string, unknown> | undefined)?.pyreview;
  if (table === undefined) return undefined;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    throw new ConfigError(file, lineOfKey(source, 'pyreview'), '[tool.pyreview] must be a table');
  }
  const problems: ConfigProblem[] = [];
  /** Records a problem; the key it is about is left out. */
  const problem = (key: string, detail: string): false => {
    problems.push({ key, line: lineOfKey(source, key), detail });
    return false;
  };
  const settings: UserSettings = {};
  const options: Record<string, number | boolean | string> = {};
  for (const [key, value] of Object.entries(table)) {
    if (key in LIST_KEYS) {
      if (isStringList(value) || problem(key, 'expected a list of strings')) settings[LIST_KEYS[key as keyof typeof LIST_KEYS]] = value as string[];
    } else if (key === 'per-file-ignores') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) problem(key, 'expected a table of glob = [codes]');
      else {
        const valid = Object.entries(value as object).filter(([pattern, codes]) => isStringList(codes) || problem(pattern, 'expected a list of rule codes'));
        settings.perFileIgnores = Object.fromEntries(valid) as Record<string, string[]>;
      }
    } else if (key === 'severity') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) problem(key, 'expected a table of CODE = "error" | "warning" | "info" | "hint" | "off"');
      else {
        const valid = Object.entries(value as object).filter(([code, level]) =>
          SEVERITIES.includes(level as SeverityOverride) || problem(code, `expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(level)}`));
        settings.severity = Object.fromEntries(valid) as Record<string, SeverityOverride>;
      }
    } else if (key === 'target-version') {
      if ((typeof value === 'string' && parseTargetVersion(value)) || problem(key, `expected a version such as "py312" or "3.12", got ${JSON.stringify(value)}`)) {
        settings.targetVersion = value as string;
      }
    } else {
      const option = ruleOptions.find((o) => o.name === key);
      if (!option) {
        const meant = closestKey(key, [...TABLE_KEYS, ...ruleOptions.map((o) => o.name)]);
        problem(key, meant ? `unknown setting; did you mean \`${meant}\`?` : 'unknown setting');
        continue;
      }
      const expected = option.type === 'integer' ? 'number' : option.type;
      if (typeof value !== expected || (option.type === 'integer' && !Number.isInteger(value))) problem(key, `expected ${option.type}, got ${JSON.stringify(value)}`);
      else if (option.values && !option.values.includes(value as string)) problem(key, `expected one of ${option.values.join(', ')}, got ${JSON.stringify(value)}`);
      else options[key] = value as number | boolean | string;
    }
  }
  if (Object.keys(options).length) settings.options = options;
  return { settings, problems };
}

/**
 * Finds the configuration for a file or directory: the nearest
 * `pyproject.toml` with a `[tool.pyreview]` table, walking up.
 */
export function findPyprojectConfig(start: string, ruleOptions: readonly RuleOption[]): LoadedConfig | undefined {
  let directory = path.resolve(start);
  if (fs.existsSync(directory) && !fs.statSync(directory).isDirectory()) directory = path.dirname(directory);
  for (;;) {
    const candidate = path.join(directory, 'pyproject.toml');
    if (fs.existsSync(candidate)) {
      const loaded = loadConfigFile(candidate, ruleOptions);
      if (loaded) return loaded;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Reads one `pyproject.toml`; undefined when it has no `[tool.pyreview]` table. */
export function loadConfigFile(file: string, ruleOptions: readonly RuleOption[]): LoadedConfig | undefined {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, undefined, `cannot be read: ${(error as Error).message}`);
  }
  const parsed = parsePyprojectSettings(file, source, ruleOptions);
  return parsed && { file, root: path.dirname(file), ...parsed };
}
