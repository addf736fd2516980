import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import type { ServerState } from './lintStatus';
import { RestartBudget } from './restartBudget';
import { RULE_DOC_SCHEME, RuleDocumentProvider, showRuleDocumentation, SHOW_RULE_DOCUMENTATION_COMMAND } from './ruleDocumentation';
import { insertSnippet, INSERT_SNIPPET_COMMAND, type SnippetTarget } from './snippetEdit';
import { StatusItem } from './statusItem';

/** The code action kinds the server offers for "fix all" and "organize imports"; also usable in `editor.codeActionsOnSave`. */
const FIX_ALL_KIND = 'source.fixAll.pyreview';
const ORGANIZE_IMPORTS_KIND = 'source.organizeImports.pyreview';

/** The server's command answering with its debug information (debugInformation.ts). */
const DEBUG_INFORMATION_COMMAND = 'pyreview.debugInformation';

const STATES: Record<State, ServerState> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
  [State.StartFailed]: 'stopped',
};

let client: LanguageClient | undefined;

/** Asks the server for its state and the settings in effect for the active file, and prints them in the client log. */
async function printDebugInformation(languageClient: LanguageClient, clientLog: vscode.LogOutputChannel, version: string): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const textDocument = document?.languageId === 'python' ? { uri: languageClient.code2ProtocolConverter.asUri(document.uri) } : undefined;
  const server = languageClient.isRunning()
    ? await languageClient.sendRequest(ExecuteCommandRequest.type, { command: DEBUG_INFORMATION_COMMAND, arguments: textDocument ? [{ textDocument }] : [] })
    : 'The server is not running.';
  clientLog.info(`Debug information\npyreview extension ${version}, VS Code ${vscode.version}\n${String(server)}`);
  clientLog.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const version = String((context.extension.packageJSON as { version?: string }).version);
  const clientLog = vscode.window.createOutputChannel('pyreview', { log: true });
  const serverLog = vscode.window.createOutputChannel('pyreview Language Server', { log: true });
  clientLog.info(`pyreview extension ${version} in VS Code ${vscode.version} (${process.platform} ${process.arch})`);
  const status = new StatusItem();
  const restartBudget = new RestartBudget();
  const languageClient = createLanguageClient(context, {
    serverLog,
    restartBudget,
    onChecked: (uri, durationMs, typing) => status.checked(uri, durationMs, typing),
  });
  client = languageClient;

  const runCodeAction = (kind: string) => vscode.commands.executeCommand('editor.action.codeAction', { kind, apply: 'first' });
  context.subscriptions.push(
    clientLog,
    serverLog,
    status,
    languageClient.onDidChangeState(({ newState }) => {
      status.setState(STATES[newState]);
      clientLog.info(`Server ${STATES[newState]}`);
    }),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, new RuleDocumentProvider()),
    vscode.commands.registerCommand('pyreview.fixAll', () => runCodeAction(FIX_ALL_KIND)),
    vscode.commands.registerCommand('pyreview.organizeImports', () => runCodeAction(ORGANIZE_IMPORTS_KIND)),
    vscode.commands.registerCommand('pyreview.restart', async () => {
      restartBudget.reset();
      clientLog.info('Restarting the server');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('pyreview.showLogs', () => clientLog.show()),
    vscode.commands.registerCommand('pyreview.showServerLogs', () => serverLog.show()),
    vscode.commands.registerCommand('pyreview.printDebugInformation', () => printDebugInformation(languageClient, clientLog, version)),
    vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION_COMMAND, (code?: string) => showRuleDocumentation(code)),
    vscode.commands.registerCommand(INSERT_SNIPPET_COMMAND, (target: SnippetTarget) => insertSnippet(languageClient, target)),
  );

  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
