import type { Diagnostic } from 'vscode-languageserver';

export interface WorkspaceReport {
  uri: string;
  resultId: string;
  items: Diagnostic[];
  /** An empty report that clears what a client shows for a file no longer reported (closed, deleted, mode switched). */
  cleared?: true;
}

export interface WorkspaceDiagnosticsHost {
  /** Checks a file from disk; undefined when it is not to be reported (open, unreadable, or not in workspace mode). */
  lintFile(uri: string): Promise<Diagnostic[] | undefined>;
  /** Whether an open document is being edited: background work waits for it. */
  busy(): boolean;
  /** A file's report changed (push clients get it published). */
  changed(report: WorkspaceReport): void;
  /** Files checked so far of those queued since the queue was last empty; `done === total` at the end. */
  progress?(done: number, total: number): void;
  /**
   * Pull clients keep cleared reports until a pull shows they have them;
   * push clients, which were sent the empty list, need not.
   */
  keepCleared: boolean;
}

const BUSY_RETRY_MS = 50;

/**
 * Diagnostics for every file of the workspace, not only open ones, checked in
 * the background at the lowest priority: one file per event-loop turn, and
 * none while a document is being edited. Pulls of `workspace/diagnostic` can
 * wait here for the next change (`nextChange`) instead of being answered
 * with nothing new.
 */
export class WorkspaceDiagnostics {
  private readonly reports = new Map<string, WorkspaceReport>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly waiting = new Set<() => void>();
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
    if (!this.draining && this.queue.length) void this.drain();
  }

  /** A file deleted, or opened (its document's diagnostics take over): its report, if any, is cleared. */
  remove(uri: string): void {
    const report = this.reports.get(uri);
    if (report && !report.cleared) this.clear(uri);
  }

  /** Clears what a client may show for `uri`, reported or not (a document closed in the `openFiles` mode). */
  clear(uri: string): void {
    this.publish({ uri, resultId: `w${++this.serial}`, items: [], cleared: true });
    if (!this.host.keepCleared) this.reports.delete(uri);
  }

  /** The current reports, for `workspace/diagnostic`. */
  all(): WorkspaceReport[] {
    return [...this.reports.values()];
  }

  /** A pull showed which reports a client has: cleared reports it has are forgotten. */
  acknowledge(resultIds: ReadonlyMap<string, string>): void {
    for (const [uri, report] of this.reports) {
      if (report.cleared && resultIds.get(uri) === report.resultId) this.reports.delete(uri);
    }
  }

  /** Resolves at the next report change, or when `cancelled` resolves first. */
  nextChange(cancelled: Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
      void cancelled.then(wake);
    });
  }

  /** Whether files are queued or being checked. */
  get checking(): boolean {
    return this.draining;
  }

  private publish(report: WorkspaceReport): void {
    this.reports.set(report.uri, report);
    this.host.changed(report);
    for (const wake of [...this.waiting]) wake();
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
        if (items) this.publish({ uri, resultId: `w${++this.serial}`, items });
        else this.remove(uri);
      }
    } finally {
      this.draining = false;
      this.total = this.done = 0;
    }
  }
}
