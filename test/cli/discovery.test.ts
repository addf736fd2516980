import * as assert from 'assert';
import * as fs from 'fs';
import { BARE_EXCEPT, ONLY_E722_E999, TempProject } from './cliHarness';

function flaggedFiles(stdout: string): string[] {
  return (JSON.parse(stdout) as Array<{ filename: string }>).map((item) => item.filename);
}

describe('pyreview check: finding files', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({
      'main.py': BARE_EXCEPT,
      'stubs/api.pyi': 'def f(x): ...\ntry:\n    pass\nexcept:\n    pass\n',
      'notes.txt': BARE_EXCEPT,
      'generated/out.py': BARE_EXCEPT,
      'generated/keep.py': BARE_EXCEPT,
      'lib/vendor/third.py': BARE_EXCEPT,
      'lib/own.py': BARE_EXCEPT,
      'lib/scratch_1.py': BARE_EXCEPT,
      'build/copy.py': BARE_EXCEPT,
      '.venv/site.py': BARE_EXCEPT,
      '.gitignore': 'generated/*\n!generated/keep.py\n',
      'lib/.gitignore': 'vendor/\nscratch_*.py\n',
    });
  });
  afterEach(() => project.cleanup());

  it('finds *.py and *.pyi recursively, honouring nested .gitignore files and the default excludes', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json');
    assert.deepStrictEqual(flaggedFiles(run.stdout), [
      project.path('generated/keep.py'),
      project.path('lib/own.py'),
      project.path('main.py'),
      project.path('stubs/api.pyi'),
    ]);
  });

  it('honours the .gitignore files of the repository above the directory it is given', () => {
    fs.mkdirSync(project.path('.git'));
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json', 'generated');
    assert.deepStrictEqual(flaggedFiles(run.stdout), [project.path('generated/keep.py')]);
  });

  it('always checks files named on the command line', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json', 'generated/out.py', 'build/copy.py', 'notes.txt');
    assert.deepStrictEqual(flaggedFiles(run.stdout), [
      project.path('build/copy.py'),
      project.path('generated/out.py'),
      project.path('notes.txt'),
    ]);
  });

  it('applies exclude and extend-exclude from the configuration', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nextend-exclude = ["stubs", "lib/own.py"]\n');
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json');
    assert.deepStrictEqual(flaggedFiles(run.stdout), [project.path('generated/keep.py'), project.path('main.py')]);
  });

  it('takes the files include and extend-include name, from the configuration and the command line', () => {
    project.write('tools/run.pyw', BARE_EXCEPT);
    project.write('pyproject.toml', '[tool.pyreview]\ninclude = ["*.py"]\nextend-include = ["*.pyw"]\n');
    const configured = project.run('check', ...ONLY_E722_E999, '--format', 'json');
    assert.deepStrictEqual(flaggedFiles(configured.stdout), [
      project.path('generated/keep.py'),
      project.path('lib/own.py'),
      project.path('main.py'),
      project.path('tools/run.pyw'),
    ], 'no stub: include names *.py only; run.pyw through extend-include');
    project.write('pyproject.toml', '');
    const given = project.run('check', ...ONLY_E722_E999, '--format', 'json', '--extend-include', '*.pyw', '--extend-exclude', 'lib,stubs');
    assert.deepStrictEqual(flaggedFiles(given.stdout), [project.path('generated/keep.py'), project.path('main.py'), project.path('tools/run.pyw')]);
    const replaced = project.run('check', ...ONLY_E722_E999, '--format', 'json', '--exclude', 'main.py');
    assert.ok(flaggedFiles(replaced.stdout).includes(project.path('build/copy.py')), '--exclude replaces the default list');
    assert.ok(!flaggedFiles(replaced.stdout).includes(project.path('main.py')));
  });

  it('warns and exits 0 when there is no Python file', () => {
    const run = project.run('check', 'build/../notes.txt', '--select', 'E999');
    assert.strictEqual(run.status, 0);
    const empty = new TempProject({ 'readme.md': '# nothing\n' });
    try {
      const none = empty.run('check');
      assert.strictEqual(none.status, 0);
      assert.match(none.stderr, /No Python files found/);
    } finally {
      empty.cleanup();
    }
  });
});
