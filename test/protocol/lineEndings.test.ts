import * as assert from 'assert';
import { parseUnits, PythonParser } from '@pyreview/shared-rules';
import { DocumentStore } from 'pyreview-server/out/documents';
import type { LspClient } from '../helpers/lspClient';
import { rangeOf } from '../helpers/lspText';
import { describeTree } from '../helpers/syntaxDump';
import { expectedDiagnostics, startClient, summarize, tempWorkspace } from './session';

const SELECTION = { select: ['F821', 'E999'] };

describe('protocol: line endings as Python reads them', () => {
  let client: LspClient;
  const workspace = tempWorkspace();

  before(async () => {
    client = await startClient({ settings: SELECTION });
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('reads lone CRs as line breaks, and keeps the tree right when an edit makes a CR lone or not', async () => {
    const uri = workspace.uri('mac.py');
    let text = 'import os\rdef f():\r    return undefined_name\rx = other\r';
    client.open(uri, text, 1);
    const opened = summarize((await client.waitForDiagnostics(uri, 1)).diagnostics);
    assert.deepStrictEqual(opened.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['F821', 2, 11], ['F821', 3, 4]]);
    assert.deepStrictEqual(opened, await expectedDiagnostics(text, 'utf-16', SELECTION));
    // Edits just after a CR: an LF typed there joins it into CRLF; replacing a CRLF by CR leaves it lone.
    const edits: Array<(current: string) => [number, number, string]> = [
      (current) => [current.indexOf('def'), current.indexOf('def'), '\n'],
      (current) => [current.indexOf('x ='), current.indexOf('x ='), 'y = 1\n'],
      (current) => [current.indexOf('\r\n'), current.indexOf('\r\n') + 2, '\r'],
      (current) => [current.indexOf('y = 1'), current.indexOf('y = 1'), 'z = 2\r'],
    ];
    let version = 1;
    for (const edit of edits) {
      const [start, end, insert] = edit(text);
      client.change(uri, ++version, [{ range: rangeOf(text, start, end, 'utf-16'), text: insert }]);
      text = text.slice(0, start) + insert + text.slice(end);
      const published = summarize((await client.waitForDiagnostics(uri, version)).diagnostics);
      assert.deepStrictEqual(published, await expectedDiagnostics(text, 'utf-16', SELECTION), `after version ${version}: ${JSON.stringify(text)}`);
      assert.ok(!published.some((d) => d.code === 'E999'), JSON.stringify(text));
    }
  });
});

describe('documents: the tree after an edit next to a CR equals a fresh parse', () => {
  const parser = new PythonParser();

  // [text, start, end, inserted]: each edit starts just after a CR, whose loneness it changes or not.
  const cases: Array<[string, number, number, string]> = [
    ['x = 1\ry = 2\n', 6, 6, '\n'],
    ['if x:\r    y = 2\rz = 3\r', 6, 6, '\n'],
    ['def f():\r    return 1\rz = 3\r', 9, 9, 'w = 0\r'],
    ['x = (1,\r\n 2)\r\nz = 3\r\n', 7, 9, '\r'],
  ];
  for (const [text, start, end, inserted] of cases) {
    it(JSON.stringify([text, start, end, inserted]), () => {
      const store = new DocumentStore(parser);
      try {
        const document = store.open('file:///cr.py', 1, text);
        document.syntax();
        store.change('file:///cr.py', 2, [{ range: rangeOf(text, start, end, 'utf-16'), text: inserted }], 'utf-16');
        const expected = text.slice(0, start) + inserted + text.slice(end);
        assert.strictEqual(document.text, expected);
        assert.deepStrictEqual(describeTree(document.syntax()!), describeTree(parseUnits(parser, expected).tree));
      } finally {
        store.dispose();
      }
    });
  }
});
