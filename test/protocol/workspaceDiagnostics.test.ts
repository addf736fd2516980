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

  const PULL_CAPABILITIES = {
    textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } }, window: { workDoneProgress: true },
  };

  type WorkspacePull = { items: WorkspaceReportItem[] };
  const workspacePull = (previousResultIds: Array<{ uri: string; value: string }> = []) =>
    client!.request<WorkspacePull>('workspace/diagnostic', { previousResultIds });

  it('answers workspace/diagnostic pulls with reports for unopened files, and waits for a change rather than answering nothing new', async () => {
    const uri = fileUri('pkg/never_opened.py');
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings: { diagnosticMode: 'workspace' }, capabilities: PULL_CAPABILITIES });
    const report = await until('a workspace report for the file', async () => (await workspacePull()).items.find((item) => item.uri === uri));
    assert.strictEqual(report.kind, 'full');
    assert.deepStrictEqual(report.items!.map((d) => d.code), ['E722']);
    // Every report known: the answer comes with the next change, not at once (VS Code would pull again every 2 s).
    const known = [{ uri, value: report.resultId }, { uri: fileUri('clean.py'), value: (await workspacePull()).items.find((item) => item.uri === fileUri('clean.py'))!.resultId }];
    let answered = false;
    const next = workspacePull(known).then((answer) => ((answered = true), answer));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(answered, false, 'nothing changed yet');
    fs.writeFileSync(path.join(workspace.dir, 'pkg', 'never_opened.py'), TWO_BARE_EXCEPTS);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    const changed = (await next).items;
    assert.deepStrictEqual(changed.map((item) => [item.uri, item.items!.map((d) => d.code)]), [[uri, ['E722', 'E722']]]);
  });

  it('streams changes as partial results when the client gives a token', async () => {
    const uri = fileUri('pkg/never_opened.py');
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings: { diagnosticMode: 'workspace' }, capabilities: PULL_CAPABILITIES });
    const streamed = () => client!.progress.filter((p) => p.token === 'stream').flatMap((p) => (p.value as WorkspacePull).items);
    void client.request('workspace/diagnostic', { previousResultIds: [], partialResultToken: 'stream' });
    await until('the file streamed', async () => streamed().find((item) => item.uri === uri));
    fs.writeFileSync(path.join(workspace.dir, 'pkg', 'never_opened.py'), TWO_BARE_EXCEPTS);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    const again = await until('the change streamed', async () => streamed().filter((item) => item.uri === uri)[1]);
    assert.deepStrictEqual(again.items!.map((d) => d.code), ['E722', 'E722']);
  });

  it('shows progress while it checks the workspace', async () => {
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings: { diagnosticMode: 'workspace' }, capabilities: PULL_CAPABILITIES });
    const titled = (title: RegExp) => client!.progress.find((p) => title.test((p.value as { title?: string }).title ?? ''));
    const begin = await until('checking progress', async () => titled(/checking the workspace/));
    const end = await until('checking done', async () => client!.progress.find((p) => p.token === begin.token && (p.value as { kind: string }).kind === 'end'));
    const reports = client.progress.filter((p) => p.token === begin.token && (p.value as { kind: string }).kind === 'report');
    assert.ok(end);
    assert.match((reports.at(-1)!.value as { message: string }).message, /^2\/2 files$/);
  });

  it('clears the problems of a document closed in the default mode, through the workspace report', async () => {
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, capabilities: PULL_CAPABILITIES });
    for (const uri of [fileUri('pkg/never_opened.py'), 'untitled:Untitled-1']) {
      client.open(uri, ONE_BARE_EXCEPT, 1);
      const pulled: { items: unknown[] } = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.strictEqual(pulled.items.length, 1);
      const cleared = workspacePull();
      client.close(uri);
      const item = (await cleared).items.find((report) => report.uri === uri);
      assert.deepStrictEqual(item && [item.kind, item.items], ['full', []], `${uri} cleared`);
      // Once the client has the empty report, it is not sent again.
      const next = workspacePull([{ uri, value: item!.resultId }]);
      const timeout = new Promise((resolve) => setTimeout(() => resolve('waiting'), 300));
      assert.strictEqual(await Promise.race([next, timeout]), 'waiting');
    }
  });

  it('clears what the workspace mode reported when the mode is switched off', async () => {
    const uri = fileUri('pkg/never_opened.py');
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings: { diagnosticMode: 'workspace' }, capabilities: PULL_CAPABILITIES });
    const report = await until('a workspace report for the file', async () => (await workspacePull()).items.find((item) => item.uri === uri));
    client.settings = { ...client.settings, diagnosticMode: 'openFiles' };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const cleared = await until('the report cleared', async () =>
      (await workspacePull([{ uri, value: report.resultId }])).items.find((item) => item.uri === uri && item.resultId !== report.resultId));
    assert.deepStrictEqual([cleared.kind, cleared.items], ['full', []]);
  });

  it('checks the Python files of a workspace whose pyproject.toml has a mistake, with the rest of its table, and no notebook as Python', async () => {
    fs.writeFileSync(path.join(workspace.dir, 'pyproject.toml'), '[tool.pyreview]\nextend-selct = ["ANN"]\nexclude = ["clean.py"]\n');
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['import os\n'] }] };
    fs.writeFileSync(path.join(workspace.dir, 'report.ipynb'), JSON.stringify(notebook));
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings: { diagnosticMode: 'workspace' } });
    const checked = await client.waitForDiagnostics(fileUri('pkg/never_opened.py'), undefined, 20_000);
    assert.deepStrictEqual(checked.diagnostics.map((d) => d.code), ['E722']);
    await until('the workspace index', async () => (client!.logMessages.some((m) => /indexed 1 files/.test(m.message)) ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepStrictEqual(client.diagnosticsFor(fileUri('report.ipynb')), [], 'a notebook is not Python source');
    assert.deepStrictEqual(client.diagnosticsFor(fileUri('clean.py')), [], 'excluded by the rest of the table');
  });

  it('checks only open files in the default mode', async () => {
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href });
    // Indexing ends with a log line; any workspace check would have been queued by then.
    await until('the workspace index', async () => (client!.logMessages.some((m) => /indexed \d+ files/.test(m.message)) ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepStrictEqual(client.diagnosticsFor(fileUri('pkg/never_opened.py')), []);
  });
});
