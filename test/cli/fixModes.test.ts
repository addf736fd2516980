import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { BARE_EXCEPT, ONLY_E722_E999, TempProject } from './cliHarness';

const FIXED = 'try:\n    run()\nexcept Exception:\n    pass\n';

describe('pyreview check: --fix, --diff, --add-noqa', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'a.py': BARE_EXCEPT, 'b.py': `# é😀\n${BARE_EXCEPT}` });
  });
  afterEach(() => project.cleanup());

  it('--fix leaves unsafe fixes alone; --unsafe-fixes applies them and is idempotent', () => {
    const safeOnly = project.run('check', ...ONLY_E722_E999, '--fix');
    assert.strictEqual(safeOnly.status, 1);
    assert.strictEqual(project.read('a.py'), BARE_EXCEPT);

    const unsafe = project.run('check', ...ONLY_E722_E999, '--fix', '--unsafe-fixes');
    assert.strictEqual(unsafe.status, 0, unsafe.stdout + unsafe.stderr);
    assert.match(unsafe.stdout, /^Found 2 errors \(2 fixed, 0 remaining\)\.$/m);
    assert.strictEqual(project.read('a.py'), FIXED);
    assert.strictEqual(project.read('b.py'), `# é😀\n${FIXED}`);

    const again = project.run('check', ...ONLY_E722_E999, '--fix', '--unsafe-fixes');
    assert.strictEqual(again.status, 0);
    assert.strictEqual(again.stdout, 'All checks passed!\n');
    assert.strictEqual(project.read('a.py'), FIXED);
  });

  it('--fix keeps a byte-order mark and CRLF line endings', () => {
    project.write('crlf.py', `\ufeff${BARE_EXCEPT.replace(/\n/g, '\r\n')}`);
    project.run('check', ...ONLY_E722_E999, '--fix', '--unsafe-fixes', 'crlf.py');
    assert.strictEqual(project.read('crlf.py'), `\ufeff${FIXED.replace(/\n/g, '\r\n')}`);
  });

  it('--diff prints a unified diff that applies, writes nothing, exits 1; 0 when nothing changes', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--diff', '--unsafe-fixes', 'a.py');
    assert.strictEqual(run.status, 1);
    assert.strictEqual(project.read('a.py'), BARE_EXCEPT);
    assert.strictEqual(
      run.stdout,
      '--- a/a.py\n+++ b/a.py\n@@ -1,4 +1,4 @@\n try:\n     run()\n-except:\n+except Exception:\n     pass\n',
    );
    assert.strictEqual(run.stderr, '\nWould fix 1 error.\n', 'a blank line between the diff and the summary');
    const applied = spawnSync('patch', ['-p1', '--dry-run'], { cwd: project.root, input: run.stdout, encoding: 'utf8' });
    assert.strictEqual(applied.status, 0, applied.stdout + applied.stderr);

    const nothing = project.run('check', ...ONLY_E722_E999, '--diff', 'a.py');
    assert.strictEqual(nothing.status, 0);
    assert.strictEqual(nothing.stdout, '');
  });

  it('--diff of a file outside the working directory names it as git does, without a doubled slash', () => {
    const outside = new TempProject({ 'b.py': BARE_EXCEPT });
    try {
      const run = project.run('check', ...ONLY_E722_E999, '--diff', '--unsafe-fixes', outside.path('b.py'));
      const relative = outside.path('b.py').replace(/^\//, '');
      assert.strictEqual(run.stdout.split('\n').slice(0, 2).join('\n'), `--- a/${relative}\n+++ b/${relative}`);
      const applied = spawnSync('patch', ['-p1', '--dry-run'], { cwd: '/', input: run.stdout, encoding: 'utf8' });
      assert.strictEqual(applied.status, 0, applied.stdout + applied.stderr);
    } finally {
      outside.cleanup();
    }
  });

  it('--fix and --diff count the findings they fix, not the fixes: a block fix fixes each of its findings', () => {
    // Six W191 and one E101, fixed by reindenting three blocks; the E722 stays, its fix being unsafe.
    const tabs = 'def f():\n\tif ready:\n\t\tstart()\n\telse:\n\t        stop()\ntry:\n\trun()\nexcept:\n\tpass\n';
    project.write('tabs.py', tabs);
    const select = ['--select', 'W191,E101,E722'];
    assert.match(project.run('check', ...select, 'tabs.py').stdout, /^Found 8 errors\.$/m);
    const diff = project.run('check', ...select, '--diff', 'tabs.py');
    assert.match(diff.stderr, /^Would fix 7 errors\.$/m);
    const fixed = project.run('check', ...select, '--fix', 'tabs.py');
    assert.match(fixed.stdout, /^Found 8 errors \(7 fixed, 1 remaining\)\.$/m);
    assert.strictEqual(project.read('tabs.py'), 'def f():\n    if ready:\n        start()\n    else:\n        stop()\ntry:\n    run()\nexcept:\n    pass\n');
  });

  it('--add-noqa silences every finding and is idempotent', () => {
    project.write('c.py', 'try:\n    pass\nexcept:  # noqa: E501\n    pass\ntry:\n    pass\nexcept:  # keep this\n    pass\n');
    const run = project.run('check', ...ONLY_E722_E999, '--add-noqa');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, /Added 4 noqa directives\./);
    assert.strictEqual(project.read('a.py'), 'try:\n    run()\nexcept:  # noqa: E722\n    pass\n');
    assert.strictEqual(
      project.read('c.py'),
      'try:\n    pass\nexcept:  # noqa: E501, E722\n    pass\ntry:\n    pass\nexcept:  # keep this  # noqa: E722\n    pass\n',
    );
    assert.strictEqual(project.run('check', ...ONLY_E722_E999).status, 0);
    const again = project.run('check', ...ONLY_E722_E999, '--add-noqa');
    assert.match(again.stderr, /Added 0 noqa directives\./);
    assert.strictEqual(project.read('a.py'), 'try:\n    run()\nexcept:  # noqa: E722\n    pass\n');
  });

  it('--add-noqa leaves syntax errors alone', () => {
    project.write('broken.py', 'x = (\n');
    project.run('check', ...ONLY_E722_E999, '--add-noqa', 'broken.py');
    assert.strictEqual(project.read('broken.py'), 'x = (\n');
  });

  it('--fix, --diff and --add-noqa leave a file with a syntax error unchanged, and say so', () => {
    // The bare `except:` parses, but the file does not: the parser's recovery could misread any of it.
    const broken = `${BARE_EXCEPT}def f(:\n    pass\n`;
    project.write('broken.py', broken);
    for (const mode of [['--fix', '--unsafe-fixes'], ['--diff', '--unsafe-fixes'], ['--add-noqa']]) {
      const run = project.run('check', ...ONLY_E722_E999, ...mode, 'broken.py');
      assert.strictEqual(project.read('broken.py'), broken, mode.join(' '));
      assert.match(run.stderr, /warning: broken\.py was left unchanged: it has a syntax error \(E999\)/, mode.join(' '));
    }
    // Without the syntax error, the same fix applies.
    project.write('broken.py', BARE_EXCEPT);
    project.run('check', ...ONLY_E722_E999, '--fix', '--unsafe-fixes', 'broken.py');
    assert.strictEqual(project.read('broken.py'), FIXED);
  });
});
