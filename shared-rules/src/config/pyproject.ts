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

export interface LoadedConfig {
  /** The file the settings came from, if any. */
  file?: string;
  /** The directory `per-file-ignores` and `exclude` patterns are relative to. */
  root: string;
  settings: UserSettings;
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

/** The 1-based line where `key =` first appears, to point a user at it. */
function lineOfKey(source: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^\\s*"?${escaped}"?\\s*=`, 'm').exec(source);
  return match ? source.slice(0, match.index).split('\n').length : undefined;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Reads `[tool.pyreview]` from a `pyproject.toml` text. Throws ConfigError
 * for invalid TOML, unknown keys and values of the wrong type.
 */
export function parsePyprojectSettings(file: string, source: string, ruleOptions: readonly RuleOption[]): UserSettings | undefined {
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
  const fail = (key: string, detail: string): never => {
    throw new ConfigError(file, lineOfKey(source, key), `${key}: ${detail}`);
  };
  const settings: UserSettings = {};
  const options: Record<string, number | boolean | string> = {};
  for (const [key, value] of Object.entries(table)) {
    if (key in LIST_KEYS) {
      if (!isStringList(value)) fail(key, 'expected a list of strings');
      settings[LIST_KEYS[key as keyof typeof LIST_KEYS]] = value as string[];
    } else if (key === 'per-file-ignores') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(key, 'expected a table of glob = [codes]');
      for (const [pattern, codes] of Object.entries(value as object)) {
        if (!isStringList(codes)) fail(pattern, 'expected a list of rule codes');
      }
      settings.perFileIgnores = value as Record<string, string[]>;
    } else if (key === 'severity') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(key, 'expected a table of CODE = "error" | "warning" | "info" | "hint" | "off"');
      for (const [code, level] of Object.entries(value as object)) {
        if (!SEVERITIES.includes(level as SeverityOverride)) fail(code, `expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(level)}`);
      }
      settings.severity = value as Record<string, SeverityOverride>;
    } else if (key === 'target-version') {
      if (typeof value !== 'string' || !parseTargetVersion(value)) fail(key, `expected a version such as "py312" or "3.12", got ${JSON.stringify(value)}`);
      settings.targetVersion = value as string;
    } else {
      const option = ruleOptions.find((o) => o.name === key);
      if (!option) fail(key, 'unknown setting');
      const expected = option!.type === 'integer' ? 'number' : option!.type;
      if (typeof value !== expected || (option!.type === 'integer' && !Number.isInteger(value))) {
        fail(key, `expected ${option!.type}, got ${JSON.stringify(value)}`);
      }
      if (option!.values && !option!.values.includes(value as string)) {
        fail(key, `expected one of ${option!.values.join(', ')}, got ${JSON.stringify(value)}`);
      }
      options[key] = value as number | boolean | string;
    }
  }
  if (Object.keys(options).length) settings.options = options;
  return settings;
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
  const settings = parsePyprojectSettings(file, source, ruleOptions);
  return settings ? { file, root: path.dirname(file), settings } : undefined;
}
