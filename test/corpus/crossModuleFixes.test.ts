/**
 * `pyreview check --fix` (safe fixes, default rules) on a copy of the whole standard
 * library must not break one module's `from X import name` of another: a name a
 * module imports only to pass it on looks unused there (F401), and removing it is
 * what breaks users' packages. Python's own `ast` lists the imports that no longer
 * resolve, before and after (test/corpus/python/broken_imports.py; nothing is run).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pythonFiles } from '../../scripts/pythonCorpus';
import { pyreview } from '../cli/cliHarness';
import { REPO_ROOT } from '../helpers/paths';
import { STDLIB } from '../helpers/stdlib';

const BROKEN_IMPORTS = path.join(REPO_ROOT, 'test', 'corpus', 'python', 'broken_imports.py');
/** Test suites and installed packages are not the library itself. */
const SKIPPED = /(^|\/)(tests?|idle_test|site-packages|dist-packages)(\/|$)/;

function brokenImports(root: string): string[] {
  const run = spawnSync('python3', [BROKEN_IMPORTS, root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.strictEqual(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe('safe fixes across the modules of the standard library', function () {
  this.timeout(300_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-stdlib-'));
    for (const file of pythonFiles(STDLIB)) {
      const relative = path.relative(STDLIB, file);
      if (SKIPPED.test(relative.split(path.sep).join('/'))) continue;
      fs.mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
      fs.copyFileSync(file, path.join(root, relative));
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('leave every `from X import name` between its modules resolving', () => {
    const before = brokenImports(root);
    const run = pyreview(['check', '--fix', '--exit-zero', '--no-cache', '.'], root);
    assert.strictEqual(run.status, 0, run.stderr);
    const fixed = /(\d+) fixed/.exec(run.stdout + run.stderr);
    assert.ok(fixed && Number(fixed[1]) > 100, `the run fixed too little to prove anything:\n${run.stdout.slice(-500)}`);
    const after = brokenImports(root);
    assert.deepStrictEqual(after.filter((reference) => !before.includes(reference)), []);
  });
});
