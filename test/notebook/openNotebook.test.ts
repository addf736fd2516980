/** The server's open notebook: a cell edit is an edit of the module, linted incrementally, settling to what a fresh check finds. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { checkNotebook, NotebookModule, PythonParser, RULES, resolveSettings, notebookSettings } from '@pyreview/shared-rules';
import { NotebookStore } from 'pyreview-server/out/notebookDocuments';
import { sharedChecker } from '../helpers/checker';

const SETTINGS = resolveSettings(RULES, { select: ['F', 'E', 'N'] });

/** A notebook of `count` code cells, each defining and using names of the cells before it. */
function cellsOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'import os\nimport sys\n%matplotlib inline' : `def step_${i}(value):\n    return value + ${i}\n\nresult_${i} = step_${i}(${i})\nprint(result_${i - 1 || 1}, sys.argv)`));
}

async function openNotebook(cells: string[]) {
  const store = new NotebookStore();
  const notebook = store.open(
    { uri: 'file:///tmp/steps.ipynb', notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: 2, document: `cell:${i}` })) },
    cells.map((text, i) => ({ uri: `cell:${i}`, languageId: 'python', version: 1, text })),
    new PythonParser(),
    undefined,
  );
  return { store, notebook };
}

function editCell(notebook: Awaited<ReturnType<typeof openNotebook>>['notebook'], cell: number, at: number, inserted: string, texts: string[]): void {
  const before = texts[cell].slice(0, at);
  const line = before.split('\n').length - 1;
  const character = before.length - before.lastIndexOf('\n') - 1;
  texts[cell] = before + inserted + texts[cell].slice(at);
  const position = { line, character };
  notebook.change(notebook.version + 1, { cells: { textContent: [{ document: { uri: `cell:${cell}`, version: notebook.version + 1 }, changes: [{ range: { start: position, end: position }, text: inserted }] }] } }, 'utf-16');
}

async function freshFindings(texts: string[]) {
  const checked = checkNotebook(await sharedChecker(), new NotebookModule(texts), { filePath: '/tmp/steps.ipynb', settings: SETTINGS });
  return checked.findings.map((f) => `${f.code}@${f.start}-${f.end} ${f.message}`);
}

describe('open notebook (server)', () => {
  it('re-checks only the statements of the edited cell', async () => {
    const texts = cellsOf(200);
    const { store, notebook } = await openNotebook(texts);
    const first = notebook.lint(notebookSettings(SETTINGS), undefined, 'settle')!;
    assert.ok(first.result.totalUnits >= 600, `${first.result.totalUnits} units`);
    editCell(notebook, 120, texts[120].indexOf('+'), ' 0 +', texts);
    const second = notebook.lint(notebookSettings(SETTINGS), undefined, 'keystroke')!;
    assert.strictEqual(second.result.walkedUnits, 1, 'one statement walked again');
    assert.deepStrictEqual(second.result.findings.map((f) => `${f.code}@${f.start}-${f.end} ${f.message}`), await freshFindings(texts));
    store.dispose();
  });

  it('settles to the findings of a fresh check after any edits of any cells', async () => {
    const pieces = ['x', ' ', '\n', '(', ')', ':', 'import re\n', '%time ', '!ls\n', 'os', '?', 'undefined_name', '"', '#'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ cell: fc.nat(4), at: fc.nat(200), piece: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 12 }), async (edits) => {
        const texts = cellsOf(5);
        const { store, notebook } = await openNotebook(texts);
        notebook.lint(notebookSettings(SETTINGS), undefined, 'settle');
        for (const { cell, at, piece } of edits) {
          editCell(notebook, cell, Math.min(at, texts[cell].length), piece, texts);
          notebook.lint(notebookSettings(SETTINGS), undefined, 'keystroke');
        }
        const settled = notebook.lint(notebookSettings(SETTINGS), undefined, 'settle')!;
        assert.deepStrictEqual(notebook.notebookModule().cells, texts);
        assert.deepStrictEqual(settled.result.findings.map((f) => `${f.code}@${f.start}-${f.end} ${f.message}`), await freshFindings(texts));
        store.dispose();
      }),
      { numRuns: 40 },
    );
  });
});
