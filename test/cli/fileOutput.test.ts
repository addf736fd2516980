import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { writeTextToFile } from 'pyreview-server/out/cli/fileOutput';
import { BARE_EXCEPT, CLI, ONLY_E722_E999, TempProject } from './cliHarness';

describe('pyreview check: output written to a regular file', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject();
  });
  afterEach(() => project.cleanup());

  function writtenBytes(text: string): Buffer {
    const file = project.path('out.txt');
    const descriptor = fs.openSync(file, 'w');
    try {
      writeTextToFile(descriptor, text);
    } finally {
      fs.closeSync(descriptor);
    }
    return fs.readFileSync(file);
  }

  it('writes text of many slices as UTF-8, a surrogate pair across a slice boundary included', () => {
    for (const text of ['', 'é', `${'a'.repeat((1 << 16) - 1)}😀b`, `${'€'.repeat(200_000)}😀${'x'.repeat(70_000)}`]) {
      assert.ok(writtenBytes(text).equals(Buffer.from(text, 'utf8')), `${text.length} units`);
    }
  });

  it('prints the same report to a file as to a pipe', () => {
    // Enough findings for a report of several slices, with characters of every UTF-8 length in their file name.
    project.write('pkg/näme_😀_€.py', BARE_EXCEPT.repeat(3000));
    const args = [CLI, 'check', '--exit-zero', '--no-cache', ...ONLY_E722_E999, '--format', 'json', 'pkg'];
    const piped = spawnSync(process.execPath, args, { cwd: project.root, maxBuffer: 256 * 1024 * 1024 });
    const file = project.path('report.json');
    const descriptor = fs.openSync(file, 'w');
    try {
      spawnSync(process.execPath, args, { cwd: project.root, stdio: ['ignore', descriptor, 'pipe'] });
    } finally {
      fs.closeSync(descriptor);
    }
    assert.ok(piped.stdout.length > 1 << 18, `${piped.stdout.length} bytes`);
    assert.ok(fs.readFileSync(file).equals(piped.stdout));
  });
});
