import * as vscode from 'vscode';
import { LintStatus, type ServerState } from './lintStatus';

const SEVERITIES = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

/** The "{}" language status entry next to "Python" in the status bar, about the active editor's file. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('pyreview.status', { language: 'python' });
  private readonly status = new LintStatus();
  private state: ServerState = 'starting';
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'pyreview';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.status.forget(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('pyreview.enable') && this.render()),
    ];
    this.render();
  }

  setState(state: ServerState): void {
    this.state = state;
    this.render();
  }

  checked(uri: vscode.Uri, durationMs: number, typing: boolean): void {
    // VS Code pulls a document once more after closing it.
    if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return;
    this.status.checked(uri.toString(), vscode.workspace.asRelativePath(uri), durationMs, typing);
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const active = document?.languageId === 'python'
      ? { uri: document.uri.toString(), enabled: vscode.workspace.getConfiguration('pyreview', document.uri).get<boolean>('enable') !== false }
      : undefined;
    const view = this.status.view(this.state, active);
    Object.assign(this.item, { text: view.text, detail: view.detail, severity: SEVERITIES[view.severity], busy: view.busy, command: view.command });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
