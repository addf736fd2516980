import * as vscode from 'vscode';

/** Linting slower than this (keystroke to diagnostics) makes the status item a warning. */
export const SLOW_LINT_MS = 500;

export type ServerState = 'starting' | 'running' | 'stopped';

/** The "{}" language status entry next to "Python" in the status bar. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('pyreview.status', { language: 'python' });
  private state: ServerState = 'starting';
  private lastLint: { at: Date; durationMs: number; file: string } | undefined;

  constructor() {
    this.item.name = 'pyreview';
    this.item.command = { title: 'Show output', command: 'pyreview.showOutput' };
    this.render();
  }

  setState(state: ServerState): void {
    this.state = state;
    this.render();
  }

  linted(file: string, durationMs: number, at = new Date()): void {
    this.lastLint = { at, durationMs, file };
    this.render();
  }

  private render(): void {
    const item = this.item;
    item.busy = this.state === 'starting';
    const slow = this.lastLint !== undefined && this.lastLint.durationMs > SLOW_LINT_MS;
    if (this.state === 'stopped') {
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.text = 'pyreview: stopped';
      item.detail = 'The server is not running; run "pyreview: Restart server".';
      item.command = { title: 'Restart', command: 'pyreview.restart' };
      return;
    }
    item.command = { title: 'Show output', command: 'pyreview.showOutput' };
    item.severity = slow ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.text = this.state === 'starting' ? 'pyreview: starting' : slow ? 'pyreview: slow' : 'pyreview';
    item.detail = this.lastLint
      ? `Last lint ${this.lastLint.at.toLocaleTimeString()} in ${Math.round(this.lastLint.durationMs)} ms (${this.lastLint.file})` +
        (slow ? ' — consider "pyreview.run": "onSave"' : '')
      : 'No file linted yet';
  }

  dispose(): void {
    this.item.dispose();
  }
}
