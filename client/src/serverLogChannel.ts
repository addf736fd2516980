import type * as vscode from 'vscode';

type Level = 'info' | 'warn' | 'error';

const PREFIX = /^\[(Trace|Debug|Info|Warn|Error)\s*- [^\]]*\] ([\s\S]*)$/;

/**
 * The language client's prefixes, and the level each message is shown at. The server sends debug
 * messages only at `pyreview.logLevel: debug`: shown at info, they need no log level set in VS Code too.
 */
const LEVELS: Readonly<Record<string, Level>> = { Trace: 'info', Debug: 'info', Info: 'info', Warn: 'warn', Error: 'error' };

/** A normal exit, which the language client reports as an error when the server stops (a restart). */
const CLEAN_EXIT = /^Server process exited with code 0\.$/;

/** The level and text of one line the language client writes; the messages a user asked for with `trace.server` stay visible at info. */
export function levelOf(line: string): { level: Level; message: string } {
  const match = PREFIX.exec(line);
  if (!match) return { level: 'info', message: line };
  const [, name, message] = match;
  if (name === 'Trace') return { level: 'info', message: line };
  return { level: CLEAN_EXIT.test(message) ? 'info' : LEVELS[name], message };
}

/**
 * The output channel the language client writes the server's messages to.
 * It writes every message as a line of text ("[Warn - 10:01:02] …"), which a
 * log channel would show at info; this one shows each at its own level.
 */
export class ServerLogChannel implements vscode.OutputChannel {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  get name(): string {
    return this.channel.name;
  }

  append(value: string): void {
    this.appendLine(value);
  }

  appendLine(value: string): void {
    const { level, message } = levelOf(value.replace(/\r?\n$/, ''));
    this.channel[level](message);
  }

  replace(value: string): void {
    this.channel.replace(value);
  }

  clear(): void {
    this.channel.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.channel.show(columnOrPreserveFocus);
    else this.channel.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.channel.dispose();
  }
}
