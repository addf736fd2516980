import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempProject } from './cliHarness';
import { STDLIB } from '../helpers/stdlib';

const SAMPLE = ['argparse.py', 'calendar.py', 'csv.py', 'difflib.py', 'ftplib.py', 'gettext.py', 'shutil.py', 'tarfile.py'];

describe('pyreview check: worker threads', () => {
  let project: TempProject;
  before(() => {
    project = new TempProject();
    for (const name of SAMPLE) project.write(`lib/${name}`, fs.readFileSync(path.join(STDLIB, name), 'utf8'));
    // Bare excepts, so that there is something to find whichever rules exist.
    project.write('lib/zz_extra.py', 'try:\n    pass\nexcept:\n    pass\n');
  });
  after(() => project.cleanup());

  it('gives the same output, in the same order, with 1 and with 2 worker threads', () => {
    const inProcess = project.run('check', '--no-cache', '--jobs', '1', '--format', 'json', '--exit-zero');
    const pooled = project.run('check', '--no-cache', '--jobs', '2', '--format', 'json', '--exit-zero');
    assert.strictEqual(inProcess.status, 0, inProcess.stderr);
    assert.strictEqual(pooled.status, 0, pooled.stderr);
    // No progress bar either: stderr is a pipe here.
    assert.strictEqual(pooled.stderr, '');
    assert.strictEqual(inProcess.stderr, '');
    const items = JSON.parse(pooled.stdout) as Array<{ filename: string; location: { row: number } }>;
    assert.ok(items.some((item) => item.filename.endsWith('zz_extra.py')));
    assert.strictEqual(pooled.stdout, inProcess.stdout);
    const order = items.map((item) => `${item.filename}\0${String(item.location.row).padStart(6, '0')}`);
    assert.deepStrictEqual(order, [...order].sort());
  });
});
