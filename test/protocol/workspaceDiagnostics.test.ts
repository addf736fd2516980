/**
 * Workspace diagnostics (`pyreview.diagnosticMode: "workspace"`): files that
 * were never opened get diagnostics from disk, kept current as they change,
 * by push or through `workspace/diagnostic`; in the default mode they get none.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { LspClient } from '../helpers/lspClient';
import { startClient, tempWorkspace, until } from './session';

const ONE_BARE_EXCEPT = 'try:\n    run()\nexcept:\n    pass\n';
const TWO_BARE_EXCEPTS = `${ONE_BARE_EXCEPT}try:\n    run()\nexcept:\n    pass\n`;

interface WorkspaceReportItem {
  uri: string;
  kind: string;
  resultId: string;
  items?: Array<{ code: string }>;
}


describe('protocol: workspace diagnostics', () => {
  let client: LspClient | undefined;
  let workspace: ReturnType<typeof tempWorkspace>;

  beforeEach(() => {
    workspace = tempWorkspace();
    fs.mkdirSync(path.join(workspace.dir, 'pkg'));
    fs.writeFileSync(path.join(workspace.dir, 'pkg', 'never_opened.py'), ONE_BARE_EXCEPT);
    fs.writeFileSync(path.join(workspace.dir, 'clean.py'), 'x = 1\n');
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    workspace.cleanup();
  });

  const fileUri = (name: string) => pathToFileURL(path.join(workspace.dir, name)).href;

  it('publishes diagnostics for files never opened, and follows changes on disk', async () => {
    const uri = fileUri('pkg/never_opened.py');
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings: { diagnosticMode: 'workspace' } });
    const first = await client.waitForDiagnostics(uri, undefined, 20_000);
    assert.deepStrictEqual(first.diagnostics.map((d) => d.code), ['E722']);
    assert.strictEqual(first.version, undefined, 'a file on disk has no version');

    const next = client.waitForDiagnostics(uri, undefined, 20_000);
    fs.writeFileSync(path.join(workspace.dir, 'pkg', 'never_opened.py'), TWO_BARE_EXCEPTS);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    assert.deepStrictEqual((await next).diagnostics.map((d) => d.code), ['E722', 'E722']);

    const cleared = client.waitForDiagnostics(uri, undefined, 20_000);
    fs.rmSync(path.join(workspace.dir, 'pkg', 'never_opened.py'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    assert.deepStrictEqual((await cleared).diagnostics, []);
  });

  it('checks files whose names are not UTF-8, under the URI such a client sends (caf%E9.py)', async () => {
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(workspace.dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.py')]), TWO_BARE_EXCEPTS);
    const uri = `${pathToFileURL(workspace.dir).href}/caf%E9.py`;
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings: { diagnosticMode: 'workspace' } });
    const published = await client.waitForDiagnostics(uri, undefined, 20_000);
    assert.deepStrictEqual(published.diagnostics.map((d) => d.code), ['E722', 'E722']);
  });

  it('answers workspace/diagnostic pulls with reports for unopened files', async () => {
    const uri = fileUri('pkg/never_opened.py');
    client = await startClient({
      rootUri: pathToFileURL(workspace.dir).href,
      settings: { diagnosticMode: 'workspace' },
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    const report = await until('a workspace report for the file', async () => {
      const { items } = await client!.request<{ items: WorkspaceReportItem[] }>('workspace/diagnostic', { previousResultIds: [] });
      return items.find((item) => item.uri === uri);
    });
    assert.strictEqual(report.kind, 'full');
    assert.deepStrictEqual(report.items!.map((d) => d.code), ['E722']);
    const again = await client.request<{ items: WorkspaceReportItem[] }>('workspace/diagnostic', { previousResultIds: [{ uri, value: report.resultId }] });
    assert.strictEqual(again.items.find((item) => item.uri === uri)?.kind, 'unchanged');
  });

  it('checks only open files in the default mode', async () => {
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href });
    // Indexing ends with a log line; any workspace check would have been queued by then.
    await until('the workspace index', async () => (client!.logMessages.some((m) => /indexed \d+ files/.test(m.message)) ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepStrictEqual(client.diagnosticsFor(fileUri('pkg/never_opened.py')), []);
  });
});
