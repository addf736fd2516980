/**
 * Large documents: on a keystroke the slow file-wide rules (here F401, which
 * needs the semantic model) keep their previous findings, and once typing
 * pauses the settled result follows — published again to push clients, and
 * behind a `workspace/diagnostic/refresh` for pull clients.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { startClient, tempWorkspace, until } from './session';

// Larger than the size below which documents are checked completely on every keystroke.
const FILLER = Array.from({ length: 3000 }, (_, i) => `value_${i} = ${i}  # filler line to make the document large\n`).join('');
const LARGE = `import os\n${FILLER}`;
const SETTINGS = { select: ['F401', 'E722'] };

/** A client that pulls diagnostics and honours refresh requests, as VS Code does. */
function startPullClient(): Promise<LspClient> {
  return startClient({
    settings: SETTINGS,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
  });
}

function pullDiagnostics(client: LspClient, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
}

/** Opens the large document in a pull client, pulls it once, then runs `test` with a pull of it; the client is stopped after. */
async function withLargePull(
  uri: string,
  test: (client: LspClient, pull: (previousResultId?: string) => Promise<DocumentDiagnosticReport>, first: FullDocumentDiagnosticReport) => Promise<void>,
): Promise<void> {
  const client = await startPullClient();
  try {
    client.open(uri, LARGE, 1);
    const pull = (previousResultId?: string) => pullDiagnostics(client, uri, previousResultId);
    const refreshes = client.diagnosticRefreshes;
    const first = await pull() as FullDocumentDiagnosticReport;
    assert.strictEqual(client.diagnosticRefreshes, refreshes);
    await test(client, pull, first);
  } finally {
    await client.stop();
  }
}

/** Waits for the server's refresh request, then pulls again: the settled report, where the edit used `os`, has no F401. */
async function expectSettledAfterRefresh(
  client: LspClient,
  refreshesBefore: number,
  pull: (previousResultId?: string) => Promise<DocumentDiagnosticReport>,
  unsettled: FullDocumentDiagnosticReport,
): Promise<void> {
  await until('a refresh request', async () => (client.diagnosticRefreshes > refreshesBefore ? true : undefined));
  const settled = await pull(unsettled.resultId) as FullDocumentDiagnosticReport;
  assert.strictEqual(settled.kind, 'full');
  assert.deepStrictEqual(settled.items.map((d) => d.code), []);
}

/** An edit using the import: the keystroke lint carries F401, the settled one drops it. */
const USE_OS = { range: { start: { line: 2000, character: 0 }, end: { line: 2000, character: 0 } }, text: 'print(os)\n' };

describe('protocol: settling large documents', () => {
  const workspace = tempWorkspace();
  after(() => workspace.cleanup());

  it('publishes the settled findings of a large document after the fast ones (push)', async () => {
    const client: LspClient = await startClient({ settings: SETTINGS });
    try {
      const uri = workspace.uri('large_push.py');
      client.open(uri, LARGE, 1);
      const settled = await until('F401 on the opened document', async () =>
        client.diagnosticsFor(uri).find((p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'F401')));
      assert.strictEqual(settled.diagnostics.filter((d) => d.code === 'F401').length, 1);
      // A keystroke elsewhere: F401 is carried (still there) in the first publication of version 2.
      client.change(uri, 2, [{ range: { start: { line: 2000, character: 0 }, end: { line: 2000, character: 0 } }, text: 'x' }]);
      const fast = await client.waitForDiagnostics(uri, 2);
      assert.ok(fast.diagnostics.some((d) => d.code === 'F401'), 'carried through the edit');
      // Using the import removes F401 once the document settles.
      client.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'print(os)\n' }]);
      await until('the settled result without F401', async () =>
        client.diagnosticsFor(uri).filter((p) => p.version === 3).some((p) => !p.diagnostics.some((d) => d.code === 'F401')) ? true : undefined);
    } finally {
      await client.stop();
    }
  });

  it('answers the first pull of a large document with every finding, with no refresh to follow', () =>
    withLargePull(workspace.uri('large_first_pull.py'), async (client, pull, first) => {
      assert.deepStrictEqual(first.items.map((d) => d.code), ['F401'], 'F401 needs the semantic model: a keystroke lint would leave it out');
      const refreshes = client.diagnosticRefreshes;
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.strictEqual(client.diagnosticRefreshes, refreshes, 'nothing left to settle');
      assert.deepStrictEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    }));

  it('asks pull clients to pull again once a large document settles to other findings', () =>
    withLargePull(workspace.uri('large_pull.py'), async (client, pull) => {
      const refreshes = client.diagnosticRefreshes;
      client.change(workspace.uri('large_pull.py'), 2, [USE_OS]);
      const carried = await pull() as FullDocumentDiagnosticReport;
      assert.deepStrictEqual(carried.items.map((d) => d.code), ['F401'], 'carried through the edit');
      await expectSettledAfterRefresh(client, refreshes, pull, carried);
    }));

  it('does not ask pull clients to pull again when settling finds what the keystroke lint showed', () =>
    withLargePull(workspace.uri('large_same_settled.py'), async (client, pull) => {
      const refreshes = client.diagnosticRefreshes;
      client.change(workspace.uri('large_same_settled.py'), 2, [{ range: { start: { line: 2000, character: 0 }, end: { line: 2000, character: 0 } }, text: 'x' }]);
      const carried = await pull() as FullDocumentDiagnosticReport;
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.strictEqual(client.diagnosticRefreshes, refreshes, 'the settled report equals the carried one');
      assert.deepStrictEqual(await pull(carried.resultId), { kind: 'unchanged', resultId: carried.resultId });
    }));

  it('answers a pull repeated for the same version with the same unsettled report, then settles', () =>
    // VS Code cancels a pull in flight when the document changes and then pulls the same version again.
    withLargePull(workspace.uri('large_repeated_pull.py'), async (client, pull) => {
      const refreshes = client.diagnosticRefreshes;
      client.change(workspace.uri('large_repeated_pull.py'), 2, [USE_OS]);
      const carried = await pull() as FullDocumentDiagnosticReport;
      assert.deepStrictEqual(await pull(), carried);
      await expectSettledAfterRefresh(client, refreshes, pull, carried);
    }));

  it('keeps the findings that need the semantic model when an unchanged document is linted again (push)', async () => {
    const client: LspClient = await startClient({ settings: SETTINGS });
    try {
      const uri = workspace.uri('large_relint.py');
      client.open(uri, LARGE, 1);
      await until('F401 on the opened document', async () =>
        client.diagnosticsFor(uri).find((p) => p.diagnostics.some((d) => d.code === 'F401')));
      const count = client.diagnosticsFor(uri).length;
      // Another Python file changed on disk: every open document is linted again, without an edit.
      fs.writeFileSync(path.join(workspace.dir, 'other.py'), 'x = 1\n');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('other.py'), type: 2 }] });
      const relinted = await until('a new publication', async () => client.diagnosticsFor(uri)[count]);
      assert.deepStrictEqual(relinted.diagnostics.map((d) => d.code), ['F401']);
    } finally {
      await client.stop();
    }
  });
});
