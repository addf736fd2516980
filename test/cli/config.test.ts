import * as assert from 'assert';
import { BARE_EXCEPT, TempProject } from './cliHarness';

describe('pyreview check: configuration', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'src/bad.py': BARE_EXCEPT });
  });
  afterEach(() => project.cleanup());

  it('exits 2 on a broken pyproject.toml, naming the file and line', () => {
    project.write('pyproject.toml', '[project]\nname = "demo"\n\n[tool.pyreview]\nselect = "E722"\n');
    const run = project.run('check');
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stdout, '');
    assert.strictEqual(run.stderr.trim(), `error: ${project.path('pyproject.toml')}:5:1: select: expected a list of rule codes, got "E722"`);
  });

  it('exits 2 on a broken pyproject.toml when the file to check is named on the command line', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nselect = ["XYZ999", "F4"]\n');
    project.write('a.py', 'import os\n');
    const run = project.run('check', 'a.py');
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stdout, '');
    assert.match(run.stderr, /^error: .*pyproject\.toml:2:11: select: unknown rule code 'XYZ999'/);
  });

  it('exits 2 on invalid TOML, naming the line', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nselect = ["E722"\nignore = []\n');
    const run = project.run('check');
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, new RegExp(`^error: ${project.path('pyproject.toml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: invalid TOML`));
  });

  it('names every mistake with its place, with "did you mean" for typos, and exits 2', () => {
    project.write('pyproject.toml', [
      '[tool.pyreview]',
      'select = ["XYZ999", "F4"]',
      'extend-selct = ["ANN"]',
      'max-complexity = "ten"',
      'per-file-ignores = { "tests/*" = ["F4O1"] }',
      '',
      '[tool.pyreview.severity]',
      'E722 = "loud"',
      'NOPE = "off"',
      '',
    ].join('\n'));
    const run = project.run('check');
    const file = project.path('pyproject.toml');
    assert.strictEqual(run.stderr, [
      `error: ${file}:2:11: select: unknown rule code 'XYZ999': no rule code starts with it`,
      `error: ${file}:3:1: extend-selct: unknown setting (did you mean 'extend-select'?)`,
      `error: ${file}:4:1: max-complexity: expected a whole number, got "ten"`,
      `error: ${file}:5:35: per-file-ignores."tests/*": unknown rule code 'F4O1': no rule code starts with it (did you mean 'F401'?)`,
      `error: ${file}:8:1: severity.E722: expected one of error, warning, info, hint, off, got "loud"`,
      `error: ${file}:9:1: severity.NOPE: unknown rule code 'NOPE': no rule code starts with it`,
      '',
    ].join('\n'));
    assert.strictEqual(run.stdout, '');
    assert.strictEqual(run.status, 2);
  });

  it('suggests the code a mistyped --select meant', () => {
    const run = project.run('check', '--select', 'E72Z');
    assert.strictEqual(run.stderr, "error: invalid value for '--select': unknown rule code 'E72Z': no rule code starts with it (did you mean 'E722'?)\n");
    assert.strictEqual(run.status, 2);
  });

  it('uses the nearest [tool.pyreview] for each file; the command line overrides it', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nselect = ["E722"]\n');
    project.write('legacy/pyproject.toml', '[tool.pyreview]\nselect = ["E722"]\nignore = ["E722"]\n');
    project.write('legacy/old.py', BARE_EXCEPT);
    const run = project.run('check', '--format', 'json');
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(JSON.parse(run.stdout).map((item: { filename: string }) => item.filename), [project.path('src/bad.py')]);
    assert.strictEqual(project.run('check', '--ignore', 'E722').status, 0);
  });

  it('--select replaces the configured selection with its adjustments; --ignore and --extend-select add to it', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nselect = ["E999"]\nextend-select = ["E7"]\nignore = ["E722"]\n');
    project.write('src/broken.py', 'x = (\n');
    const codes = (...args: string[]): string[] =>
      (JSON.parse(project.run('check', '--format', 'json', ...args).stdout) as Array<{ code: string }>).map((item) => item.code);
    assert.deepStrictEqual(codes(), ['E999']);
    assert.deepStrictEqual(codes('--select', 'E722'), ['E722']);
    assert.deepStrictEqual(codes('--select', 'E722', '--extend-select', 'E999'), ['E722', 'E999']);
    assert.deepStrictEqual(codes('--ignore', 'E999'), []);
  });

  it('per-file-ignores patterns are relative to the configuration file', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nselect = ["E722"]\n[tool.pyreview.per-file-ignores]\n"src/*.py" = ["E722"]\n');
    project.write('other/bad.py', BARE_EXCEPT);
    const run = project.run('check');
    assert.strictEqual(run.status, 1);
    assert.match(run.stdout, /^other\/bad\.py:3:1: E722 /m);
    assert.doesNotMatch(run.stdout, /src\/bad\.py/);
  });

  it('--config FILE applies to every file, and a missing one is a configuration error', () => {
    project.write('ci/strict.toml', '[tool.pyreview]\nselect = ["E999"]\n');
    assert.strictEqual(project.run('check', '--config', 'ci/strict.toml').status, 0);
    const missing = project.run('check', '--config', 'ci/none.toml');
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /ci\/none\.toml: cannot be read/);
  });
});
