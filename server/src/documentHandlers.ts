import type { DocumentLinting } from './documentLinting';
import type { ServerSession } from './session';
import type { WorkspaceHandlers } from './workspaceHandlers';

/** Text document sync: `textDocument/didOpen`, `didChange`, `didSave` and `didClose`. */
export function registerDocumentHandlers(session: ServerSession, linting: DocumentLinting, workspace: WorkspaceHandlers): void {
  const { connection, documents } = session;

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const open = documents.open(textDocument.uri, textDocument.version, textDocument.text);
    workspace.documentOpened(open.document);
    linting.lintOn('open', textDocument.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (!documents.change(textDocument.uri, textDocument.version ?? 0, contentChanges, session.encoding)) return session.unknownDocument('didChange', textDocument.uri);
    linting.documentChanged(textDocument.uri);
  });

  connection.onDidSaveTextDocument(({ textDocument }) => {
    const open = documents.get(textDocument.uri);
    if (!open) return session.unknownDocument('didSave', textDocument.uri);
    workspace.documentSaved(open.document);
    linting.lintOn('save', textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    if (!documents.close(uri)) return session.unknownDocument('didClose', uri);
    session.collector.memoryFreed();
    workspace.documentClosed(uri);
    linting.documentClosed(uri);
    session.configs.forget(uri);
  });
}
