import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Fixed copies of corpus files in a temporary directory, compiled by the
 * machine's Python at the end: the proof that fixes leave valid code.
 */
export class CompiledCopies {
  private readonly directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-fixed-'));
  private readonly files: string[] = [];

  get count(): number {
    return this.files.length;
  }

  add(originalPath: string, text: string): void {
    const target = path.join(this.directory, `${this.files.length}_${path.basename(originalPath)}`);
    fs.writeFileSync(target, text);
    this.files.push(target);
  }

  /** `python3 -m py_compile` on every copy; one message per file that does not compile. */
  compileErrors(): string[] {
    if (!this.files.length) return [];
    const compiled = spawnSync('python3', ['-c', [
      'import py_compile, sys',
      'for name in sys.argv[1:]:',
      '    try: py_compile.compile(name, doraise=True, cfile=name + "c")',
      '    except py_compile.PyCompileError as error: print(name, error.msg.splitlines()[-1])',
    ].join('\n'), ...this.files], { encoding: 'utf8' });
    if (compiled.status !== 0) return [`python3 failed: ${compiled.stderr}`];
    return compiled.stdout.trim() ? compiled.stdout.trim().split('\n').map((line) => `does not compile: ${line}`) : [];
  }

  remove(): void {
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}
