import * as assert from 'assert';
import { LspClient } from '../helpers/lspClient';
import { startClient, tempWorkspace } from './session';

/** The error code a request is answered with (undefined: it was answered with a result). */
async function errorCode(answer: Promise<unknown>): Promise<number | undefined> {
  try {
    await answer;
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

const POSITION = { line: 0, character: 0 };

describe('protocol: initialize and shutdown', () => {
  const started: LspClient[] = [];
  afterEach(() => {
    for (const client of started.splice(0)) client.kill();
  });

  async function start(positionEncodings?: string[]): Promise<LspClient> {
    const client = await startClient({ positionEncodings });
    started.push(client);
    return client;
  }

  it('negotiates utf-8 when the client offers it', async () => {
    const client = await start(['utf-16', 'utf-8']);
    assert.strictEqual(client.initializeResult.capabilities.positionEncoding, 'utf-8');
  });

  it('falls back to utf-16 when utf-8 is not offered', async () => {
    assert.strictEqual((await start(['utf-32', 'utf-16'])).initializeResult.capabilities.positionEncoding, 'utf-16');
    assert.strictEqual((await start()).initializeResult.capabilities.positionEncoding, 'utf-16');
  });

  it('announces incremental sync, code actions with fixAll, and hover', async () => {
    const { capabilities } = (await start()).initializeResult;
    assert.deepStrictEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepStrictEqual(capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.pyreview', 'source.organizeImports.pyreview'],
      // A block's shared indentation fix is computed when a client resolves it.
      resolveProvider: true,
    });
    assert.strictEqual(capabilities.hoverProvider, true);
    assert.strictEqual(capabilities.diagnosticProvider, undefined, 'pull diagnostics only for clients that support them');
  });

  it('exits with code 0 after shutdown and exit', async () => {
    const client = await start();
    assert.strictEqual(await client.stop(), 0);
  });

  it('answers requests before initialize with ServerNotInitialized (-32002) and drops notifications', async () => {
    const workspace = tempWorkspace();
    const client = LspClient.spawn();
    started.push(client);
    try {
      const uri = workspace.uri('early.py');
      assert.strictEqual(await errorCode(client.request('textDocument/hover', { textDocument: { uri }, position: POSITION })), -32002);
      assert.strictEqual(await errorCode(client.request('shutdown', null)), -32002);
      assert.strictEqual(await errorCode(client.request('textDocument/definition', { textDocument: { uri }, position: POSITION })), -32002);
      client.open(uri, 'try:\n    pass\nexcept:\n    pass\n');
      await client.initialize();
      client.notify('initialized', {});
      assert.deepStrictEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: POSITION, end: POSITION }, context: { diagnostics: [] } }), []);
      assert.ok(!client.diagnosticsFor(uri).length, 'the didOpen before initialize was dropped');
      assert.strictEqual(await errorCode(client.initialize()), -32600, 'initialize may only be sent once');
    } finally {
      workspace.cleanup();
    }
  });

  it('answers requests after shutdown with InvalidRequest (-32600), and still exits 0', async () => {
    const client = await start();
    await client.request('shutdown', null);
    assert.strictEqual(await errorCode(client.request('textDocument/hover', { textDocument: { uri: 'file:///x.py' }, position: POSITION })), -32600);
    assert.strictEqual(await errorCode(client.request('shutdown', null)), -32600);
    client.notify('exit', null);
    assert.strictEqual(await client.exited, 0);
  });

  it('answers params of the wrong shape with InvalidParams (-32602), drops such notifications, and goes on', async () => {
    const client = await start();
    const uri = 'file:///tmp/shapes.py';
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: {} }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: '1', character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: POSITION, end: POSITION } }],
      ['textDocument/rename', { textDocument: { uri }, position: POSITION, newName: 7 }],
      ['textDocument/inlayHint', null],
      ['codeAction/resolve', null],
    ] as const) {
      assert.strictEqual(await errorCode(client.request(method, params)), -32602, `${method} ${JSON.stringify(params)}`);
    }
    client.notify('textDocument/didOpen', { textDocument: { uri, version: 1 } });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: {} }] });
    client.notify('notebookDocument/didOpen', { notebookDocument: { uri: 'file:///tmp/shapes.ipynb', version: 1, cells: [{ kind: 2 }] }, cellTextDocuments: [] });
    client.open(uri, 'try:\n    pass\nexcept:\n    pass\n', 3);
    assert.deepStrictEqual((await client.waitForDiagnostics(uri, 3)).diagnostics.map((d) => d.code), ['E722']);
    for (const method of ['textDocument/didOpen', 'notebookDocument/didOpen']) {
      assert.ok(client.logMessages.some((m) => m.message.includes(`${method} ignored`)), JSON.stringify(client.logMessages));
    }
    assert.doesNotMatch(client.stderr, /TypeError/);
  });

  it('exits with code 1 on exit without shutdown', async () => {
    const client = await start();
    client.notify('exit', null);
    assert.strictEqual(await client.exited, 1);
  });
});
