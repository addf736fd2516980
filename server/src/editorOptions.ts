import * as os from 'os';
import * as path from 'path';
import { pathMatcher } from './project/configResolver';

/**
 * Settings only the editor has (`pyproject.toml` has no say in them), named
 * as ruff-vscode names the same things.
 */
export interface EditorOptions {
  /** `pyreview.configuration`: the configuration file to use instead of the nearest `pyproject.toml`. */
  configurationFile?: string;
  /** `pyreview.exclude`: globs of files the editor does not check, relative to the workspace folder. */
  exclude: readonly string[];
  /** Whether the document matches `exclude`. */
  excluded: boolean;
  /** `pyreview.fixAll`: whether `source.fixAll.pyreview` is offered. */
  fixAll: boolean;
  /** `pyreview.organizeImports`: whether `source.organizeImports.pyreview` is offered. */
  organizeImports: boolean;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

/** `~`, `${userHome}` and `${workspaceFolder}` expanded; a relative path starts at the workspace folder. */
export function expandPath(value: string, folder: string | undefined): string {
  const expanded = value
    .replace(/^~(?=$|[\\/])/, os.homedir())
    .replace(/\$\{userHome\}/g, os.homedir())
    .replace(/\$\{workspaceFolder\}/g, folder ?? '');
  return path.resolve(folder ?? os.homedir(), expanded);
}

/**
 * Reads the editor-only settings of one document from its `pyreview`
 * settings section. `folder` is the workspace folder holding the file (paths
 * are relative to it), `filePath` the file (undefined for unsaved documents).
 */
export function editorOptions(raw: Readonly<Record<string, unknown>>, folder: string | undefined, filePath: string | undefined): EditorOptions {
  const configuration = typeof raw.configuration === 'string' && raw.configuration.trim() ? expandPath(raw.configuration.trim(), folder) : undefined;
  const exclude = stringList(raw.exclude);
  const excluded = !!filePath && exclude.length > 0 && pathMatcher(folder ?? path.dirname(filePath), exclude)(filePath);
  return {
    configurationFile: configuration,
    exclude,
    excluded,
    fixAll: raw.fixAll !== false,
    organizeImports: raw.organizeImports !== false,
  };
}
