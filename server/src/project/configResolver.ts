import * as path from 'path';
import picomatch from 'picomatch';
import {
  ConfigError,
  configErrorOf,
  findPyprojectConfig,
  loadConfigFile,
  resolveSettings,
  RULES,
  type LoadedConfig,
  type ResolvedSettings,
  type UserSettings,
} from '@pyreview/shared-rules';
import { applyCommandLine, type CommandLineSettings } from './commandLineSettings';

/** The settings that apply to the files of one directory. */
export interface DirectoryConfig {
  /** The directory `per-file-ignores` and `exclude` patterns are relative to. */
  root: string;
  /** The configuration file's settings with the command line's on top. */
  settings: UserSettings;
  resolved: ResolvedSettings;
  isExcluded(filePath: string): boolean;
}

const RULE_OPTIONS = RULES.flatMap((rule) => rule.meta.options ?? []);

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * Exclude patterns without a slash match any file or directory of that name
 * (`build`, `*.pyi`) below the root; patterns with one match the path from the
 * root (`tests/data/**`).
 */
export function excludeMatcher(root: string, patterns: readonly string[]): (filePath: string) => boolean {
  const byName = patterns.filter((p) => !p.includes('/')).map((p) => picomatch(p, { dot: true }));
  const byPath = patterns.filter((p) => p.includes('/')).map((p) => picomatch(p.replace(/^\.\//, ''), { dot: true }));
  return (filePath) => {
    const relative = toPosix(path.relative(root, filePath));
    const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
    const names = inside ? relative.split('/') : [path.basename(filePath)];
    if (byName.some((matches) => names.some((name) => matches(name)))) return true;
    return inside && byPath.some((matches) => names.some((_, i) => matches(names.slice(0, i + 1).join('/'))));
  };
}

/**
 * Finds each directory's configuration: `--config FILE` for every file, or the
 * nearest `pyproject.toml` with a `[tool.pyreview]` table. Command-line
 * settings override the file's. Throws ConfigError for broken files, and,
 * unless `leaveOutMistakes` (the editor's workspace index), for a key in
 * error, where the command line stops.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, DirectoryConfig>();
  private readonly byConfigFile = new Map<string, DirectoryConfig>();
  private readonly fixed?: LoadedConfig;

  constructor(
    private readonly commandLine: CommandLineSettings,
    private readonly cwd: string,
    configFile?: string,
    private readonly leaveOutMistakes = false,
  ) {
    if (configFile) {
      const file = path.resolve(cwd, configFile);
      const loaded = this.checked(loadConfigFile(file, RULE_OPTIONS));
      if (!loaded) throw new ConfigError(file, undefined, 'has no [tool.pyreview] table');
      this.fixed = loaded;
    }
  }

  forDirectory(directory: string): DirectoryConfig {
    let config = this.byDirectory.get(directory);
    if (!config) {
      const loaded = this.fixed ?? this.checked(findPyprojectConfig(directory, RULE_OPTIONS));
      config = this.fromLoaded(loaded);
      this.byDirectory.set(directory, config);
    }
    return config;
  }

  private checked(loaded: LoadedConfig | undefined): LoadedConfig | undefined {
    const [problem] = loaded?.problems ?? [];
    if (problem && !this.leaveOutMistakes) throw configErrorOf(loaded!.file!, problem);
    return loaded;
  }

  forFile(filePath: string): DirectoryConfig {
    return this.forDirectory(path.dirname(filePath));
  }

  /** Directories under one configuration file share one resolved configuration. */
  private fromLoaded(loaded: LoadedConfig | undefined): DirectoryConfig {
    const key = loaded?.file ?? '';
    let config = this.byConfigFile.get(key);
    if (!config) {
      const root = loaded?.root ?? this.cwd;
      const settings = applyCommandLine(loaded?.settings, this.commandLine);
      const resolved = resolveSettings(RULES, settings);
      config = { root, settings, resolved, isExcluded: excludeMatcher(root, resolved.exclude) };
      this.byConfigFile.set(key, config);
    }
    return config;
  }
}
