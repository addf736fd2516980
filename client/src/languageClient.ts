import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LintTimer } from './lintTimer';
import type { RestartBudget } from './restartBudget';

export interface ClientHooks {
  output: vscode.LogOutputChannel;
  /** Called with the time from a change (or open/save) to the diagnostics answering it. */
  onLinted(uri: vscode.Uri, durationMs: number): void;
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

function clientOptions({ output, onLinted, restartBudget }: ClientHooks): LanguageClientOptions {
  const timer = new LintTimer();
  const sent = (document: vscode.TextDocument): void => timer.changed(document.uri.toString(), performance.now());
  return {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      // Python cells of notebooks (Jupyter's and others): the server syncs them as notebooks and answers their requests.
      { notebook: '*', language: 'python' },
    ],
    // Settings are not pushed: the server pulls `pyreview.*` per resource with workspace/configuration
    // and registers for didChangeConfiguration itself (a static `synchronize` would notify it twice).
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () =>
        restartBudget.tryRestart(Date.now())
          ? { action: CloseAction.Restart, message: 'The pyreview server stopped unexpectedly; restarting it.' }
          : {
              action: CloseAction.DoNotRestart,
              message: `The pyreview server stopped ${restartBudget.limit} times in a few minutes and was not restarted. See "pyreview: Show output", then run "pyreview: Restart server".`,
            },
    },
    middleware: {
      // With push diagnostics, a lint is timed from the notification that caused it.
      didOpen: (document, next) => {
        sent(document);
        return next(document);
      },
      didChange: (event, next) => {
        sent(event.document);
        return next(event);
      },
      didSave: (document, next) => {
        sent(document);
        return next(document);
      },
      didClose: (document, next) => {
        timer.forget(document.uri.toString());
        return next(document);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        const duration = timer.answered(uri.toString(), performance.now());
        if (duration !== undefined) onLinted(uri, duration);
        next(uri, diagnostics);
      },
      // With pull diagnostics the request itself is the lint.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const start = performance.now();
        const report = await next(document, previousResultId, token);
        onLinted(document instanceof vscode.Uri ? document : document.uri, performance.now() - start);
        return report;
      },
    },
  };
}

export function createLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks): LanguageClient {
  return new LanguageClient('pyreview', 'pyreview', serverOptions(context), clientOptions(hooks));
}
