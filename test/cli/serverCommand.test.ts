import * as assert from 'assert';
import { spawn } from 'child_process';
import { CLI } from './cliHarness';

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('pyreview server --stdio', () => {
  it('answers initialize over stdio and exits 0 after shutdown and exit', async () => {
    const server = spawn(process.execPath, [CLI, 'server', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const initialized = new Promise<void>((resolve) => {
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('"id":1')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await initialized;
    assert.match(output, /"capabilities":\{/);
    server.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
    server.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
    assert.strictEqual(await exited, 0);
  });
});
