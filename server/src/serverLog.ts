import * as fs from 'fs';
import type { RemoteConsole } from 'vscode-languageserver';

/** `pyreview.logLevel`, as ruff-vscode names its levels. */
export type LogLevel = 'error' | 'warning' | 'info' | 'debug';

const LEVELS: readonly LogLevel[] = ['error', 'warning', 'info', 'debug'];

export function logLevelOf(value: unknown): LogLevel {
  return LEVELS.includes(value as LogLevel) ? (value as LogLevel) : 'info';
}

/**
 * The server's log: `window/logMessage` at the client's chosen level (the
 * client shows each message at its own level), and every message of that
 * level also appended to `pyreview.logFile` when one is set.
 */
export class ServerLog {
  private level: LogLevel = 'info';
  private file: string | undefined;
  private fileFailed = false;

  constructor(private readonly console: RemoteConsole) {}

  configure(level: LogLevel, file: string | undefined): void {
    this.level = level;
    if (file !== this.file) this.fileFailed = false;
    this.file = file;
  }

  get settings(): { level: LogLevel; file: string | undefined } {
    return { level: this.level, file: this.file };
  }

  error(message: string): void {
    if (this.write('error', message)) this.console.error(message);
  }

  warn(message: string): void {
    if (this.write('warning', message)) this.console.warn(message);
  }

  info(message: string): void {
    if (this.write('info', message)) this.console.info(message);
  }

  /**
   * Sent as a plain log message: the server sends these only at `pyreview.logLevel: debug`, and a
   * client showing them at its own debug level (VS Code's default is info) would hide them again.
   */
  debug(message: string): void {
    if (this.write('debug', message)) this.console.log(message);
  }

  /** Whether a message of `level` is wanted; if so it also goes to the log file. */
  private write(level: LogLevel, message: string): boolean {
    if (LEVELS.indexOf(level) > LEVELS.indexOf(this.level)) return false;
    if (this.file && !this.fileFailed) {
      try {
        fs.appendFileSync(this.file, `${new Date().toISOString()} [${level}] ${message}\n`);
      } catch (error) {
        // Said once, in the editor's log: a log file that cannot be written must not stop the server.
        this.fileFailed = true;
        this.console.warn(`pyreview: cannot write the log file ${this.file}: ${(error as Error).message}`);
      }
    }
    return true;
  }
}
