import * as fs from 'fs';
import * as path from 'path';
import {
  describeProblem,
  findPyprojectConfig,
  loadConfigFile,
  mergeSettings,
  readUserSettings,
  resolveSettings,
  RULES,
  type ConfigProblem,
  type LoadedConfig,
  type ResolvedSettings,
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
  /** Shows the mistakes in a configuration file where they are (none: the file is fine now). */
  showFileProblems(file: string, source: string | undefined, problems: readonly ConfigProblem[]): void;
  /** The workspace folder holding a file, where editor settings' relative paths start. */
  folderOf?(fsPath: string): string | undefined;
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

/**
 * The rule-related part of the editor's `pyreview.*` settings, as
 * UserSettings: null or an empty list means "not set here" (so that
 * `pyproject.toml` applies); each mistake is reported and the rest applies.
 */
export function editorUserSettings(rawSettings: unknown, report: (message: string) => void = () => undefined): UserSettings {
  const { settings, problems } = readUserSettings(asRecord(rawSettings), 'editor', RULES);
  for (const problem of problems) report(`${problem.setting}: ${problem.message}`);
  return settings;
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
  /** The mistakes last shown per configuration file, so that each change is shown once and a fixed file is cleared. */
  private readonly fileProblems = new Map<string, string>();
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
    // A file shown with mistakes may be fixed, or no longer configure pyreview: read it again now.
    for (const [file, shown] of this.fileProblems) {
      if (shown === '[]') continue;
      const loaded = fs.existsSync(file) ? loadConfigFile(file, RULES) : undefined;
      this.showProblems(loaded ?? { file, root: path.dirname(file), settings: {}, problems: [] });
    }
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
    const user = combineSettings(editorUserSettings(raw, (message) => this.warnOnce(`pyreview: ${message}; ignored`)), project?.settings, order);
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

  /** The nearest `[tool.pyreview]`, its mistakes shown in the file (what is valid in it applies). */
  /**
   * The nearest `[tool.pyreview]`, or that of the file `pyreview.configuration`
   * names; its mistakes are shown in the file (what is valid in it applies).
   */
  private pyprojectFor(fsPath: string, configurationFile: string | undefined): LoadedConfig | undefined {
    try {
      const loaded = configurationFile ? loadConfigFile(configurationFile, RULES) : findPyprojectConfig(path.dirname(fsPath), RULES);
      if (configurationFile && !loaded) this.warnOnce(`pyreview: ${configurationFile} has no [tool.pyreview] table. Using the default configuration.`);
      if (loaded) this.showProblems(loaded);
      return loaded;
    } catch (error) {
      this.warnOnce(`pyreview: reading pyproject.toml failed: ${String(error)}. Using the default configuration.`);
      return undefined;
    }
  }

  private showProblems({ file, source, problems }: LoadedConfig): void {
    if (!file) return;
    const key = JSON.stringify(problems);
    if (this.fileProblems.get(file) === key) return;
    this.fileProblems.set(file, key);
    this.host.showFileProblems(file, source, problems);
    if (problems.length) {
      // Shown in the file itself: the log says it too, without a notification at every configuration change.
      const described = problems.map((problem) => describeProblem(file, source, problem)).join('; ');
      this.host.log(`pyreview: ${described}. The rest of the configuration applies.`);
    }
  }

  private warnOnce(message: string): void {
    if (this.shownWarnings.has(message)) return;
    this.shownWarnings.add(message);
    this.host.warn(message);
  }
}
