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
    assert.strictEqual(run.stderr.trim(), `${project.path('pyproject.toml')}:5: select: expected a list of strings`);
  });

  it('exits 2 on an unknown key, suggesting the key meant', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nextend-selct = ["ANN"]\n');
    const run = project.run('check');
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.stderr.trim(), `${project.path('pyproject.toml')}:2: extend-selct: unknown setting; did you mean \`extend-select\`?`);
  });

  it('exits 2 on invalid TOML, naming the line', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nselect = ["E722"\nignore = []\n');
    const run = project.run('check');
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, new RegExp(`^${project.path('pyproject.toml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: invalid TOML`));
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
