/**
 * The npm package as a user installs it: `npm pack` of this checkout (its prepack script
 * bundles lib/), installed globally into a temporary prefix with the network off: `--offline`,
 * an empty npm cache, and a registry nobody answers, so that anything the package failed
 * to bundle cannot be fetched.
 */
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

/** Nothing listens on the discard port: a fetch fails at once instead of reaching a registry. */
const NO_REGISTRY = 'http://127.0.0.1:9/';

export interface CommandRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): CommandRun {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function succeed(command: string, args: readonly string[], options: SpawnSyncOptions = {}): string {
  const result = run(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export class InstalledPackage {
  private constructor(
    readonly dir: string,
    readonly tarball: string,
    readonly prefix: string,
  ) {}

  /** Packs this checkout and installs the tarball globally into a fresh prefix. */
  static install(): InstalledPackage {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-npm-')));
    const name = succeed('npm', ['pack', '--pack-destination', dir], { cwd: REPO_ROOT }).trim().split('\n').pop()!;
    const tarball = path.join(dir, name);
    const prefix = path.join(dir, 'prefix');
    succeed('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--cache', path.join(dir, 'cache'), '--registry', NO_REGISTRY, '--prefix', prefix, tarball], {
      cwd: dir,
    });
    return new InstalledPackage(dir, tarball, prefix);
  }

  /** A PATH with the prefix's `bin` first, then only Node.js and the system's directories (no checkout's `pyreview`). */
  get path(): string {
    return [path.join(this.prefix, 'bin'), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter);
  }

  /** Where the command keeps its V8 code cache here (not in the user's cache directory). */
  get codeCacheDir(): string {
    return path.join(this.dir, 'code-cache');
  }

  /** Runs `pyreview ARGS` as a shell would, finding it on PATH. */
  pyreview(args: readonly string[], cwd: string): CommandRun {
    return run('pyreview', args, { cwd, env: { ...process.env, PATH: this.path, PYREVIEW_CODE_CACHE_DIR: this.codeCacheDir } });
  }

  /** `npx --package TARBALL pyreview ARGS`, offline with an empty cache of its own. */
  npx(args: readonly string[], cwd: string): CommandRun {
    const cache = path.join(this.dir, 'npx-cache');
    return run('npx', ['--offline', '--yes', '--cache', cache, '--registry', NO_REGISTRY, '--package', this.tarball, 'pyreview', ...args], { cwd });
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
