/** Runs shorter than this show no progress bar at all. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const WIDTH = 30;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and
 * the run turns out to be long; piped output gets nothing extra.
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;
  private readonly startedAt = Date.now();

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(): void {
    this.done++;
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.startedAt < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    const filled = Math.round((this.done / this.total) * WIDTH);
    this.stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${this.done}/${this.total} files`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
  }
}
