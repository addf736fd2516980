import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

// `npm run bench` end to end on a small scale, so that the benchmark itself cannot rot between the runs
// that fill bench/RESULTS.md: it bundles the server as the extension ships it, starts it, types, and
// reports a number in every measured column.
const RUN = path.join(REPO_ROOT, 'bench', 'run.js');

function bench(args: string[], workDir: string) {
  // The benchmark works in os.tmpdir(): a fresh one keeps parallel test runs apart.
  return spawnSync(process.execPath, [RUN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, TMPDIR: workDir } });
}

/** The end of a process's output, enough to say what went wrong (a bundled server's error echoes its source). */
function tail(text: string): string {
  return text.length > 3000 ? `…${text.slice(-3000)}` : text;
}

/** The cells of the table row that starts with `first` (cells are separated by runs of two or more spaces). */
function row(output: string, first: RegExp): string[] {
  const line = output.split('\n').find((text) => first.test(text.trim()));
  assert.ok(line, `no row ${first} in:\n${output}`);
  return line.trim().split(/\s{2,}/);
}

describe('benchmark (npm run bench) on a small scale', function () {
  this.timeout(300_000);
  let workDir: string;

  before(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-bench-test-'));
  });

  after(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('says how it is used for an unknown option, without a stack trace', () => {
    const result = bench(['--sizes-of', '1000'], workDir);
    assert.strictEqual(result.status, 2, tail(result.stderr));
    assert.match(result.stderr, /unknown option --sizes-of/);
    assert.match(result.stderr, /usage: npm run bench/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('types at two edit sites and in a notebook through the bundled server, and writes every figure', () => {
    const results = path.join(workDir, 'results.md');
    const args = ['--only', 'sites,notebook', '--sizes', '1000', '--sites', 'function,import', '--edits', '3', '--warmup', '1', '--settles', '1', '--skip-cli', '--results', results];
    const result = bench(args, workDir);
    assert.strictEqual(result.status, 0, `${tail(result.stdout)}\n${tail(result.stderr)}`);
    for (const site of ['function', 'import']) {
      const cells = row(result.stdout, new RegExp(`^1k\\s+${site}\\s`));
      // file, site, line, lines, p50, p95, max, edits, lints, CPU/lint: all measured.
      const [p50, p95, max, edits, lints, cpu] = cells.slice(4, 10).map(Number);
      assert.ok(p50 > 0 && p95 >= p50 && max >= p95, cells.join(' | '));
      assert.strictEqual(edits, 3);
      assert.ok(lints >= 1 && cpu > 0, cells.join(' | '));
      assert.ok(cells.some((cell) => /^\d+(\.\d+)?$/.test(cell) && Number(cell) > 0), 'initialize → first diagnostics');
    }
    const notebook = row(result.stdout, /^bench\.ipynb\s/);
    assert.strictEqual(Number(notebook[1]), 200, notebook.join(' | '));
    assert.ok(Number(notebook[3]) > 0, notebook.join(' | '));
    const written = fs.readFileSync(results, 'utf8');
    assert.match(written, /Machine: \d+ CPUs/);
    assert.match(written, /\| 1k \| function \|/);
    assert.match(written, /bench\.ipynb/);
  });
});
