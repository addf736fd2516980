import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { registerCodeActionHandlers } from './codeActionHandlers';
import { registerDiagnosticHandlers } from './diagnosticHandlers';
import { registerDocumentHandlers } from './documentHandlers';
import { DocumentLinting } from './documentLinting';
import { registerLanguageFeatureHandlers } from './languageFeatureHandlers';
import { ProtocolGate } from './protocolGate';
import { ServerSession, type ServerHooks } from './session';
import { WorkspaceHandlers } from './workspaceHandlers';

/** The connection named on the command line, with LSP's lifecycle and params' shapes enforced before any handler (protocolGate.ts). */
function gatedConnection(): Connection {
  let connection: Connection | undefined = undefined;
  const gate = new ProtocolGate((method) => connection?.console.warn(`pyreview: ${method} ignored: its params are not of the shape LSP gives them`));
  connection = createConnection(ProposedFeatures.all, { messageStrategy: gate });
  return connection;
}

/**
 * Starts the pyreview language server on a connection (by default the one
 * named on the command line: `--stdio`, `--node-ipc` or `--socket=N`): a
 * session, and each area of handlers registered on it.
 */
export function startServer(connection: Connection = gatedConnection(), hooks: ServerHooks = {}): Connection {
  const session = new ServerSession(connection, hooks);
  const linting = new DocumentLinting(session);
  const workspace = new WorkspaceHandlers(session, linting);
  registerDocumentHandlers(session, linting, workspace);
  registerDiagnosticHandlers(session, linting, workspace);
  registerCodeActionHandlers(session, workspace);
  registerLanguageFeatureHandlers(session);
  connection.listen();
  return connection;
}

if (require.main === module) startServer();
