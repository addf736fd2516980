import type { Diagnostic } from 'vscode-languageserver';

export interface WorkspaceReport {
  uri: string;
  resultId: string;
  items: Diagnostic[];
}

export interface WorkspaceDiagnosticsHost {
  /** Checks a file from disk; undefined when it is not to be reported (open, unreadable, or not in workspace mode). */
  lintFile(uri: string): Promise<Diagnostic[] | undefined>;
  /** Whether an open document is being edited: background work waits for it. */
  busy(): boolean;
  /** A file's report changed (push clients get it published; pull clients a refresh). */
  changed(report: WorkspaceReport | { uri: string; removed: true }): void;
  progress?(done: number, total: number): void;
}

const BUSY_RETRY_MS = 50;

/**
 * Diagnostics for every file of the workspace, not only open ones, checked in
 * the background at the lowest priority: one file per event-loop turn, and
 * none while a document is being edited.
 */
export class WorkspaceDiagnostics {
  private readonly reports = new Map<string, WorkspaceReport>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private draining = false;
  private serial = 0;
  private total = 0;
  private done = 0;

  constructor(private readonly host: WorkspaceDiagnosticsHost) {}

  /** Queues files (URIs) to be checked again. */
  enqueue(uris: Iterable<string>): void {
    for (const uri of uris) {
      if (this.queued.has(uri)) continue;
      this.queued.add(uri);
      this.queue.push(uri);
      this.total++;
    }
    if (!this.draining) void this.drain();
  }

  /** A file deleted, or opened (its document's diagnostics take over). */
  remove(uri: string): void {
    if (this.reports.delete(uri)) this.host.changed({ uri, removed: true });
  }

  /** The current reports, for `workspace/diagnostic`. */
  all(): WorkspaceReport[] {
    return [...this.reports.values()];
  }

  clear(): void {
    for (const uri of [...this.reports.keys()]) this.remove(uri);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        await new Promise((resolve) => setTimeout(resolve, this.host.busy() ? BUSY_RETRY_MS : 0));
        if (this.host.busy()) continue;
        const uri = this.queue.shift()!;
        this.queued.delete(uri);
        const items = await this.host.lintFile(uri);
        this.done++;
        this.host.progress?.(this.done, this.total);
        if (!items) {
          this.remove(uri);
          continue;
        }
        const report = { uri, resultId: `w${++this.serial}`, items };
        this.reports.set(uri, report);
        this.host.changed(report);
      }
    } finally {
      this.draining = false;
      this.total = this.done = 0;
    }
  }
}
