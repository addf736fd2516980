import * as path from 'path';
import picomatch from 'picomatch';
import {
  ConfigError,
  describeProblem,
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
  /** Whether a file found in a directory is one to check (`include`). */
  isIncluded(filePath: string): boolean;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * Patterns without a slash match a name (`build`, `*.pyi`); patterns with one
 * match the path from the root (`tests/data/**`). For `exclude` (`components`)
 * a name is any file or directory on the way from the root, and a path any
 * leading part of it; for `include`, the file's own name and whole path.
 */
export function pathMatcher(root: string, patterns: readonly string[], match: 'components' | 'file' = 'components'): (filePath: string) => boolean {
  const byName = patterns.filter((p) => !p.includes('/')).map((p) => picomatch(p, { dot: true }));
  const byPath = patterns.filter((p) => p.includes('/')).map((p) => picomatch(p.replace(/^\.\//, ''), { dot: true }));
  return (filePath) => {
    const relative = toPosix(path.relative(root, filePath));
    const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
    const names = inside ? relative.split('/') : [path.basename(filePath)];
    const candidates = match === 'file' ? names.slice(-1) : names;
    if (byName.some((matches) => candidates.some((name) => matches(name)))) return true;
    if (!inside) return false;
    const paths = match === 'file' ? [relative] : names.map((_, i) => names.slice(0, i + 1).join('/'));
    return byPath.some((matches) => paths.some((candidate) => matches(candidate)));
  };
}

/**
 * Finds each directory's configuration: `--config FILE` for every file, or the
 * nearest `pyproject.toml` with a `[tool.pyreview]` table. Command-line
 * settings override the file's. Mistakes in the files are collected in
 * `problems` (the valid rest applies); a `--config` file without the table
 * throws ConfigError.
 */
export class ConfigResolver {
  /** The mistakes of every configuration file read so far, described with their places. */
  readonly problems: string[] = [];
  private readonly byDirectory = new Map<string, DirectoryConfig>();
  private readonly byConfigFile = new Map<string, DirectoryConfig>();
  private readonly fixed?: LoadedConfig;

  constructor(
    private readonly commandLine: CommandLineSettings,
    private readonly cwd: string,
    configFile?: string,
  ) {
    if (configFile) {
      const file = path.resolve(cwd, configFile);
      const loaded = loadConfigFile(file, RULES);
      if (!loaded) throw new ConfigError(file, 'has no [tool.pyreview] table');
      this.fixed = loaded;
    }
  }

  forDirectory(directory: string): DirectoryConfig {
    let config = this.byDirectory.get(directory);
    if (!config) {
      const loaded = this.fixed ?? findPyprojectConfig(directory, RULES);
      config = this.fromLoaded(loaded);
      this.byDirectory.set(directory, config);
    }
    return config;
  }

  forFile(filePath: string): DirectoryConfig {
    return this.forDirectory(path.dirname(filePath));
  }

  /** Directories under one configuration file share one resolved configuration. */
  private fromLoaded(loaded: LoadedConfig | undefined): DirectoryConfig {
    const key = loaded?.file ?? '';
    let config = this.byConfigFile.get(key);
    if (!config) {
      for (const problem of loaded?.problems ?? []) this.problems.push(describeProblem(loaded!.file!, loaded!.source, problem));
      const root = loaded?.root ?? this.cwd;
      const settings = applyCommandLine(loaded?.settings, this.commandLine);
      const resolved = resolveSettings(RULES, settings);
      config = { root, settings, resolved, isExcluded: pathMatcher(root, resolved.exclude), isIncluded: pathMatcher(root, resolved.include, 'file') };
      this.byConfigFile.set(key, config);
    }
    return config;
  }
}
