import * as assert from 'assert';
import * as path from 'path';
import { PassThrough, Writable } from 'stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { ReusedBufferWriter } from 'pyreview-server/out/messageWriter';
import { SERVER_SCRIPT } from '../helpers/lspClient';
import { startClient, tempWorkspace, until } from './session';

function notification(params: unknown): Message {
  return { jsonrpc: '2.0', method: 'test/note', params } as Message;
}

/** The messages a stream of `Content-Length` frames holds, as vscode-jsonrpc's reader reads them. */
function readMessages(bytes: Buffer): Promise<Message[]> {
  const stream = new PassThrough();
  const reader = new StreamMessageReader(stream);
  const messages: Message[] = [];
  reader.listen((message) => messages.push(message));
  stream.end(bytes);
  return new Promise((resolve) => stream.on('end', () => setImmediate(() => resolve(messages))));
}

describe('ReusedBufferWriter', () => {
  it('frames messages as vscode-jsonrpc reads them: multi-byte text, messages larger than its buffer, many diagnostics', async () => {
    const diagnostics = Array.from({ length: 1_000 }, (_, i) => ({ range: { start: { line: i, character: 0 } }, message: `finding ${i} ${'é𝄞'.repeat(i % 7)}`, data: undefined }));
    const sent = [
      notification({ text: 'plain' }),
      notification({ text: 'é — 𝄞 ✓'.repeat(20_000) }),
      notification({ items: Array.from({ length: 5_000 }, (_, i) => ({ line: i, message: `finding ${i}` })) }),
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.py', version: 3, diagnostics } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.py', diagnostics: [...diagnostics, undefined], version: undefined } } as Message,
      notification({ text: '𝄞' }),
    ];
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    const writer = new ReusedBufferWriter(sink);
    for (const message of sent) await writer.write(message);
    assert.deepStrictEqual(await readMessages(Buffer.concat(chunks)), JSON.parse(JSON.stringify(sent)));
  });

  it('does not reuse a buffer the stream still holds', async () => {
    const received: Buffer[] = [];
    const callbacks: Array<() => void> = [];
    // A slow reader: the stream keeps each chunk (not a copy) and reads it when it completes the write, later.
    const sink = new Writable({
      highWaterMark: 1 << 30,
      write(chunk: Buffer, _encoding, done) {
        callbacks.push(() => {
          received.push(Buffer.from(chunk));
          done();
        });
      },
    });
    const writer = new ReusedBufferWriter(sink);
    const completeWrites = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      while (callbacks.length) {
        callbacks.shift()!();
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const sent = [notification({ n: 1, text: 'a'.repeat(1000) }), notification({ n: 2, text: 'b'.repeat(500) }), notification({ n: 3 })];
    const writes = sent.map((message) => writer.write(message));
    await completeWrites();
    await Promise.all(writes);
    // Once written, a buffer serves the next message.
    sent.push(notification({ n: 4 }));
    const last = writer.write(sent[3]);
    await completeWrites();
    await last;
    assert.deepStrictEqual(await readMessages(Buffer.concat(received)), sent);
  });
});

describe('protocol: the server over stdio', () => {
  it('sends console output to the client\'s log, not into the protocol\'s stream', async () => {
    const workspace = tempWorkspace({ 'print.js': "setTimeout(() => { console.log('printed', { n: 1 }); console.error('complained'); }, 0);\n" });
    const client = await startClient({ args: ['--require', path.join(workspace.dir, 'print.js'), SERVER_SCRIPT, '--stdio'] });
    try {
      const logged = await until('the console output', async () => {
        const messages = client.logMessages.map((log) => log.message);
        return messages.includes('complained') ? messages : undefined;
      });
      assert.ok(logged.includes('printed { n: 1 }'), logged.join('\n'));
      // The protocol's stream is intact after it.
      const uri = workspace.uri('a.py');
      client.open(uri, 'try:\n    pass\nexcept:\n    pass\n');
      assert.deepStrictEqual((await client.waitForDiagnostics(uri, 1)).diagnostics.map((d) => d.code), ['E722']);
    } finally {
      await client.stop();
      workspace.cleanup();
    }
  });
});
