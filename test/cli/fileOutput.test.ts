import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { writeTextToFile, writeToFile } from 'pyreview-server/out/cli/fileOutput';
import { BARE_EXCEPT, CLI, ONLY_E722_E999, TempProject } from './cliHarness';

describe('pyreview check: output written to a regular file', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject();
  });
  afterEach(() => project.cleanup());

  function writtenBytes(output: string | Uint8Array[]): Buffer {
    const file = project.path('out.txt');
    const descriptor = fs.openSync(file, 'w');
    try {
      if (typeof output === 'string') writeTextToFile(descriptor, output);
      else writeToFile(descriptor, output);
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

  it('writes pieces of bytes, more than one system call takes', () => {
    const pieces = Array.from({ length: 2500 }, (_, i) => Buffer.from(i % 7 ? `piece ${i}, ` : ''));
    assert.ok(writtenBytes(pieces).equals(Buffer.concat(pieces)));
  });

  it('prints the same report to a file as to a pipe', () => {
    // Enough findings for a report of several slices, with characters of every UTF-8 length in their file name.
    project.write('pkg/näme_😀_€.py', BARE_EXCEPT.repeat(3000));
    const args = [CLI, 'check', '--exit-zero', '--no-cache', ...ONLY_E722_E999, '--format', 'json', 'pkg'];
    const piped = spawnSync(process.execPath, args, { cwd: project.root, maxBuffer: 256 * 1024 * 1024 });
    assert.ok(piped.stdout.length > 1 << 18, `${piped.stdout.length} bytes`);
    // Uncached, then filling the cache and from it (the report spliced from the cached text).
    for (const cache of [['--no-cache'], [], []]) {
      const file = project.path('report.json');
      const descriptor = fs.openSync(file, 'w');
      try {
        spawnSync(process.execPath, [...args.filter((arg) => arg !== '--no-cache'), ...cache], { cwd: project.root, stdio: ['ignore', descriptor, 'pipe'] });
      } finally {
        fs.closeSync(descriptor);
      }
      assert.ok(fs.readFileSync(file).equals(piped.stdout), cache.join(' '));
    }
  });
});
