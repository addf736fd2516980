import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isNotebookPath } from '@pyreview/shared-rules';
import { openResultCache } from './cache';
import { checkEntries, readEntries, sourceOf, type Entry } from './checkFiles';
import type { CliIo, Output } from './cliIo';
import { checkTargetVersion, parseGlobList, parseSelectorList, type CommandLineSettings } from '../project/commandLineSettings';
import { ConfigResolver } from '../project/configResolver';
import { discoverFiles } from '../project/discovery';
import type { FileMode, FileOutcome } from './fileTask';
import { notebookDiff } from './notebookTask';
import { REPORTERS, type OutputFormat } from './reporters';
import { plural, type CheckReport, type FileReport } from './reporters/report';
import { writeToFile } from './fileOutput';
import { statisticsJsonReport, statisticsReport } from './reporters/statistics';
import { TaskRunner } from './runner';
import { writeSource } from '../project/sourceFile';
import { unifiedDiff } from './unifiedDiff';
import { analysisVersion, PYREVIEW_VERSION } from '../version';

/** The command line of `pyreview check`: the settings options as given (validated by `commandLineSettings`), and the rest. */
export interface CheckOptions extends CommandLineSettings {
  paths: string[];
  config?: string;
  format: OutputFormat;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  addNoqa: boolean;
  statistics: boolean;
  outputFile?: string;
  exitZero: boolean;
  jobs?: number;
  cache: boolean;
}

function modeOf(options: CheckOptions): FileMode {
  if (options.diff) return 'diff';
  if (options.addNoqa) return 'add-noqa';
  return options.fix ? 'fix' : 'check';
}

/** The rule selection given on the command line, validated. */
export function commandLineSettings(options: CommandLineSettings): CommandLineSettings {
  return {
    select: parseSelectorList(options.select, '--select'),
    extendSelect: parseSelectorList(options.extendSelect, '--extend-select'),
    ignore: parseSelectorList(options.ignore, '--ignore'),
    targetVersion: checkTargetVersion(options.targetVersion),
    exclude: parseGlobList(options.exclude),
    extendExclude: parseGlobList(options.extendExclude),
    extendInclude: parseGlobList(options.extendInclude),
  };
}

/**
 * Finds the files to check and their configurations. Mistakes in a
 * configuration file stop the run (exit status 2, as a mistake on the
 * command line does): every one is reported, with its place.
 */
export function discoverWithConfigurations(options: Pick<CheckOptions, 'paths' | 'config'>, settings: CommandLineSettings, io: CliIo): { configs: ConfigResolver; files: string[] } | undefined {
  const configs = new ConfigResolver(settings, io.cwd, options.config);
  const discovery = discoverFiles(options.paths, io.cwd, configs);
  for (const warning of discovery.warnings) io.stderr(`warning: ${warning}\n`);
  // Files named on the command line were not looked for: their configurations are read here.
  for (const file of discovery.files) configs.forFile(file);
  for (const problem of configs.problems) io.stderr(`error: ${problem}\n`);
  return configs.problems.length ? undefined : { configs, files: discovery.files };
}

/** `pyreview check`: returns the exit status (0 clean, 1 findings, 2 trouble). */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const discovered = discoverWithConfigurations(options, commandLineSettings(options), io);
  if (!discovered) return 2;
  const { configs, files: paths } = discovered;
  if (!paths.length) io.stderr('warning: No Python files found under the given path(s)\n');

  const mode = modeOf(options);
  const checkMode = { mode, unsafeFixes: options.unsafeFixes, findingObjects: mode !== 'check' || options.format !== 'json' || options.statistics };
  const cache = options.cache ? openResultCache(io.cwd, analysisVersion(), (message) => io.stderr(`warning: ${message}\n`)) : undefined;
  const { entries, unchecked } = readEntries(paths, configs, cache, checkMode, io);
  const runner = new TaskRunner({ jobs: options.jobs ?? os.availableParallelism(), explicit: options.jobs !== undefined });
  let outcomes: Array<{ entry: Entry; outcome: FileOutcome }>;
  try {
    outcomes = await checkEntries(entries, runner, cache, checkMode);
  } finally {
    await runner.close();
  }

  let fixed = 0;
  // A file that was not fully checked must not pass silently: the run ends with status 2.
  let incomplete = unchecked > 0;
  const patches: string[] = [];
  for (const { entry, outcome } of outcomes) {
    for (const error of outcome.internalErrors) {
      io.stderr(`error: internal error while checking ${entry.displayPath}: ${error.split('\n')[0]}\n`);
      incomplete = true;
    }
    if (outcome.leftForSyntaxError) io.stderr(`warning: ${entry.displayPath} was left unchanged: it has a syntax error (E999)\n`);
    const fixes = Object.values(outcome.fixed).reduce((sum, count) => sum + count, 0);
    if (outcome.newText === undefined) continue;
    if (mode === 'diff') {
      const diff = isNotebookPath(entry.path) ? notebookDiff : unifiedDiff;
      patches.push(diff(entry.displayPath, sourceOf(entry).text, outcome.newText));
      fixed += fixes;
      continue;
    }
    const problem = writeSource(entry.path, sourceOf(entry), outcome.newText);
    if (problem) {
      io.stderr(`error: ${entry.displayPath} was left unchanged: ${problem}\n`);
      incomplete = true;
    } else {
      fixed += fixes;
    }
  }
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr(`warning: ${cacheProblem}\n`);

  if (mode === 'diff') {
    io.stdout(patches.join(''));
    // A blank line keeps the summary apart from the diff when both reach one terminal or file.
    const separator = patches.length ? '\n' : '';
    io.stderr(`${separator}${fixed ? `Would fix ${plural(fixed, 'error')}.` : 'No errors would be fixed.'}\n`);
    return incomplete ? 2 : patches.length ? 1 : 0;
  }
  if (mode === 'add-noqa') {
    const added = outcomes.reduce((sum, { outcome }) => sum + outcome.noqaAdded, 0);
    io.stderr(`Added ${plural(added, 'noqa directive')}.\n`);
    return incomplete ? 2 : 0;
  }

  const files: FileReport[] = entries
    .filter((entry) => entry.findings && !entry.findings.isEmpty)
    .map((entry) => ({ path: entry.path, displayPath: entry.displayPath, findings: entry.findings! }));
  const report: CheckReport = { files, fixed, unsafeFixes: options.unsafeFixes, cwd: io.cwd, version: PYREVIEW_VERSION };
  const output = options.statistics
    ? options.format === 'json' ? statisticsJsonReport(report) : statisticsReport(report)
    : REPORTERS[options.format](report);
  writeOutput(output, options.outputFile, io);
  if (incomplete) return 2;
  return files.length && !options.exitZero ? 1 : 0;
}

/** Writes a report to `--output-file`, or to standard output. */
export function writeOutput(output: Output, outputFile: string | undefined, io: CliIo): void {
  if (outputFile) {
    const target = path.resolve(io.cwd, outputFile);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const descriptor = fs.openSync(target, 'w');
    try {
      writeToFile(descriptor, output);
    } finally {
      fs.closeSync(descriptor);
    }
  } else {
    io.stdout(output);
  }
}
