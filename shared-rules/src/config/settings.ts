import picomatch from 'picomatch';
import type { Severity } from '../findings/finding';
import type { RuleCatalog } from '../findings/ruleMeta';

export type SeverityOverride = Severity | 'off';

/**
 * Configuration as written by a user, in `[tool.pyreview]` or in editor
 * settings. Every field is optional; later layers override earlier ones.
 */
export interface UserSettings {
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  extendIgnore?: string[];
  perFileIgnores?: Record<string, string[]>;
  severity?: Record<string, SeverityOverride>;
  targetVersion?: string;
  exclude?: string[];
  extendExclude?: string[];
  /** Which files of a directory are checked (globs, as `exclude`'s). */
  include?: string[];
  extendInclude?: string[];
  /** Rule options by their kebab-case name (`max-complexity`, …). */
  options?: Record<string, number | boolean | string>;
}

/** Configuration ready for a run: which rules, their severities and options. */
export interface ResolvedSettings {
  enabled: ReadonlySet<string>;
  severity: ReadonlyMap<string, Severity>;
  targetVersion: readonly [number, number];
  options: Readonly<Record<string, number | boolean | string>>;
  exclude: readonly string[];
  include: readonly string[];
  perFileIgnores: ReadonlyArray<{ pattern: string; codes: readonly string[] }>;
  /** The code is a notebook's cells, run by IPython: its names are defined (see notebook/notebookCheck.ts). */
  notebook?: boolean;
  /** Changes whenever anything that affects findings changes (cache keys). */
  fingerprint: string;
}

export const DEFAULT_TARGET_VERSION = '3.12';

/** The files of a directory that are checked (Ruff's default less `pyproject.toml`). */
export const DEFAULT_INCLUDE = ['*.py', '*.pyi', '*.ipynb'];

/** Directories never linted unless a user names them. */
export const DEFAULT_EXCLUDE = [
  '.git', '.hg', '.svn', '.tox', '.nox', '.venv', 'venv', '.mypy_cache', '.ruff_cache',
  '.pyreview_cache', '__pycache__', 'node_modules', 'build', 'dist', 'site-packages', '__pypackages__',
];

/** Layers user settings: each later layer's fields replace the earlier ones'. */
export function mergeSettings(...layers: Array<UserSettings | undefined>): UserSettings {
  const merged: UserSettings = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as Array<[keyof UserSettings, unknown]>) {
      if (value === undefined) continue;
      if (key === 'options' || key === 'severity') {
        (merged as Record<string, unknown>)[key] = { ...(merged[key] ?? {}), ...(value as object) };
      } else {
        (merged as Record<string, unknown>)[key] = value;
      }
    }
  }
  return merged;
}

/** A selector matches a code when it is `ALL` or a prefix of it, as in flake8 and Ruff. */
export function selectorMatches(selector: string, code: string): boolean {
  const s = selector.trim().toUpperCase();
  return s === 'ALL' || code.startsWith(s);
}

export function parseTargetVersion(value: string): [number, number] | undefined {
  const match = /^(?:py)?3\.?(\d{1,2})$/i.exec(value.trim());
  if (!match) return undefined;
  return [3, Number(match[1])];
}

export function resolveSettings(rules: RuleCatalog, user: UserSettings): ResolvedSettings {
  const enabled = new Set<string>();
  for (const { meta } of rules) {
    const selected = user.select
      ? user.select.some((s) => selectorMatches(s, meta.code))
      : meta.enabledByDefault;
    const extended = (user.extendSelect ?? []).some((s) => selectorMatches(s, meta.code));
    const ignored = [...(user.ignore ?? []), ...(user.extendIgnore ?? [])].some((s) => selectorMatches(s, meta.code));
    if ((selected || extended) && !ignored) enabled.add(meta.code);
  }
  const severity = new Map<string, Severity>();
  for (const { meta } of rules) severity.set(meta.code, meta.severity);
  for (const [code, level] of Object.entries(user.severity ?? {})) {
    for (const { meta } of rules) {
      if (!selectorMatches(code, meta.code)) continue;
      if (level === 'off') enabled.delete(meta.code);
      else severity.set(meta.code, level);
    }
  }
  const options: Record<string, number | boolean | string> = {};
  for (const { meta } of rules) for (const option of meta.options ?? []) options[option.name] = option.default;
  Object.assign(options, user.options ?? {});
  const targetVersion = parseTargetVersion(user.targetVersion ?? DEFAULT_TARGET_VERSION) ?? [3, 12];
  const exclude = [...(user.exclude ?? DEFAULT_EXCLUDE), ...(user.extendExclude ?? [])];
  const include = [...(user.include ?? DEFAULT_INCLUDE), ...(user.extendInclude ?? [])];
  const perFileIgnores = Object.entries(user.perFileIgnores ?? {}).map(([pattern, codes]) => ({ pattern, codes }));
  const fingerprint = JSON.stringify([[...enabled].sort(), [...severity], targetVersion, options, perFileIgnores]);
  return { enabled, severity, targetVersion, options, exclude, include, perFileIgnores, fingerprint };
}

/**
 * Codes switched off for one file by `per-file-ignores`. Patterns match the
 * path relative to the configuration's directory, or the file's base name
 * when the pattern has no slash (as Ruff does).
 */
export function ignoredCodesForFile(settings: ResolvedSettings, relativePath: string): string[] {
  const codes: string[] = [];
  const posixPath = relativePath.split('\\').join('/');
  const baseName = posixPath.slice(posixPath.lastIndexOf('/') + 1);
  for (const { pattern, codes: patternCodes } of settings.perFileIgnores) {
    const subject = pattern.includes('/') ? posixPath : baseName;
    if (picomatch.isMatch(subject, pattern, { dot: true })) codes.push(...patternCodes);
  }
  return codes;
}
