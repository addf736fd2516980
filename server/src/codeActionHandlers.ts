import { CodeActionKind, LSPErrorCodes, ResponseError, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import {
  documentationActions,
  fixableFile,
  fixAllAction,
  FIX_ALL_KIND,
  kindRequested,
  organizeImportsAction,
  ORGANIZE_IMPORTS_KIND,
  quickFixes,
  resolveQuickFix,
  type ResolveData,
} from './codeActions';
import { DEBUG_INFORMATION_COMMAND, debugInformation } from './debugInformation';
import type { ServerSession } from './session';
import type { WorkspaceHandlers } from './workspaceHandlers';

/** `textDocument/codeAction` (quick fixes, fix-all, organize imports), `codeAction/resolve` and the server's command. */
export function registerCodeActionHandlers(session: ServerSession, workspace: WorkspaceHandlers): void {
  const { connection, documents, configs } = session;

  connection.onCodeAction(async ({ textDocument, context }: CodeActionParams): Promise<CodeAction[]> => {
    const { notebooks, support, encoding } = session;
    if (notebooks?.ownsCell(textDocument.uri)) return notebooks.codeActions(textDocument.uri, context, support.codeActionResolve);
    const document = session.fileDocument('textDocument/codeAction', textDocument.uri);
    if (!document) return [];
    const config = await configs.forDocument(textDocument.uri);
    if (!config.enable) return [];
    const actions: CodeAction[] = [];
    if (kindRequested(context.only, CodeActionKind.QuickFix)) {
      const resolveIn = support.codeActionResolve ? textDocument.uri : undefined;
      actions.push(...quickFixes(fixableFile(document, encoding), context.diagnostics, config, (message) => session.logError(message), resolveIn, support.commands));
      if (session.commandLinks()) actions.push(...documentationActions(context.diagnostics));
    }
    // Fixing everything re-checks the file several times: only when asked for by kind (on save, "Source Action…").
    if (context.only && config.editor.fixAll && kindRequested(context.only, FIX_ALL_KIND)) {
      const fixAll = fixAllAction(document, config, session.checker, encoding);
      if (fixAll) actions.push(fixAll);
    }
    if (context.only && config.editor.organizeImports && kindRequested(context.only, ORGANIZE_IMPORTS_KIND)) {
      const organize = organizeImportsAction(document, config, encoding);
      if (organize) actions.push(organize);
    }
    return actions;
  });

  connection.onCodeActionResolve((action) => {
    const uri = (action.data as Partial<ResolveData> | undefined)?.uri;
    if (typeof uri !== 'string') return action;
    if (session.notebooks?.ownsCell(uri)) return session.notebooks.resolveCodeAction(uri, action);
    const document = documents.get(uri)?.document;
    return document ? resolveQuickFix(action, fixableFile(document, session.encoding)) : action;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== DEBUG_INFORMATION_COMMAND) throw new ResponseError(LSPErrorCodes.RequestFailed, `pyreview has no command ${command}`);
    const uri = (args?.[0] as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    const document = typeof uri === 'string' ? documents.get(uri)?.document : undefined;
    return debugInformation({
      support: session.support,
      encoding: session.encoding,
      log: session.log.settings,
      workspaceFolders: session.workspaceFolders,
      indexer: session.indexer,
      workspaceDiagnostics: workspace.diagnostics,
      documents: documents.all(),
      active: document && { document, config: await configs.forDocument(document.uri) },
    });
  });
}
