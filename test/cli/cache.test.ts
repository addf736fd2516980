import * as assert from 'assert';
import * as fs from 'fs';
import { spawnSync } from 'child_process';
import { BARE_EXCEPT, CLI, ONLY_E722_E999, TempProject } from './cliHarness';
import { poisonResults, readResults, RESULTS_FILE } from './resultsFile';

const SUMMARIES_FILE = '.pyreview_cache/summaries.json';

describe('pyreview check: result cache', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'a.py': BARE_EXCEPT, 'b.py': BARE_EXCEPT });
  });
  afterEach(() => project.cleanup());

  const cache = () => readResults(project);
  const poison = (edit?: Parameters<typeof poisonResults>[1], options?: Parameters<typeof poisonResults>[2]) => poisonResults(project, edit, options);

  function messages(...extra: string[]): string[] {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'json', ...extra);
    return (JSON.parse(run.stdout) as Array<{ message: string }>).map((item) => item.message);
  }

  it('reuses results of unchanged files and keeps itself out of git', () => {
    messages();
    assert.deepStrictEqual(Object.keys(cache().entries).sort(), [project.path('a.py'), project.path('b.py')]);
    assert.match(project.read('.pyreview_cache/.gitignore'), /^\*$/m);
    poison();
    assert.deepStrictEqual(messages(), ['FROM CACHE', 'FROM CACHE']);
  });

  /** A run with its standard output a regular file (the report is written to it directly), as `pyreview check > report` does. */
  function runToFile(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const file = project.path('report.out');
    const descriptor = fs.openSync(file, 'w');
    try {
      const run = spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, stdio: ['ignore', descriptor, 'pipe'], encoding: 'utf8' });
      return { status: run.status, stdout: fs.readFileSync(file, 'utf8'), stderr: run.stderr };
    } finally {
      fs.closeSync(descriptor);
      fs.rmSync(file);
    }
  }

  it('a cached run prints exactly what an uncached one does, in every format, to a pipe and to a file', () => {
    project.write('c.py', `import os\n\n\ndef f(x):\n    ${BARE_EXCEPT.split('\n').join('\n    ')}\n`);
    project.write('notes.ipynb', JSON.stringify({
      nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [{ cell_type: 'code', source: ['import sys\n', 'try:\n', '    pass\n', 'except:\n', '    pass\n'], metadata: {}, outputs: [], execution_count: null }],
    }));
    project.write('clean.py', 'x = 1\n');
    const formats = [['text'], ['json'], ['json-lines'], ['sarif'], ['github'], ['junit'], ['text', '--statistics'], ['json', '--statistics']];
    const runs = { pipe: (...args: string[]) => project.run(...args), file: runToFile };
    const args = (format: string[]) => ['check', '--extend-select', 'ALL', '--format', ...format];
    const uncached = formats.map((format) => project.run(...args(format), '--no-cache'));
    formats.forEach((format, index) => {
      assert.ok(uncached[index].stdout.includes('E722'), format.join(' '));
      for (const [name, run] of Object.entries(runs)) {
        fs.rmSync(project.path('.pyreview_cache'), { recursive: true, force: true });
        const filling = run(...args(format));
        const cached = run(...args(format));
        for (const result of [filling, cached]) assert.deepStrictEqual(result, uncached[index], `${format.join(' ')} to a ${name}`);
      }
    });
    // Whatever format filled the cache, every format reads it.
    fs.rmSync(project.path('.pyreview_cache'), { recursive: true, force: true });
    project.run(...args(['json']));
    formats.forEach((format, index) => assert.deepStrictEqual(project.run(...args(format)), uncached[index], `${format.join(' ')} from a cache the JSON report filled`));
    // A changed file builds the index from the summaries file, which lost one: that file is checked again.
    const summaries = JSON.parse(project.read(SUMMARIES_FILE)) as { summaries: Record<string, unknown> };
    delete summaries.summaries[cache().entries[project.path('c.py')].summary!];
    project.write(SUMMARIES_FILE, JSON.stringify(summaries));
    project.write('b.py', `${BARE_EXCEPT}\n`);
    const changed = project.run(...args(['json']), '--no-cache');
    assert.deepStrictEqual(project.run(...args(['json'])), changed);
    assert.deepStrictEqual(project.run(...args(['json'])), changed);
  });

  it('keeps the summaries in a file of their own, read only when the workspace index is built', () => {
    messages();
    const summaries = () => Object.keys((JSON.parse(project.read(SUMMARIES_FILE)) as { summaries: object }).summaries).sort();
    const named = Object.values(cache().entries).map((entry) => entry.summary!).sort();
    assert.deepStrictEqual(summaries(), [...new Set(named)]);
    poison();
    fs.rmSync(project.path(SUMMARIES_FILE));
    assert.deepStrictEqual(messages(), ['FROM CACHE', 'FROM CACHE'], 'every file hits the cache: no summary is needed');
    assert.ok(!fs.existsSync(project.path(SUMMARIES_FILE)), 'nor written');
    project.write('c.py', 'x = 1\n');
    assert.deepStrictEqual(messages(), ['Do not use bare `except`', 'Do not use bare `except`'], 'the files whose summaries are gone are checked again');
    assert.deepStrictEqual(summaries(), [...new Set(Object.values(cache().entries).map((entry) => entry.summary!))].sort());
  });

  it('checks a file again when its content changes', () => {
    messages();
    poison();
    project.write('b.py', `${BARE_EXCEPT}\n`);
    assert.deepStrictEqual(messages(), ['FROM CACHE', 'Do not use bare `except`']);
  });

  it('checks again when the configuration changes', () => {
    messages();
    poison();
    project.write('pyproject.toml', '[tool.pyreview]\nper-file-ignores = { "a.py" = ["E999"] }\n');
    assert.deepStrictEqual(messages(), ['Do not use bare `except`', 'Do not use bare `except`']);
    poison();
    assert.deepStrictEqual(messages('--target-version', 'py39'), ['Do not use bare `except`', 'Do not use bare `except`']);
  });

  it('ignores a cache written by another pyreview version', () => {
    messages();
    poison((data) => (data.version = '0.0.0-other'));
    assert.deepStrictEqual(messages(), ['Do not use bare `except`', 'Do not use bare `except`']);
    assert.notStrictEqual(cache().version, '0.0.0-other');
  });

  it('--no-cache neither reads nor writes the cache', () => {
    messages('--no-cache');
    assert.ok(!fs.existsSync(project.path(RESULTS_FILE)));
    messages();
    poison();
    assert.deepStrictEqual(messages('--no-cache'), ['Do not use bare `except`', 'Do not use bare `except`']);
  });

  it('reads cached findings back as objects for the reports that need them', () => {
    messages();
    poison();
    const text = project.run('check', ...ONLY_E722_E999, '--format', 'text').stdout;
    assert.deepStrictEqual(text.split('\n').filter((line) => line.includes('E722')), ['a.py:3:1: E722 FROM CACHE', 'b.py:3:1: E722 FROM CACHE']);
  });

  it('ignores and rewrites a results file edited after it was written', () => {
    messages();
    const written = project.readBytes(RESULTS_FILE);
    poison(undefined, { keepHash: true });
    assert.deepStrictEqual(messages(), ['Do not use bare `except`', 'Do not use bare `except`']);
    assert.ok(project.readBytes(RESULTS_FILE).equals(written), 'written again as it was');
  });

  it('neither reads nor keeps the results file of earlier versions', () => {
    messages();
    fs.rmSync(project.path(RESULTS_FILE));
    project.write('.pyreview_cache/results.json', '{"version": "0.1.0", "entries": {}}');
    assert.deepStrictEqual(messages(), ['Do not use bare `except`', 'Do not use bare `except`']);
    assert.ok(!fs.existsSync(project.path('.pyreview_cache/results.json')));
  });

  it('survives a corrupt cache file', () => {
    messages();
    fs.writeFileSync(project.path(RESULTS_FILE), '{ not json');
    assert.deepStrictEqual(messages(), ['Do not use bare `except`', 'Do not use bare `except`']);
  });
});
