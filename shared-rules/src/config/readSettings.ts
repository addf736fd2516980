import type { RuleCatalog, RuleOption } from '../findings/ruleMeta';
import { didYouMean, unknownSelector, type ConfigProblem } from './problems';
import { parseTargetVersion, type SeverityOverride, type UserSettings } from './settings';

/**
 * Who wrote the settings: `[tool.pyreview]` in `pyproject.toml` (kebab-case
 * keys), or the editor's `pyreview.*` settings (camelCase, where null or an
 * empty list means "not set here", so that `pyproject.toml` applies).
 */
export type SettingsDialect = 'pyproject' | 'editor';

type Kind = 'selectors' | 'patterns' | 'per-file-ignores' | 'severity' | 'target-version';

interface Field {
  field: keyof UserSettings;
  pyproject: string;
  /** Absent: not an editor setting. */
  editor?: string;
  kind: Kind;
}

const FIELDS: readonly Field[] = [
  { field: 'select', pyproject: 'select', editor: 'select', kind: 'selectors' },
  { field: 'extendSelect', pyproject: 'extend-select', editor: 'extendSelect', kind: 'selectors' },
  { field: 'ignore', pyproject: 'ignore', editor: 'ignore', kind: 'selectors' },
  { field: 'extendIgnore', pyproject: 'extend-ignore', kind: 'selectors' },
  { field: 'exclude', pyproject: 'exclude', kind: 'patterns' },
  { field: 'extendExclude', pyproject: 'extend-exclude', kind: 'patterns' },
  { field: 'include', pyproject: 'include', kind: 'patterns' },
  { field: 'extendInclude', pyproject: 'extend-include', kind: 'patterns' },
  { field: 'perFileIgnores', pyproject: 'per-file-ignores', kind: 'per-file-ignores' },
  { field: 'severity', pyproject: 'severity', editor: 'severity', kind: 'severity' },
  { field: 'targetVersion', pyproject: 'target-version', editor: 'targetVersion', kind: 'target-version' },
];

const SEVERITY_LEVELS: Readonly<Record<string, SeverityOverride>> = {
  error: 'error', warning: 'warning', info: 'info', information: 'info', hint: 'hint', off: 'off',
};
const LEVEL_NAMES = 'error, warning, info, hint, off';

/** `max-complexity` → `maxComplexity`: the editor setting named after a rule option. */
export function settingNameOfOption(optionName: string): string {
  return optionName.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** A value as a message quotes it, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a setting is named to its writer: `severity.E7` in `pyproject.toml`, `pyreview.severity.E7` in the editor. */
function settingName(dialect: SettingsDialect, path: readonly string[]): string {
  if (dialect === 'editor') return `pyreview.${path.join('.')}`;
  return path.map((key) => (/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key))).join('.');
}

export interface ReadSettings {
  settings: UserSettings;
  /** What was ignored, and why; everything else is in `settings`. */
  problems: ConfigProblem[];
}

/**
 * Reads the rule settings a user wrote, keeping everything valid: an
 * unknown code is dropped from its list, a value of the wrong type from the
 * settings, and each is reported as a problem. In `pyproject.toml`, unknown
 * keys are reported too (the editor's other settings are not rule settings).
 */
