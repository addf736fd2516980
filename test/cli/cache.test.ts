import * as assert from 'assert';
import * as fs from 'fs';
import { BARE_EXCEPT, ONLY_E722_E999, TempProject } from './cliHarness';

const CACHE_FILE = '.pyreview_cache/results.json';
const SUMMARIES_FILE = '.pyreview_cache/summaries.json';

interface CacheData {
  version: string;
  entries: Record<string, { summary?: string; diagnostics: Array<{ message: string }> }>;
}

describe('pyreview check: result cache', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'a.py': BARE_EXCEPT, 'b.py': BARE_EXCEPT });
  });
  afterEach(() => project.cleanup());

  function cache(): CacheData {
    return JSON.parse(project.read(CACHE_FILE)) as CacheData;
  }

  /** Rewrites every cached finding's message, so that a test can tell cached results from fresh ones. */
  function poison(edit: (data: CacheData) => void = () => undefined): void {
    const data = cache();
    for (const entry of Object.values(data.entries)) for (const d of entry.diagnostics) d.message = 'FROM CACHE';
    edit(data);
    fs.writeFileSync(project.path(CACHE_FILE), JSON.stringify(data));
  }

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

  it('a cached run prints exactly what an uncached one does, as text and JSON', () => {
    project.write('c.py', `import os\n\n\ndef f(x):\n    ${BARE_EXCEPT.split('\n').join('\n    ')}\n`);
    project.write('notes.ipynb', JSON.stringify({
      nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [{ cell_type: 'code', source: ['import sys\n', 'try:\n', '    pass\n', 'except:\n', '    pass\n'], metadata: {}, outputs: [], execution_count: null }],
    }));
    for (const format of ['text', 'json']) {
      const uncached = project.run('check', '--extend-select', 'ALL', '--format', format, '--no-cache');
      fs.rmSync(project.path('.pyreview_cache'), { recursive: true, force: true });
      const filling = project.run('check', '--extend-select', 'ALL', '--format', format);
      const cached = project.run('check', '--extend-select', 'ALL', '--format', format);
      assert.ok(uncached.stdout.includes('E722'), format);
      for (const run of [filling, cached]) assert.deepStrictEqual(run, uncached, format);
    }
    // A changed file builds the index from the summaries file, which lost one: that file is checked again.
    const summaries = JSON.parse(project.read(SUMMARIES_FILE)) as { summaries: Record<string, unknown> };
    delete summaries.summaries[cache().entries[project.path('c.py')].summary!];
    project.write(SUMMARIES_FILE, JSON.stringify(summaries));
    project.write('b.py', `${BARE_EXCEPT}\n`);
    const uncached = project.run('check', '--extend-select', 'ALL', '--format', 'json', '--no-cache');
    assert.deepStrictEqual(project.run('check', '--extend-select', 'ALL', '--format', 'json'), uncached);
    assert.deepStrictEqual(project.run('check', '--extend-select', 'ALL', '--format', 'json'), uncached);
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
    assert.ok(!fs.existsSync(project.path(CACHE_FILE)));
    messages();
    poison();
    assert.deepStrictEqual(messages('--no-cache'), ['Do not use bare `except`', 'Do not use bare `except`']);
  });

  it('survives a corrupt cache file', () => {
    messages();
    fs.writeFileSync(project.path(CACHE_FILE), '{ not json');
    assert.deepStrictEqual(messages(), ['Do not use bare `except`', 'Do not use bare `except`']);
  });
});
