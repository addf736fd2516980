/**
 * LSP 3.17 notebook sync through the real server: a notebook's Python cells linted as one module,
 * diagnostics published per cell URI, quick fixes and fix-all landing in the right cell, and an edit
 * in one cell publishing only what it changes.
 */
import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { applyTextEdits, positionAt, type Encoding } from '../helpers/lspText';
import { startClient, tempWorkspace } from './session';

const SETTINGS = { select: ['F', 'E999'] };

interface Cell {
  text: string;
  kind?: 1 | 2;
}

for (const encoding of ['utf-16', 'utf-8'] as const) {
  describe(`protocol: notebook documents (${encoding})`, () => {
    let client: LspClient;
    const workspace = tempWorkspace();
    let counter = 0;

    before(async () => {
      client = await startClient({ positionEncodings: [encoding], settings: SETTINGS });
    });
    after(async () => {
      await client.stop();
      workspace.cleanup();
    });

    /** Opens a notebook and waits for every code cell's first diagnostics. */
    async function openNotebook(cells: Cell[]) {
      const uri = workspace.uri(`analysis${++counter}.ipynb`);
      const cellUris = cells.map((_, index) => `vscode-notebook-cell:${uri.slice('file:'.length)}#cell${index}`);
      const texts = cells.map((cell) => cell.text);
      const published = cellUris.map((cellUri, index) => (cells[index].kind === 1 ? undefined : client.waitForDiagnostics(cellUri, 1)));
      client.notify('notebookDocument/didOpen', {
        notebookDocument: { uri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((cell, index) => ({ kind: cell.kind ?? 2, document: cellUris[index] })) },
        cellTextDocuments: cells.map((cell, index) => ({ uri: cellUris[index], languageId: cell.kind === 1 ? 'markdown' : 'python', version: 1, text: cell.text })),
      });
      const diagnostics = await Promise.all(published.map(async (p) => (await p)?.diagnostics ?? []));
      return { uri, cellUris, texts, diagnostics, version: 1 };
    }

    type Notebook = Awaited<ReturnType<typeof openNotebook>>;

    /** Replaces a cell's text (as one change of its document) and returns the next notebook version. */
    function changeCell(notebook: Notebook, cell: number, text: string, cellVersion: number): number {
      notebook.version++;
      const lines = notebook.texts[cell].split('\n');
      const end = { line: lines.length - 1, character: positionAt(notebook.texts[cell], notebook.texts[cell].length, encoding).character };
      notebook.texts[cell] = text;
      client.notify('notebookDocument/didChange', {
        notebookDocument: { uri: notebook.uri, version: notebook.version },
        change: {
          cells: { textContent: [{ document: { uri: notebook.cellUris[cell], version: cellVersion }, changes: [{ range: { start: { line: 0, character: 0 }, end }, text }] }] },
        },
      });
      return notebook.version;
    }

    function summary(diagnostics: readonly Diagnostic[]) {
      return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
    }

    function codeActions(cellUri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
      const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return client.request('textDocument/codeAction', { textDocument: { uri: cellUri }, range, context: { diagnostics, only } });
    }

    function applied(notebook: Notebook, action: CodeAction): string[] {
      const changes = action.edit?.changes ?? {};
      for (const uri of Object.keys(changes)) assert.ok(notebook.cellUris.includes(uri), `edit of ${uri}, not a cell`);
      return notebook.texts.map((text, index) => {
        const edits = changes[notebook.cellUris[index]] as TextEdit[] | undefined;
        return edits ? applyTextEdits(text, edits, encoding as Encoding) : text;
      });
    }

    it('lints the cells as one module: names across cells, IPython syntax and names, positions in each cell', async () => {
      const notebook = await openNotebook([
        { text: 'import os\nimport sys\nimport json' },
        { text: '# Notes é😀', kind: 1 },
        { text: 'x = "é😀中"; print(sys.argv, undefined_name)\nprint(json)' },
        { text: '%matplotlib inline\nfiles = !ls\nfiles?\ndisplay(In, Out)' },
      ]);
      assert.deepStrictEqual(summary(notebook.diagnostics[0]), ['F401 0:7-0:9']);
      const column = positionAt(notebook.texts[2], notebook.texts[2].indexOf('undefined_name'), encoding).character;
      assert.deepStrictEqual(summary(notebook.diagnostics[2]), [`F821 0:${column}-0:${column + 'undefined_name'.length}`]);
      assert.deepStrictEqual(notebook.diagnostics[3], []);
    });

    it('offers the quick fix of an unused import in its cell, once a later cell stops using it, and "ignore" on its line', async () => {
      const notebook = await openNotebook([{ text: 'import os\nimport json' }, { text: 'x = 1' }, { text: 'print(os.sep)\nprint(json.dumps(x))' }]);
      assert.deepStrictEqual(notebook.diagnostics.map(summary), [[], [], []]);
      const cell0 = client.waitForDiagnostics(notebook.cellUris[0], undefined);
      changeCell(notebook, 2, 'print(os.sep)', 2);
      const { diagnostics } = await cell0;
      assert.deepStrictEqual(summary(diagnostics), ['F401 1:7-1:11']);
      const actions = await codeActions(notebook.cellUris[0], diagnostics);
      const fix = actions.find((action) => /^pyreview \(F401\): Remove unused import/.test(action.title));
      assert.ok(fix, actions.map((action) => action.title).join(', '));
      assert.deepStrictEqual(Object.keys(fix.edit!.changes!), [notebook.cellUris[0]]);
      assert.deepStrictEqual(applied(notebook, fix), ['import os', 'x = 1', 'print(os.sep)']);
      const ignore = actions.find((action) => action.title === 'pyreview (F401): Ignore on this line')!;
      assert.deepStrictEqual(applied(notebook, ignore)[0], 'import os\nimport json  # noqa: F401');
    });

    it('fixes the whole notebook from any cell, each edit in its own cell', async () => {
      const notebook = await openNotebook([{ text: 'import os\nimport sys' }, { text: 'import json\n\nprint(sys)' }]);
      const [fixAll] = await codeActions(notebook.cellUris[1], [], ['source.fixAll.pyreview']);
      assert.strictEqual(fixAll?.title, 'pyreview: Fix all auto-fixable problems');
      assert.deepStrictEqual(applied(notebook, fixAll), ['import sys', '\nprint(sys)']);
    });

    it('publishes, after an edit in one cell, that cell and the cells whose diagnostics it changed, no other', async () => {
      const notebook = await openNotebook([{ text: 'import os' }, { text: 'print(undefined_a)' }, { text: 'value = 1' }, { text: 'print(undefined_b)' }]);
      const counts = () => notebook.cellUris.map((uri) => client.diagnosticsFor(uri).length);
      const before = counts();
      // Typing in a cell that changes nothing elsewhere: only that cell is published.
      const typed = client.waitForDiagnostics(notebook.cellUris[2], 2);
      changeCell(notebook, 2, 'value = 12', 2);
      await typed;
      // Using `os` in the last cell: F401 of the first cell goes, the edited cell is published.
      const used = client.waitForDiagnostics(notebook.cellUris[3], 3);
      changeCell(notebook, 3, 'print(undefined_b, os)', 3);
      await used;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = counts();
      assert.deepStrictEqual(after.map((count, i) => count - before[i]), [1, 0, 1, 1]);
      assert.deepStrictEqual(client.diagnosticsFor(notebook.cellUris[0]).at(-1)!.diagnostics, []);
      assert.deepStrictEqual(summary(client.diagnosticsFor(notebook.cellUris[1]).at(-1)!.diagnostics), ['F821 0:6-0:17']);
    });

    it('keeps quick fixes of a cell right after an edit of an earlier cell moved its offsets', async () => {
      const notebook = await openNotebook([{ text: 'x = 1' }, { text: 'import os' }]);
      const [diagnostic] = notebook.diagnostics[1];
      const published = client.waitForDiagnostics(notebook.cellUris[0], 2);
      changeCell(notebook, 0, 'x = 1\ny = 2\nz = 3', 2);
      await published;
      // The client still has the second cell's diagnostic from before: its fix must remove `import os` all the same.
      const actions = await codeActions(notebook.cellUris[1], [diagnostic]);
      const fix = actions.find((action) => /^pyreview \(F401\): Remove unused import/.test(action.title))!;
      assert.deepStrictEqual(applied(notebook, fix), ['x = 1\ny = 2\nz = 3', '']);
    });

    it('clears the cells\' diagnostics when the notebook closes', async () => {
      const notebook = await openNotebook([{ text: 'import os' }]);
      const cleared = client.waitForDiagnostics(notebook.cellUris[0], undefined);
      client.notify('notebookDocument/didClose', { notebookDocument: { uri: notebook.uri }, cellTextDocuments: [{ uri: notebook.cellUris[0] }] });
      assert.deepStrictEqual((await cleared).diagnostics, []);
    });
  });
}
