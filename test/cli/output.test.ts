import * as assert from 'assert';
import * as fs from 'fs';
import { ONLY_E722_E999, BARE_EXCEPT, TempProject } from './cliHarness';

interface RuffLocation {
  row: number;
  column: number;
}

interface RuffJsonItem {
  code: string;
  message: string;
  filename: string;
  location: RuffLocation;
  end_location: RuffLocation;
  fix: null | {
    applicability: string;
    message: string;
    edits: Array<{ content: string; location: RuffLocation; end_location: RuffLocation }>;
  };
  url: string;
  noqa_row: number;
}

describe('pyreview check: text and JSON output, exit codes', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({
      'pkg/bad.py': BARE_EXCEPT,
      'pkg/clean.py': 'def double(value):\n    return value * 2\n',
    });
  });
  afterEach(() => project.cleanup());

  it('prints path:row:col: CODE message and a summary, exit 1', () => {
    const run = project.run('check', ...ONLY_E722_E999);
    assert.strictEqual(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.strictEqual(lines[0], 'pkg/bad.py:3:1: E722 Do not use bare `except`');
    assert.strictEqual(lines[1], 'Found 1 error.');
    assert.match(lines[2], /^No fixes available \(1 hidden fix can be enabled with the `--unsafe-fixes` option\)\.$/);
  });

  it('counts the unsafe fix as fixable with --unsafe-fixes', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--unsafe-fixes');
    assert.match(run.stdout, /^\[\*\] 1 fixable with the `--fix` option\.$/m);
  });

  it('exits 0 with "All checks passed!" on clean files', () => {
    const run = project.run('check', ...ONLY_E722_E999, 'pkg/clean.py');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stdout, 'All checks passed!\n');
  });

  it('exits 0 with --exit-zero despite findings', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--exit-zero');
    assert.strictEqual(run.status, 0);
    assert.match(run.stdout, /E722/);
  });

  it('exits 2 on usage errors', () => {
    assert.strictEqual(project.run('check', '--format', 'xml').status, 2);
    assert.strictEqual(project.run('check', '--select', 'NOPE1').status, 2);
    assert.strictEqual(project.run('check', '--jobs', '0').status, 2);
    assert.strictEqual(project.run('check', '--target-version', 'py2').status, 2);
    const missing = project.run('check', 'no/such/dir');
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /no\/such\/dir: no such file or directory/);
    assert.strictEqual(project.run('frobnicate').status, 2);
  });

  it('--ignore and --select override the selection', () => {
    assert.strictEqual(project.run('check', '--select', 'E7', '--ignore', 'E722').status, 0);
    assert.strictEqual(project.run('check', '--select', 'E999').status, 0);
    assert.strictEqual(project.run('check', '--select', 'E999', '--extend-select', 'E722').status, 1);
  });

  it('--format json prints Ruff-shaped objects', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json');
    assert.strictEqual(run.status, 1);
    const items = JSON.parse(run.stdout) as RuffJsonItem[];
    assert.strictEqual(items.length, 1);
    assert.deepStrictEqual(items[0], {
      code: 'E722',
      end_location: { row: 3, column: 8 },
      filename: project.path('pkg/bad.py'),
      fix: {
        applicability: 'unsafe',
        message: 'Replace with `except Exception:`',
        edits: [{ content: ' Exception', location: { row: 3, column: 7 }, end_location: { row: 3, column: 7 } }],
      },
      location: { row: 3, column: 1 },
      message: 'Do not use bare `except`',
      noqa_row: 3,
      url: items[0].url,
    });
    assert.match(items[0].url, /^https:\/\/.+E722/);
  });

  it('--format json prints [] when clean and json-lines prints one object per line', () => {
    assert.strictEqual(project.run('check', ...ONLY_E722_E999, '--format', 'json', 'pkg/clean.py').stdout.trim(), '[]');
    project.write('pkg/bad2.py', BARE_EXCEPT + BARE_EXCEPT);
    const lines = project.run('check', ...ONLY_E722_E999, '--format', 'json-lines').stdout.trimEnd().split('\n');
    assert.strictEqual(lines.length, 3);
    const parsed = lines.map((line) => JSON.parse(line) as RuffJsonItem);
    assert.deepStrictEqual(parsed.map((item) => [item.filename, item.location.row]), [
      [project.path('pkg/bad.py'), 3],
      [project.path('pkg/bad2.py'), 3],
      [project.path('pkg/bad2.py'), 7],
    ]);
  });

  it('counts columns in characters (é, 😀, CJK before the finding)', () => {
    const line = 'print("é😀中文") )';
    project.write('unicode.py', `${BARE_EXCEPT}${line}\n`);
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json', 'unicode.py');
    const items = JSON.parse(run.stdout) as RuffJsonItem[];
    const syntax = items.find((item) => item.code === 'E999');
    assert.ok(syntax, run.stdout);
    const expectedColumn = [...line.slice(0, line.lastIndexOf(')'))].length + 1;
    assert.strictEqual(expectedColumn, 15); // 1-based: 16 in UTF-16 code units, 23 in UTF-8 bytes
    assert.deepStrictEqual(syntax.location, { row: 5, column: expectedColumn });
    const text = project.run('check', ...ONLY_E722_E999, 'unicode.py');
    assert.match(text.stdout, new RegExp(`^unicode\\.py:5:${expectedColumn}: E999 `, 'm'));
  });

  it('reports files that are not UTF-8 and exits 2, still checking the others', () => {
    fs.writeFileSync(project.path('latin1.py'), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]));
    const run = project.run('check', ...ONLY_E722_E999);
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /^error: latin1\.py is not valid UTF-8 and declares no other encoding \(PEP 263\)$/m);
    assert.match(run.stdout, /^pkg\/bad\.py:3:1: E722 /m);
  });

  it('--statistics counts findings per code', () => {
    project.write('pkg/bad2.py', BARE_EXCEPT + BARE_EXCEPT);
    const run = project.run('check', ...ONLY_E722_E999, '--statistics');
    assert.strictEqual(run.status, 1);
    assert.strictEqual(run.stdout, '3\tE722\t[ ] bare-except\n');
    const json = JSON.parse(project.run('check', ...ONLY_E722_E999, '--statistics', '--format', 'json').stdout);
    assert.deepStrictEqual(json, [{ code: 'E722', name: 'bare-except', count: 3, fixable: false }]);
  });

  it('--output-file writes the report to a file instead of stdout', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json', '--output-file', 'reports/out.json');
    assert.strictEqual(run.status, 1);
    assert.strictEqual(run.stdout, '');
    const items = JSON.parse(project.read('reports/out.json')) as RuffJsonItem[];
    assert.strictEqual(items[0].code, 'E722');
  });
});
