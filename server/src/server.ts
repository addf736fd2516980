import type { Connection } from 'vscode-languageserver/node';
import { registerCodeActionHandlers } from './codeActionHandlers';
import { gatedConnection } from './connection';
import { registerDiagnosticHandlers } from './diagnosticHandlers';
import { registerDocumentHandlers } from './documentHandlers';
import { DocumentLinting } from './documentLinting';
import { limitInlining } from './jitFlags';
import { registerLanguageFeatureHandlers } from './languageFeatureHandlers';
import { ServerSession, type ServerHooks } from './session';
import { WorkspaceHandlers } from './workspaceHandlers';

/**
 * Starts the pyreview language server on a connection (by default the one
 * named on the command line: `--stdio`, `--node-ipc` or `--socket=N`): a
 * session, and each area of handlers registered on it.
 */
export function startServer(connection: Connection = gatedConnection(), hooks: ServerHooks = {}): Connection {
  limitInlining();
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
