import * as path from 'path';
import {
  ConfigError,
  configErrorOf,
  findPyprojectConfig,
  loadConfigFile,
  mergeSettings,
  resolveSettings,
  RULES,
  type ConfigProblem,
  type LoadedConfig,
  type ResolvedSettings,
  type RuleOption,
  type SeverityOverride,
  type UserSettings,
} from '@pyreview/shared-rules';
import { editorOptions, type EditorOptions } from './editorOptions';
import { fileSystemPath } from './uris';

export type RunMode = 'onType' | 'onSave';
export type ConfigurationPreference = 'editorFirst' | 'filesystemFirst' | 'editorOnly';
export type DiagnosticMode = 'openFiles' | 'workspace';

/** What the server needs to know about one document's configuration. */
export interface DocumentConfig {
  enable: boolean;
  run: RunMode;
  unsafeFixes: boolean;
  showDisableComment: boolean;
  /** `workspace`: every file of the workspace is checked, not only open ones. */
  diagnosticMode: DiagnosticMode;
  /** Show inferred return types as inlay hints. */
  inlayReturnTypes: boolean;
  settings: ResolvedSettings;
  /** The file's path relative to its `pyproject.toml`, for `per-file-ignores`. */
  relativePath?: string;
  /** The configuration file read, if any. */
  configurationFile?: string;
  /** Settings only the editor has (editorOptions.ts); a file its `exclude` matches is not enabled. */
  editor: EditorOptions;
}

/** How the server reaches the client for settings and messages. */
export interface ConfigurationHost {
  /** `workspace/configuration` for section `pyreview` and a resource; undefined when the client cannot answer. */
  fetchEditorSettings(scopeUri: string): Promise<unknown>;
  warn(message: string): void;
  log(message: string): void;
  /** The mistakes of a configuration file read for a document (none: it has none now), to be shown in the file. */
  configProblems?(file: string, problems: readonly ConfigProblem[]): void;
  /** The workspace folder holding a file, where editor settings' relative paths start. */
  folderOf?(fsPath: string): string | undefined;
}

const RULE_OPTIONS: readonly RuleOption[] = RULES.flatMap((rule) => rule.meta.options ?? []);
const SEVERITY_ALIASES: Readonly<Record<string, SeverityOverride>> = {
  error: 'error', warning: 'warning', info: 'info', information: 'info', hint: 'hint', off: 'off',
};

/** `max-complexity` → `maxComplexity`: the editor setting named after a rule option. */
export function settingNameOfOption(optionName: string): string {
  return optionName.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A nested (`codeAction: {showDisableComment}`) or dotted (`"codeAction.showDisableComment"`) setting. */
function lookup(raw: Record<string, unknown>, dotted: string): unknown {
  if (dotted in raw) return raw[dotted];
  const [head, ...rest] = dotted.split('.');
  return rest.length ? lookup(asRecord(raw[head]), rest.join('.')) : raw[head];
}

/** An editor list setting; null, absent or empty means "not set here", so pyproject.toml applies. */
function selectorList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return list.length ? list : undefined;
}

