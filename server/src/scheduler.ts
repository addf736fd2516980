/**
 * Runs one lint per document per burst of changes, with no fixed delay.
 * vscode-jsonrpc handles one queued message per event-loop turn
 * (setImmediate), so the flush keeps yielding one turn at a time while
 * changes keep arriving, and runs as soon as a turn passes without one: a
 * burst already in the queue costs one lint, a lone keystroke a few
 * microseconds of waiting.
 */
export class LintScheduler {
  private readonly pending = new Set<string>();
  private armed = false;
  private changedSinceLastTurn = false;

  constructor(
    private readonly lint: (uri: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(uri: string): void {
    this.pending.add(uri);
    this.changedSinceLastTurn = true;
    if (!this.armed) {
      this.armed = true;
      setImmediate(() => this.turn());
    }
  }

  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  /** Whether a lint is waiting to run. */
  get busy(): boolean {
    return this.armed;
  }

  private turn(): void {
    if (this.changedSinceLastTurn) {
      this.changedSinceLastTurn = false;
      setImmediate(() => this.turn());
      return;
    }
    this.armed = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) this.lint(uri).catch(this.onError);
  }
}

/**
 * Runs a settling lint for a document once its edits pause: keystroke lints
 * may carry slow file-wide findings over, and this brings them up to date.
 * Every new keystroke lint re-arms the timer.
 */
export class SettleScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly settle: (uri: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Settles after the usual pause, or after `delayMs` (0: as soon as queued messages are handled). */
  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.settle(uri).catch(this.onError);
    }, delayMs));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
