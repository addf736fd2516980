import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LSPErrorCodes,
  RenameRequest,
  ResponseError,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LintTimer } from './lintTimer';
import type { RestartBudget } from './restartBudget';
import { SHOW_RULE_DOCUMENTATION_COMMAND } from './ruleDocumentation';
import { INSERT_SNIPPET_COMMAND } from './snippetEdit';

export interface ClientHooks {
  /** Where the server's messages (and the protocol trace) go. */
  serverLog: vscode.LogOutputChannel;
  /** Called when diagnostics answer an opening, an edit (`typing`) or a save, with the time they took. */
  onChecked(uri: vscode.Uri, durationMs: number, typing: boolean): void;
  restartBudget: RestartBudget;
}

/** The server bundle sits next to both `.wasm` files in `dist/`; `TransportKind.ipc` adds `--node-ipc`. */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
}

function clientOptions({ serverLog, onChecked, restartBudget }: ClientHooks, client: () => LanguageClient): LanguageClientOptions {
  const timer = new LintTimer();
  const sent = (document: vscode.TextDocument, typing: boolean): void => timer.changed(document.uri.toString(), performance.now(), typing);
  return {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      // Python cells of notebooks (Jupyter's and others): the server syncs them as notebooks and answers their requests.
      { notebook: '*', language: 'python' },
    ],
    // Settings are not pushed: the server pulls `pyreview.*` per resource with workspace/configuration
    // and registers for didChangeConfiguration itself (a static `synchronize` would notify it twice).
    // A log channel: the client shows each server message at its level (the protocol trace, at Trace).
    outputChannel: serverLog,
    traceOutputChannel: serverLog,
    // The server links rule codes to this extension's own pages and inserts docstring stubs as snippets.
    initializationOptions: { clientCommands: [SHOW_RULE_DOCUMENTATION_COMMAND, INSERT_SNIPPET_COMMAND] },
    markdown: { isTrusted: { enabledCommands: [SHOW_RULE_DOCUMENTATION_COMMAND] } },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () =>
        restartBudget.tryRestart(Date.now())
          ? { action: CloseAction.Restart, message: 'The pyreview server stopped unexpectedly; restarting it.' }
          : {
            action: CloseAction.DoNotRestart,
            message: `The pyreview server stopped ${restartBudget.limit} times in a few minutes and was not restarted. See "pyreview: Show server logs", then run "pyreview: Restart server".`,
          },
    },
    middleware: {
      // With push diagnostics, a check is timed from the notification that caused it.
      didOpen: (document, next) => {
        sent(document, false);
        return next(document);
      },
      didChange: (event, next) => {
        sent(event.document, true);
        return next(event);
      },
      didSave: (document, next) => {
        sent(document, false);
        return next(document);
      },
      didClose: (document, next) => {
        timer.forget(document.uri.toString());
        return next(document);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        const answered = timer.answered(uri.toString(), performance.now());
        if (answered) onChecked(uri, answered.durationMs, answered.typing);
        next(uri, diagnostics);
      },
      // With pull diagnostics the request itself is the check, a typing one when an edit was waiting for it
      // (VS Code pulls right after each edit; one that no pull answered is not counted later).
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        const start = performance.now();
        const typing = timer.answered(uri.toString(), start)?.typing ?? false;
        const report = await next(document, previousResultId, token);
        onChecked(uri, performance.now() - start, typing);
        return report;
      },
      // A refused rename is shown in the rename box, as VS Code shows errors the provider throws,
      // instead of "No result" and an error in the log.
      provideRenameEdits: async (document, position, newName, token) => {
        const { code2ProtocolConverter, protocol2CodeConverter } = client();
        const params = { textDocument: code2ProtocolConverter.asTextDocumentIdentifier(document), position: code2ProtocolConverter.asPosition(position), newName };
        try {
          return await protocol2CodeConverter.asWorkspaceEdit(await client().sendRequest(RenameRequest.type, params, token), token);
        } catch (error) {
          if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestFailed) throw new Error(error.message, { cause: error });
          throw error;
        }
      },
    },
  };
}

export function createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): LanguageClient {
  const client: LanguageClient = new LanguageClient('pyreview', 'pyreview', serverOptions(context), clientOptions(hooks, () => client));
  return client;
}