function optionValue(option: RuleOption, value: unknown): number | boolean | string | undefined {
  // Empty is how the Settings editor leaves a text setting unset.
  if (value === null || value === undefined || value === '') return undefined;
  if (option.type === 'integer') return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  if (option.type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (typeof value !== 'string') return undefined;
  return !option.values || option.values.includes(value) ? value : undefined;
}

/** The rule-related part of the editor's `pyreview.*` settings, as UserSettings. */
export function editorUserSettings(rawSettings: unknown, log: (message: string) => void = () => undefined): UserSettings {
  const raw = asRecord(rawSettings);
  const user: UserSettings = {
    select: selectorList(raw.select),
    extendSelect: selectorList(raw.extendSelect),
    ignore: selectorList(raw.ignore),
  };
  const severity: Record<string, SeverityOverride> = {};
  for (const [code, level] of Object.entries(asRecord(raw.severity))) {
    const normalized = typeof level === 'string' ? SEVERITY_ALIASES[level.toLowerCase()] : undefined;
    if (normalized) severity[code.toUpperCase()] = normalized;
    else log(`pyreview.severity.${code}: ${JSON.stringify(level)} is not one of error, warning, info, hint, off; ignored`);
  }
  if (Object.keys(severity).length) user.severity = severity;
  if (typeof raw.targetVersion === 'string' && raw.targetVersion.trim()) user.targetVersion = raw.targetVersion;
  const options: Record<string, number | boolean | string> = {};
  for (const option of RULE_OPTIONS) {
    const setting = raw[settingNameOfOption(option.name)] ?? raw[option.name];
    const value = optionValue(option, setting);
    if (value !== undefined) options[option.name] = value;
    else if (setting !== undefined && setting !== null && setting !== '') log(`pyreview.${settingNameOfOption(option.name)}: ${JSON.stringify(setting)} is not a valid ${option.type}; ignored`);
  }
  if (Object.keys(options).length) user.options = options;
  return user;
}

function preference(value: unknown): ConfigurationPreference {
  return value === 'filesystemFirst' || value === 'editorOnly' ? value : 'editorFirst';
}

/** Layers editor settings and `[tool.pyreview]`: the preferred source is applied last. */
export function combineSettings(editor: UserSettings, pyproject: UserSettings | undefined, order: ConfigurationPreference): UserSettings {
  if (order === 'editorOnly') return mergeSettings(editor);
  return order === 'editorFirst' ? mergeSettings(pyproject, editor) : mergeSettings(editor, pyproject);
}

/**
 * Resolves each document's configuration on demand and caches it per URI
 * until settings or a `pyproject.toml` change. Nothing is shared between
 * documents: two files may live under different configurations.
 */
export class ConfigurationService {
  private readonly cache = new Map<string, Promise<DocumentConfig>>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushedSettings: unknown;
  /** Configuration warnings already shown since the last change, so typing does not repeat them. */
  private readonly shownWarnings = new Set<string>();
  private changes = 0;

  constructor(private readonly host: ConfigurationHost) {}

  /** Bumped on every invalidation; part of pull-diagnostic result ids. */
  get generation(): number {
    return this.changes;
  }

  forDocument(uri: string): Promise<DocumentConfig> {
    let config = this.cache.get(uri);
    if (!config) {
      config = this.resolve(uri);
      this.cache.set(uri, config);
      // A failed lookup must not stick: the next request tries again.
      config.catch(() => this.cache.delete(uri));
    }
    return config;
  }

  /** After didChangeConfiguration (with the pushed settings, if any) or a pyproject.toml change. */
  invalidate(pushedSettings?: unknown): void {
    if (pushedSettings !== undefined) this.pushedSettings = asRecord(pushedSettings).pyreview ?? pushedSettings;
    this.cache.clear();
    this.shownWarnings.clear();
    this.changes++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async resolve(uri: string): Promise<DocumentConfig> {
    const raw = asRecord((await this.host.fetchEditorSettings(uri)) ?? this.pushedSettings);
    const order = preference(lookup(raw, 'configurationPreference'));
    const fsPath = fileSystemPath(uri);
    const editor = editorOptions(raw, fsPath && this.host.folderOf?.(fsPath), fsPath);
    const project = order === 'editorOnly' || !fsPath ? undefined : this.pyprojectFor(fsPath, editor.configurationFile);
    const user = combineSettings(editorUserSettings(raw, (message) => this.host.log(message)), project?.settings, order);
    return {
      enable: lookup(raw, 'enable') !== false && !editor.excluded,
      run: lookup(raw, 'run') === 'onSave' ? 'onSave' : 'onType',
      unsafeFixes: lookup(raw, 'unsafeFixes') === true,
      showDisableComment: lookup(raw, 'codeAction.showDisableComment') !== false,
      diagnosticMode: lookup(raw, 'diagnosticMode') === 'workspace' ? 'workspace' : 'openFiles',
      inlayReturnTypes: lookup(raw, 'inlayHints.returnTypes') === true,
      settings: resolveSettings(RULES, user),
      relativePath: project && fsPath ? path.relative(project.root, fsPath) : undefined,
      configurationFile: project?.file,
      editor,
    };
  }

  /**
   * The nearest `[tool.pyreview]`, or the configured file's. Keys in error are
   * left out and shown in the file (`configProblems`) and the log; a file that
   * cannot be read as a whole is also a warning, and ignored (defaults apply).
   */
  private pyprojectFor(fsPath: string, configurationFile: string | undefined): LoadedConfig | undefined {
    try {
      const loaded = configurationFile ? loadConfigFile(configurationFile, RULE_OPTIONS) : findPyprojectConfig(path.dirname(fsPath), RULE_OPTIONS);
      if (configurationFile && !loaded) throw new ConfigError(configurationFile, undefined, 'has no [tool.pyreview] table');
      if (loaded?.file) {
        this.host.configProblems?.(loaded.file, loaded.problems);
        for (const problem of loaded.problems) this.once(`pyreview: ${configErrorOf(loaded.file, problem).message}; left out`, (message) => this.host.log(message));
      }
      return loaded;
    } catch (error) {
      if (error instanceof ConfigError) this.host.configProblems?.(error.file, [{ line: error.line, detail: error.detail }]);
      const detail = error instanceof ConfigError ? error.message : `reading pyproject.toml failed: ${String(error)}`;
      this.once(`pyreview: ${detail}. Using the default configuration until it is fixed.`, (message) => this.host.warn(message));
      return undefined;
    }
  }

  /** Says something once per configuration change, so that typing does not repeat it. */
  private once(message: string, say: (message: string) => void): void {
    if (this.shownWarnings.has(message)) return;
    this.shownWarnings.add(message);
    say(message);
  }
}
