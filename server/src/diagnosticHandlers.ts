import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { DocumentLinting } from './documentLinting';
import type { ServerSession } from './session';
import type { WorkspaceHandlers } from './workspaceHandlers';

/** `textDocument/diagnostic`: pull clients' requests for an open document's diagnostics (push clients are sent them by DocumentLinting). */
export function registerDiagnosticHandlers(session: ServerSession, linting: DocumentLinting, workspace: WorkspaceHandlers): void {
  session.connection.languages.diagnostics.on(async ({ textDocument, previousResultId }: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    const { uri } = textDocument;
    const { documents, configs } = session;
    // Notebook cells get their diagnostics pushed (see notebookSync.ts).
    if (session.notebooks?.ownsCell(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const open = documents.get(uri);
    if (!open) return { kind: DocumentDiagnosticReportKind.Full, items: workspace.closedDocumentPulled(uri) };
    const config = await configs.forDocument(uri);
    // Cancelled while settings were fetched (the document changed, or a refresh came): the client asks again.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The document changed; pull again.');
    if (documents.get(uri) !== open) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (config.run === 'onSave') {
      // Between saves, pulls get what the last save (or the opening) showed.
      const saved = open.savedReport ?? { resultId: `s${linting.keyOf(open.document, config)}`, items: linting.diagnose(open, config, 'settle').diagnostics };
      open.savedReport = saved;
      if (previousResultId === saved.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: saved.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, ...saved };
    }
    // VS Code cancels a pull in flight when the document changes and pulls again once it is answered,
    // often for the version just linted. That version's report stands (its settling is already scheduled).
    let report = open.report;
    if (report?.key !== linting.keyOf(open.document, config)) {
      // Without refresh support a client would never ask again: it gets the settled result now.
      report = (await linting.lintDocument(uri, session.support.diagnosticRefresh ? 'keystroke' : 'settle'))?.report;
      if (!report) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    if (previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
  });
}
