import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** Reports closer together than this are dropped, except the last. */
const REPORT_INTERVAL_MS = 100;

/**
 * Background work shown in the client's status bar (`window/workDoneProgress`)
 * when it can show it: "pyreview: checking the workspace 40/162 files".
 */
export class BackgroundProgress {
  private reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private lastReport = 0;

  constructor(
    private readonly connection: Connection,
    private readonly title: string,
    private readonly supported: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** `done` of `total` files: begins the progress on the first report, ends it at the last. */
  report(done: number, total: number): void {
    if (!this.supported()) return;
    this.reporter ??= this.begin();
    const finished = done >= total;
    const now = performance.now();
    if (!finished && now - this.lastReport < REPORT_INTERVAL_MS) return;
    this.lastReport = now;
    const reporter = this.reporter;
    if (finished) this.reporter = undefined;
    reporter.then((progress) => {
      progress?.report(Math.floor((done / total) * 100), `${done}/${total} files`);
      if (finished) progress?.done();
    }, this.onError);
  }

  private async begin(): Promise<WorkDoneProgressServerReporter | undefined> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(this.title, 0, undefined, false);
    return progress;
  }
}
