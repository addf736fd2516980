import * as assert from 'assert';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { expectedDiagnostics, startClient, summarize, tempWorkspace, until } from './session';

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

  it('answers "unchanged" after an edit that leaves every diagnostic where it was', async () => {
    const uri = workspace.uri('unmoved.py');
    client.open(uri, SOURCE, 1);
    const first = await pull(uri) as FullDocumentDiagnosticReport;
    assert.deepStrictEqual(first.items.map((d) => [d.code, d.range.start.line]), [['E722', 2]]);
    client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'x = 1\n' }]);
    assert.deepStrictEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const moved = await pull(uri, first.resultId) as FullDocumentDiagnosticReport;
    assert.deepStrictEqual([moved.kind, moved.items.map((d) => d.range.start.line)], ['full', [3]]);
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

  it('asks the client to pull again when a settings change changes diagnostics, and only then', async () => {
    const uri = workspace.uri('settings.py');
    client.open(uri, SOURCE, 1);
    const pulled = await pull(uri) as FullDocumentDiagnosticReport;
    const refreshes = client.diagnosticRefreshes;
    // VS Code sends didChangeConfiguration right after start-up, with nothing changed: no refresh
    // (it would cancel the first pull of every open document and make it start over).
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await pull(uri, pulled.resultId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(client.diagnosticRefreshes, refreshes, 'nothing changed, nothing to pull');
    assert.deepStrictEqual(await pull(uri, pulled.resultId), { kind: 'unchanged', resultId: pulled.resultId });

    client.settings = { ...client.settings, severity: { E722: 'error' } };
    try {
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await until('a refresh', async () => (client.diagnosticRefreshes > refreshes ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.strictEqual(client.diagnosticRefreshes, refreshes + 1, 'one refresh');
      const repulled = await pull(uri, pulled.resultId) as FullDocumentDiagnosticReport;
      assert.strictEqual(repulled.kind, 'full');
      assert.deepStrictEqual(repulled.items.map((d) => [d.code, d.severity]), [['E722', 1]]);
    } finally {
      client.settings = { ...client.settings, severity: null };
      client.notify('workspace/didChangeConfiguration', { settings: null });
    }
  });
});
