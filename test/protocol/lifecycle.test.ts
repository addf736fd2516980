import * as assert from 'assert';
import type { LspClient } from '../helpers/lspClient';
import { startClient } from './session';

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

  it('exits with code 1 on exit without shutdown', async () => {
    const client = await start();
    client.notify('exit', null);
    assert.strictEqual(await client.exited, 1);
  });
});