export function readUserSettings(table: Readonly<Record<string, unknown>>, dialect: SettingsDialect, rules: RuleCatalog): ReadSettings {
  const problems: ConfigProblem[] = [];
  const report = (path: readonly string[], message: string, item?: string) => {
    problems.push({ setting: settingName(dialect, path), path, item, message });
  };
  const unset = (value: unknown) => value === undefined || (dialect === 'editor' && (value === null || (Array.isArray(value) && !value.length)));

  /** A list of rule codes: unknown ones are reported and dropped; a list left with none is not set. */
  const selectors = (path: readonly string[], value: unknown): string[] | undefined => {
    if (!Array.isArray(value)) {
      report(path, `expected a list of rule codes, got ${shown(value)}`);
      return undefined;
    }
    const valid: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') {
        report(path, `expected rule codes, got ${shown(item)}`);
        continue;
      }
      const selector = item.trim().toUpperCase();
      if (!selector) continue;
      const unknown = unknownSelector(selector, rules);
      if (unknown) report(path, unknown, item);
      else valid.push(selector);
    }
    return valid.length || !value.length ? valid : undefined;
  };

  const readers: Record<Kind, (path: readonly string[], value: unknown) => unknown> = {
    selectors,
    patterns: (path, value) => {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
      report(path, `expected a list of glob patterns, got ${shown(value)}`);
      return undefined;
    },
    'per-file-ignores': (path, value) => {
      if (!isTable(value)) {
        report(path, `expected a table of "glob" = [codes], got ${shown(value)}`);
        return undefined;
      }
      const result: Record<string, string[]> = {};
      for (const [pattern, codes] of Object.entries(value)) {
        const valid = selectors([...path, pattern], codes);
        if (valid) result[pattern] = valid;
      }
      return result;
    },
    severity: (path, value) => {
      if (!isTable(value)) {
        report(path, `expected a table of CODE = level (${LEVEL_NAMES}), got ${shown(value)}`);
        return undefined;
      }
      const result: Record<string, SeverityOverride> = {};
      for (const [code, level] of Object.entries(value)) {
        const unknown = unknownSelector(code, rules);
        const normalized = typeof level === 'string' ? SEVERITY_LEVELS[level.toLowerCase()] : undefined;
        if (unknown) report([...path, code], unknown);
        else if (!normalized) report([...path, code], `expected one of ${LEVEL_NAMES}, got ${shown(level)}`);
        else result[code.trim().toUpperCase()] = normalized;
      }
      return result;
    },
    'target-version': (path, value) => {
      if (typeof value === 'string' && (parseTargetVersion(value) || (dialect === 'editor' && !value.trim()))) return value.trim() || undefined;
      report(path, `expected a version such as "py312" or "3.12", got ${shown(value)}`);
      return undefined;
    },
  };

  const settings: UserSettings = {};
  const known = new Set<string>();
  for (const { field, pyproject, editor, kind } of FIELDS) {
    const key = dialect === 'pyproject' ? pyproject : editor;
    if (!key) continue;
    known.add(key);
    if (unset(table[key])) continue;
    const value = readers[kind]([key], table[key]);
    if (value !== undefined) (settings as Record<string, unknown>)[field] = value;
  }

  const options: Record<string, number | boolean | string> = {};
  for (const option of rules.flatMap((rule) => rule.meta.options ?? [])) {
    const key = dialect === 'pyproject' ? option.name : settingNameOfOption(option.name);
    known.add(key);
    // The editor takes the option's own name too.
    const value = table[key] ?? (dialect === 'editor' ? table[option.name] : undefined);
    if (unset(value)) continue;
    const problem = optionProblem(option, value);
    if (problem) report([key], problem);
    else options[option.name] = value as number | boolean | string;
  }
  if (Object.keys(options).length) settings.options = options;

  if (dialect === 'pyproject') {
    for (const key of Object.keys(table)) if (!known.has(key)) report([key], `unknown setting${didYouMean(key, known)}`);
  }
  return { settings, problems };
}

function expectedOption(option: RuleOption): string {
  if (option.values) return `one of ${option.values.join(', ')}`;
  return option.type === 'integer' ? 'a whole number' : `a ${option.type}`;
}

function optionProblem(option: RuleOption, value: unknown): string | undefined {
  const valid = option.type === 'integer' ? typeof value === 'number' && Number.isInteger(value)
    : typeof value === option.type && (!option.values || option.values.includes(value as string));
  return valid ? undefined : `expected ${expectedOption(option)}, got ${shown(value)}`;
}
