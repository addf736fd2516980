import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { RestartBudget } from './restartBudget';
import { RULE_DOC_SCHEME, RuleDocumentProvider, showRuleDocumentation } from './ruleDocumentation';
import { StatusItem, type ServerState } from './statusItem';

/** The code action kind the server offers for "fix all"; also usable in `editor.codeActionsOnSave`. */
const FIX_ALL_KIND = 'source.fixAll.pyreview';

const STATES: Record<State, ServerState> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
};

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('pyreview', { log: true });
  const status = new StatusItem();
  const restartBudget = new RestartBudget();
  const languageClient = createLanguageClient(context, {
    output,
    restartBudget,
    onLinted: (uri, durationMs) => status.linted(vscode.workspace.asRelativePath(uri), durationMs),
  });
  client = languageClient;

  context.subscriptions.push(
    output,
    status,
    languageClient.onDidChangeState(({ newState }) => status.setState(STATES[newState])),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, new RuleDocumentProvider()),
    vscode.commands.registerCommand('pyreview.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' }),
    ),
    vscode.commands.registerCommand('pyreview.restart', async () => {
      restartBudget.reset();
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('pyreview.showOutput', () => output.show()),
    vscode.commands.registerCommand('pyreview.showRuleDocumentation', (code?: string) => showRuleDocumentation(code)),
  );

  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
