import * as assert from 'assert';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { expectedDiagnostics, startClient, summarize, tempWorkspace } from './session';

const SOURCE = 'try:\n    pass\nexcept:\n    pass\n';

describe('protocol: pull diagnostics', () => {
  let client: LspClient;
  const workspace = tempWorkspace();

  before(async () => {
    client = await startClient({
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  const pull = (uri: string, previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

  it('announces a diagnostic provider', () => {
    assert.deepStrictEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'pyreview', interFileDependencies: true, workspaceDiagnostics: true,
    });
  });

  it('answers pulls with full and unchanged reports and does not push', async () => {
    const uri = workspace.uri('pulled.py');
    client.open(uri, SOURCE, 1);
    const first = await pull(uri) as FullDocumentDiagnosticReport;
    assert.strictEqual(first.kind, 'full');
    assert.deepStrictEqual(summarize(first.items), expectedDiagnostics(SOURCE, 'utf-16'));
    assert.ok(first.resultId);
    assert.deepStrictEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });

    const changed = SOURCE.replace('except:', 'except OSError:');
    client.change(uri, 2, [{ text: changed }]);
    const second = await pull(uri, first.resultId) as FullDocumentDiagnosticReport;
    assert.strictEqual(second.kind, 'full');
    assert.notStrictEqual(second.resultId, first.resultId);
    assert.deepStrictEqual(second.items, []);
    assert.deepStrictEqual(client.diagnosticsFor(uri), [], 'nothing pushed to a pull client');
  });

  it('answers with the last saved state when run is onSave', async () => {
    client.settings = { ...client.settings, run: 'onSave' };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    try {
      const uri = workspace.uri('saved.py');
      client.open(uri, SOURCE, 1);
      const opened = await pull(uri) as FullDocumentDiagnosticReport;
      assert.deepStrictEqual(opened.items.map((d) => d.code), ['E722']);
      client.change(uri, 2, [{ text: 'x = (\n' }]);
      assert.deepStrictEqual(await pull(uri, opened.resultId), { kind: 'unchanged', resultId: opened.resultId }, 'typing changes nothing');
      const refreshes = client.diagnosticRefreshes;
      client.notify('textDocument/didSave', { textDocument: { uri } });
      const saved = await pull(uri, opened.resultId) as FullDocumentDiagnosticReport;
      assert.strictEqual(saved.kind, 'full');
      assert.deepStrictEqual(saved.items.map((d) => d.code), ['E999']);
      assert.strictEqual(client.diagnosticRefreshes, refreshes + 1, 'the client is asked to pull after a save');
    } finally {
      client.settings = { ...client.settings, run: null };
      client.notify('workspace/didChangeConfiguration', { settings: null });
    }
  });

  it('asks the client to pull again when settings change', async () => {
    // A round trip first: refreshes caused by earlier tests have arrived once it is answered.
    await pull(workspace.uri('pulled.py'));
    const before = client.diagnosticRefreshes;
    client.notify('workspace/didChangeConfiguration', { settings: null });
    for (let i = 0; i < 100 && client.diagnosticRefreshes === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.strictEqual(client.diagnosticRefreshes, before + 1);
  });
});
