import { Console } from 'console';
import { Writable } from 'stream';
import { createConnection, ProposedFeatures, type Connection, type ConnectionOptions, type RemoteConsole } from 'vscode-languageserver/node';
import { ReusedBufferWriter } from './messageWriter';
import { ProtocolGate } from './protocolGate';

/** The connection named on the command line, with LSP's lifecycle and params' shapes enforced before any handler (protocolGate.ts). */
export function gatedConnection(): Connection {
  let connection: Connection | undefined = undefined;
  const gate = new ProtocolGate((method) => connection?.console.warn(`pyreview: ${method} ignored: its params are not of the shape LSP gives them`));
  const options = { messageStrategy: gate };
  connection = transportArgument() === '--stdio' ? stdioConnection(options) : createConnection(ProposedFeatures.all, options);
  return connection;
}

/** The first argument naming a transport, as vscode-languageserver reads them. */
function transportArgument(): string | undefined {
  return process.argv.slice(2).find((arg) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(arg));
}

/**
 * Over standard input and output, with messages written through a reused
 * buffer (messageWriter.ts). vscode-languageserver still reads the input
 * stream (the process exits when it ends); what it does besides for
 * `--stdio`, sending console output to the client's log rather than into the
 * protocol's stream, is done here.
 */
function stdioConnection(options: ConnectionOptions): Connection {
  const writer = new ReusedBufferWriter(process.stdout);
  // Its typings take two streams or a reader and a writer; it accepts a stream and a writer alike.
  const connection = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream, options);
  globalThis.console = consoleTo(connection.console);
  return connection;
}

/** A console whose output goes to the client's log: standard output carries the protocol. */
function consoleTo(remote: RemoteConsole): Console {
  const stream = (send: (message: string) => void) => new Writable({
    write(chunk: Buffer, _encoding, done) {
      send(chunk.toString().replace(/\n$/, ''));
      done();
    },
  });
  return new Console({ stdout: stream((message) => remote.log(message)), stderr: stream((message) => remote.error(message)) });
}
