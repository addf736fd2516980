/** A notebook's code cells checked as one module: cross-cell names, IPython's names, rules skipped in notebooks, fixes that stay in their cell. */
import * as assert from 'assert';
import { checkNotebook, fixTarget, NotebookModule, renderRuleDoc, RULES, resolveSettings, SKIPPED_IN_NOTEBOOKS, type UserSettings } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';

async function check(cells: string[], user: UserSettings = {}) {
  const notebook = new NotebookModule(cells);
  const result = checkNotebook(await sharedChecker(), notebook, { filePath: 'analysis.ipynb', settings: resolveSettings(RULES, user) });
  return { notebook, result, found: result.findings.map((f) => ({ code: f.code, ...notebook.locate(f.start) })) };
}

async function fix(cells: string[], user: UserSettings = {}) {
  const checker = await sharedChecker();
  const settings = resolveSettings(RULES, user);
  return fixTarget(new NotebookModule(cells), (notebook) => checkNotebook(checker, notebook, { filePath: 'analysis.ipynb', settings }), { unsafe: false });
}

describe('a notebook checked as one module', () => {
  it('maps module offsets to cells, an added line break to the end of its cell', () => {
    const notebook = new NotebookModule(['a = 1', 'b = 2\n', '', 'c']);
    assert.strictEqual(notebook.text, 'a = 1\nb = 2\n\nc\n');
    assert.deepStrictEqual(notebook.locate(5), { cell: 0, offset: 5 });
    assert.deepStrictEqual(notebook.locate(6), { cell: 1, offset: 0 });
    assert.deepStrictEqual(notebook.locate(12), { cell: 2, offset: 0 });
    assert.deepStrictEqual(notebook.locate(notebook.text.length), { cell: 3, offset: 1 });
    assert.strictEqual(notebook.offsetOf(3, 0), 13);
  });

  it('sees an import of one cell used in a later one, and a name used before the cell defining it as undefined', async () => {
    const { found } = await check(['import os\nimport sys', 'print(sys.argv)', 'print(late)', 'late = 1', 'print(late)']);
    assert.deepStrictEqual(found, [{ code: 'F401', cell: 0, offset: 7 }, { code: 'F821', cell: 2, offset: 6 }]);
  });

  it('honours `# noqa` on a line of a cell, also after a timed statement', async () => {
    const { found } = await check(['import os  # noqa: F401\nimport sys', '%time import re  # noqa', 'print(undefined_name)  # noqa: F821']);
    assert.deepStrictEqual(found.map((f) => [f.code, f.cell]), [['F401', 0]]);
  });

  it('knows the names IPython defines', async () => {
    const source = 'display(In[0], Out, _, __, _i)\nget_ipython().run_line_magic("ls", "")\nprint(unknown)';
    const { found } = await check([source]);
    assert.deepStrictEqual(found, [{ code: 'F821', cell: 0, offset: source.indexOf('unknown') }]);
  });

  it('does not report IPython syntax, and reads what IPython runs as Python', async () => {
    const first = '%matplotlib inline\nimport numpy as np\nimport os';
    const { found } = await check([first, '!ls\nfiles = !ls', '%time total = np.sum(files)', 'total']);
    assert.deepStrictEqual(found, [{ code: 'F401', cell: 0, offset: first.indexOf('os') }]);
  });

  it('does not run the rules that make no sense in a notebook, and says so in their docs', async () => {
    assert.ok(SKIPPED_IN_NOTEBOOKS.has('D100'));
    const { found } = await check(['def load():\n    pass'], { extendSelect: ['D'] });
    assert.deepStrictEqual(found.map((f) => f.code), ['D103']);
    for (const rule of RULES) {
      const doc = renderRuleDoc(rule);
      assert.match(doc, SKIPPED_IN_NOTEBOOKS.has(rule.meta.code) ? /\| Jupyter notebooks \| not checked \|[\s\S]*## Notebooks\n/ : /\| Jupyter notebooks \| checked \|/, rule.meta.code);
    }
  });

  it('fixes each cell, keeps a cell without a final line break so, and stops when nothing is left', async () => {
    const result = await fix(['import os\nimport sys\nimport json', 'x = 1\n', 'print(sys)\ntry:\n    pass\nexcept:\n    pass'], { extendSelect: ['E722'] });
    assert.deepStrictEqual(result.target.cells, ['import sys', 'x = 1\n', 'print(sys)\ntry:\n    pass\nexcept:\n    pass']);
    assert.deepStrictEqual(Object.fromEntries(result.applied), { F401: 2 });
    const again = await fix(result.target.cells);
    assert.strictEqual(again.applied.size, 0);
  });

  it('empties a cell whose only import is unused', async () => {
    const result = await fix(['import os', 'x = 1']);
    assert.deepStrictEqual(result.target.cells, ['', 'x = 1']);
  });

  it('offers no fix that would edit a line of IPython syntax or span two cells', async () => {
    const { result, notebook } = await check(['%time import re', 'import os'], { extendSelect: ['I001'] });
    const unused = result.findings.filter((f) => f.code === 'F401');
    assert.deepStrictEqual(unused.map((f) => [notebook.locate(f.start).cell, !!f.fix]), [[0, false], [1, true]]);
    const sorted = await check(['import sys', 'import os'], { select: ['I001'] });
    assert.ok(sorted.result.findings.every((f) => !f.fix), JSON.stringify(sorted.result.findings));
  });
});
