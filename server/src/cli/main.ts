import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '@pyreview/shared-rules';
import { runCheck, type CheckOptions } from './checkCommand';
import type { CliIo } from './cliIo';
import { stdoutWriter } from './fileOutput';
import { OUTPUT_FORMATS } from './reporters';
import { REVIEW_FORMATS, runReview, type ReviewOptions } from './reviewCommand';
import { printRule, printRules, RULES_FORMATS } from './ruleCommands';
import { startLanguageServer } from './serverCommand';
import { UsageError } from '../project/usageError';
import { PYREVIEW_VERSION } from '../version';
import { isCheckWorker } from './worker';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}

function buildProgram(io: CliIo, setStatus: (status: number) => void): Command {
  const program = new Command('pyreview')
    .description('A Python linter with fixes you can trust, and its language server.')
    .version(PYREVIEW_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('check')
    .description('Check Python files (directories are searched for *.py, *.pyi and *.ipynb, honouring .gitignore).')
    .argument('[paths...]', 'files or directories to check (default: the current directory)')
    .option('--select <codes>', 'only these rule codes or prefixes (comma-separated; replaces the configuration)', collect)
    .option('--extend-select <codes>', 'rule codes or prefixes to enable on top of the selection', collect)
    .option('--ignore <codes>', 'rule codes or prefixes to disable', collect)
    .option('--target-version <version>', 'the Python version the code runs on, such as py312')
    .option('--config <file>', 'a pyproject.toml to use for every file instead of the nearest one')
    .option('--exclude <globs>', 'files and directories to skip (comma-separated; replaces the configuration\'s exclude)', collect)
    .option('--extend-exclude <globs>', 'files and directories to skip on top of exclude', collect)
    .option('--extend-include <globs>', 'files to check on top of *.py, *.pyi and *.ipynb (such as *.pyw)', collect)
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('--fix', 'apply safe fixes', false)
    .option('--unsafe-fixes', 'also apply (with --fix) or count unsafe fixes', false)
    .option('--diff', 'print the fixes as a unified diff instead of writing them', false)
    .option('--add-noqa', 'add `# noqa: CODE` comments for every finding', false)
    .option('--statistics', 'print the number of findings per rule code', false)
    .option('--output-file <file>', 'write the report to a file instead of standard output')
    .option('--exit-zero', 'exit with status 0 even when there are findings', false)
    .option('--jobs <n>', 'worker threads (default: one per core)', positiveInteger)
    .option('--no-cache', 'ignore and do not update the result cache (.pyreview_cache/)')
    .action(async (paths: string[], flags: Omit<CheckOptions, 'paths'>) => {
      setStatus(await runCheck({ ...flags, paths }, io));
    });

  program
    .command('review')
    .description('Write a code review of Python files: security first, then one numbered point per category, with examples and what the fixes would change.')
    .argument('[paths...]', 'files or directories to review', [])
    .option('--select <codes>', 'only these rule codes or prefixes (default: every rule)', collect)
    .option('--extend-select <codes>', 'rule codes or prefixes to add', collect)
    .option('--ignore <codes>', 'rule codes or prefixes to leave out', collect)
    .option('--target-version <version>', 'the Python version the code runs on, such as py312')
    .option('--config <file>', 'a pyproject.toml to use for every file instead of the nearest one')
    .addOption(new Option('--format <format>', 'report format').choices(REVIEW_FORMATS).default('markdown'))
    .option('--output-file <file>', 'write the report to a file instead of standard output')
    .option('--jobs <n>', 'worker threads (default: one per core)', positiveInteger)
    .option('--no-cache', 'ignore and do not update the result cache (.pyreview_cache/)')
    .action(async (paths: string[], flags: Omit<ReviewOptions, 'paths'>) => {
      setStatus(await runReview({ ...flags, paths }, io));
    });

  program
    .command('rule')
    .description("Print a rule's documentation.")
    .argument('<code>', 'the rule code, such as E722')
    .action((code: string) => setStatus(printRule(code, io)));

  program
    .command('rules')
    .description('List every rule.')
    .addOption(new Option('--format <format>', 'output format').choices(RULES_FORMATS).default('text'))
    .action((flags: { format: (typeof RULES_FORMATS)[number] }) => setStatus(printRules(flags.format, io)));

  program
    .command('server')
    .description('Start the language server.')
    .option('--stdio', 'talk LSP over standard input and output')
    .option('--node-ipc', 'talk LSP over a Node IPC channel')
    .option('--socket <port>', 'talk LSP over a socket')
    .option('--clientProcessId <pid>', "exit when the client's process does")
    .action(() => startLanguageServer());

  return program;
}

/** Runs the CLI; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  const program = buildProgram(io, (value) => (status = value));
  if (argv.length <= 2) {
    io.stderr(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv);
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n`);
      return 2;
    }
    // The system refused something (a file that cannot be written, a disk full): its message says what, a stack trace nothing more.
    if (error instanceof Error && 'syscall' in error) {
      io.stderr(`error: ${error.message}\n`);
      return 2;
    }
    io.stderr(`error: pyreview failed: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/** The process entry point (`bin/pyreview.js`, the npm package's cli/launcher.ts); resolves once the exit status is set. */
export async function run(): Promise<void> {
  // The bundle is also the script of the CLI's worker threads, which serve checks instead (worker.ts).
  if (isCheckWorker()) return;
  // A reader that stops reading (`pyreview check | head -1`) ends the output, quietly: the run and its exit status go on.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const status = await main(process.argv, {
    cwd: process.cwd(),
    stdout: stdoutWriter(),
    stderr: (text) => process.stderr.write(text),
  });
  // Not process.exit(): piped output is still being written, and the server keeps running.
  process.exitCode = status;
}

if (require.main === module) void run();
