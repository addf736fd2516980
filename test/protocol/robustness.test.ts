import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { expectedDiagnostics, startClient, summarize, tempWorkspace } from './session';

describe('protocol: bad input never crashes the server', () => {
  let client: LspClient;
  const workspace = tempWorkspace();

  before(async () => {
    client = await startClient({ positionEncodings: ['utf-8'] });
  });
  after(async () => {
    assert.strictEqual(await client.stop(), 0, 'still alive at the end, and exits cleanly');
    workspace.cleanup();
  });

  /** The server still answers: a round trip through open and publish. */
  async function assertAlive(): Promise<void> {
    const uri = workspace.uri(`alive${Date.now()}.py`);
    client.open(uri, 'try:\n    pass\nexcept:\n    pass\n', 1);
    assert.deepStrictEqual((await client.waitForDiagnostics(uri, 1)).diagnostics.map((d) => d.code), ['E722']);
  }

  it('logs and ignores requests and notifications for unknown documents', async () => {
    const uri = workspace.uri('never-opened.py');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    client.change(uri, 2, [{ range, text: 'x' }]);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepStrictEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri }, position: range.start }), null);
    await assertAlive();
    assert.ok(client.logMessages.some((log) => log.message.includes('not open') && log.message.includes(uri)));
  });

  it('clamps out-of-range positions in changes, code actions and hovers', async () => {
    const uri = workspace.uri('ranges.py');
    const text = 'x = 1\n';
    client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    const far = { line: 1000, character: 1000 };
    client.change(uri, 2, [{ range: { start: far, end: far }, text: 'try:\n    pass\nexcept:\n    pass\n' }]);
    const appended = text + 'try:\n    pass\nexcept:\n    pass\n';
    assert.deepStrictEqual(summarize((await client.waitForDiagnostics(uri, 2)).diagnostics), expectedDiagnostics(appended, 'utf-8'));
    client.change(uri, 3, [{ range: { start: { line: 0, character: 99 }, end: { line: 1, character: -5 } }, text: '' }]);
    const joined = 'x = 1try:\n    pass\nexcept:\n    pass\n';
    assert.deepStrictEqual(summarize((await client.waitForDiagnostics(uri, 3)).diagnostics), expectedDiagnostics(joined, 'utf-8'));
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: far, end: { line: -1, character: 0 } }, context: { diagnostics: [] } });
    assert.ok(Array.isArray(actions));
    assert.strictEqual(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: far }), null);
  });

  it('reports binary content once and recovers when it is removed', async () => {
    const uri = workspace.uri('binary.py');
    client.open(uri, 'x = 1\nPK\u0003\u0004\u0000\u0000\u0001garbage\n', 1);
    const { diagnostics } = await client.waitForDiagnostics(uri, 1);
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(diagnostics[0].code, 'E999');
    assert.match(diagnostics[0].message, /null bytes/);
    assert.deepStrictEqual(diagnostics[0].range.start, { line: 1, character: 4 });
    assert.ok(client.logMessages.some((log) => log.message.includes(uri) && log.message.includes('NUL')));
    client.change(uri, 2, [{ text: 'try:\n    pass\nexcept:\n    pass\n' }]);
    assert.deepStrictEqual((await client.waitForDiagnostics(uri, 2)).diagnostics.map((d) => d.code), ['E722']);
    // A NUL typed in and deleted again, through incremental changes.
    const at = { line: 1, character: 4 };
    client.change(uri, 3, [{ range: { start: at, end: at }, text: '\u0000' }]);
    assert.deepStrictEqual((await client.waitForDiagnostics(uri, 3)).diagnostics.map((d) => [d.code, d.range.start]), [['E999', at]]);
    client.change(uri, 4, [{ range: { start: at, end: { line: 1, character: 5 } }, text: '' }]);
    assert.deepStrictEqual((await client.waitForDiagnostics(uri, 4)).diagnostics.map((d) => d.code), ['E722']);
  });

  it('checks a document whose file: URI is not UTF-8 (Neovim 0.7 writes a Latin-1 caf\\xe9.py as caf%E9.py)', async () => {
    fs.writeFileSync(path.join(workspace.dir, 'pyproject.toml'), '[tool.pyreview]\nseverity = { E722 = "error" }\n');
    try {
      const uri = `${pathToFileURL(workspace.dir).href}/caf%E9.py`;
      client.open(uri, 'try:\n    pass\nexcept:\n    pass\n', 1);
      const { diagnostics } = await client.waitForDiagnostics(uri, 1);
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.severity]), [['E722', 1]], 'checked, with the configuration of its directory');
      const actions = await client.request<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
      assert.ok(actions.some((action) => action.title.includes('E722')), JSON.stringify(actions));
      assert.doesNotMatch(client.stderr + JSON.stringify(client.logMessages), /URI malformed/);
    } finally {
      fs.rmSync(path.join(workspace.dir, 'pyproject.toml'));
    }
  });

  it('survives deeply nested code', async () => {
    const uri = workspace.uri('deep.py');
    const depth = 5000;
    const nestedCalls = `x = ${'f('.repeat(depth)}1${')'.repeat(depth)}\n`;
    const nestedBlocks = Array.from({ length: 300 }, (_, i) => `${'    '.repeat(i)}if x:\n`).join('') + `${'    '.repeat(300)}pass\n`;
    const text = `${nestedCalls}${nestedBlocks}${'['.repeat(depth)}\n`;
    client.open(uri, text, 1);
    const { diagnostics } = await client.waitForDiagnostics(uri, 1, 30_000);
    assert.ok(diagnostics.some((d) => d.code === 'E999'), 'the unclosed brackets are reported');
    await assertAlive();
  });
});
