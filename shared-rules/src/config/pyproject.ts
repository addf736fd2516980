import * as fs from 'fs';
import * as path from 'path';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { RuleCatalog } from '../findings/ruleMeta';
import { LineIndex } from '../text/lineIndex';
import type { ConfigProblem } from './problems';
import { readUserSettings } from './readSettings';
import type { UserSettings } from './settings';
import { tomlLocator } from './tomlLocations';

export interface LoadedConfig {
  /** The file the settings came from, if any. */
  file?: string;
  /** The directory `per-file-ignores` and `exclude` patterns are relative to. */
  root: string;
  settings: UserSettings;
  /** What in the file was ignored, and why: the rest of it applies. */
  problems: ConfigProblem[];
  /** The file's text, where `problems` have their ranges. */
  source?: string;
}

/** A configuration that cannot be used at all (`--config` naming a file without `[tool.pyreview]`). */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export interface PyprojectSettings {
  /** Undefined when the file has no `[tool.pyreview]` table. */
  settings: UserSettings | undefined;
  problems: ConfigProblem[];
}

const TABLE_PATH = ['tool', 'pyreview'];

/**
 * Reads `[tool.pyreview]` from a `pyproject.toml` text. Mistakes are problems
 * located in the text, and the valid rest of the table applies; invalid TOML
 * gives no settings at all (the defaults apply) and one problem.
 */
export function parsePyprojectSettings(source: string, rules: RuleCatalog): PyprojectSettings {
  let document: Record<string, unknown>;
  try {
    document = parseToml(source) as Record<string, unknown>;
  } catch (error) {
    const detail = error instanceof TomlError ? error.message.split('\n')[0] : String(error);
    const at = error instanceof TomlError ? new LineIndex(source).offset({ line: error.line - 1, character: error.column - 1 }) : 0;
    return { settings: {}, problems: [{ setting: '', path: [], message: `invalid TOML: ${detail}`, range: { start: at, end: at } }] };
  }
  const table = (document.tool as Record<string, unknown> | undefined)?.pyreview;
  if (table === undefined) return { settings: undefined, problems: [] };
  const locate = tomlLocator(source);
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    return { settings: {}, problems: [{ setting: 'tool.pyreview', path: [], message: 'must be a table', range: locate(TABLE_PATH) }] };
  }
  const { settings, problems } = readUserSettings(table as Record<string, unknown>, 'pyproject', rules);
  const located = problems.map((problem) => ({ ...problem, range: locate([...TABLE_PATH, ...problem.path], problem.item) }));
  return { settings, problems: located.sort((a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0)) };
}

/** `file:line:column: setting: message`, as the CLI prints a problem and the editor logs it. */
export function describeProblem(file: string, source: string | undefined, problem: ConfigProblem): string {
  let place = file;
  if (source !== undefined && problem.range) {
    const position = new LineIndex(source).position(problem.range.start, 'utf-32');
    place += `:${position.line + 1}:${position.character + 1}`;
  }
  return `${place}: ${problem.setting ? `${problem.setting}: ` : ''}${problem.message}`;
}

/**
 * Finds the configuration for a file or directory: the nearest
 * `pyproject.toml` with a `[tool.pyreview]` table, walking up.
 */
export function findPyprojectConfig(start: string, rules: RuleCatalog): LoadedConfig | undefined {
  let directory = path.resolve(start);
  if (fs.existsSync(directory) && !fs.statSync(directory).isDirectory()) directory = path.dirname(directory);
  for (;;) {
    const candidate = path.join(directory, 'pyproject.toml');
    if (fs.existsSync(candidate)) {
      const loaded = loadConfigFile(candidate, rules);
      if (loaded) return loaded;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Reads one `pyproject.toml`; undefined when it has no `[tool.pyreview]` table. A file that cannot be read is one problem (the defaults apply). */
export function loadConfigFile(file: string, rules: RuleCatalog): LoadedConfig | undefined {
  const root = path.dirname(file);
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { file, root, settings: {}, problems: [{ setting: '', path: [], message: `cannot be read: ${(error as Error).message}` }] };
  }
  const { settings, problems } = parsePyprojectSettings(source, rules);
  return settings ? { file, root, settings, problems, source } : undefined;
}
