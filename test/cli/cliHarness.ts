import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

export const CLI = path.join(REPO_ROOT, 'server', 'bin', 'pyreview.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `pyreview` process, as a user or CI would (`user`: another uid and gid to run as). */
export function pyreview(args: readonly string[], cwd: string, user?: { uid: number; gid: number }): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024, ...user });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary project with the given files (paths relative to its root); removed by `cleanup()`. */
export class TempProject {
  readonly root: string;

  constructor(files: Record<string, string> = {}) {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-cli-')));
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  path(name: string): string {
    return path.join(this.root, name);
  }

  write(name: string, text: string | Uint8Array): void {
    fs.mkdirSync(path.dirname(this.path(name)), { recursive: true });
    fs.writeFileSync(this.path(name), text);
  }

  read(name: string): string {
    return fs.readFileSync(this.path(name), 'utf8');
  }

  readBytes(name: string): Buffer {
    return fs.readFileSync(this.path(name));
  }

  run(...args: string[]): CliRun {
    return pyreview(args, this.root);
  }

  cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** The rules these tests exercise; other rules land concurrently and must not change the expectations. */
export const ONLY_E722_E999 = ['--select', 'E722,E999'];

export const BARE_EXCEPT = 'try:\n    run()\nexcept:\n    pass\n';
