import type { DocumentConfig } from './configuration';
import { diagnoseDocument, type DiagnosticsOutcome } from './diagnostics';
import type { LintPhase, PythonDocument } from './documents';
import { ConfigIdentities, ReportNumbering, reportKey } from './documentReports';
import type { OpenDocument } from './openDocuments';
import { LintScheduler, SettleScheduler } from './scheduler';
import { SETTLE_DELAY_MS, type ServerSession } from './session';

/** Background work (checking workspace files) waits until typing has paused this long. */
const TYPING_PAUSE_MS = 300;

/**
 * When open documents are linted and what clients are told: one lint per
 * burst of edits, a settling lint once typing pauses, lints again after
 * settings or other files changed, and each document's last report, pushed
 * or kept for the client's next pull.
 */
export class DocumentLinting {
  private readonly numbering = new ReportNumbering();
  private readonly configIds = new ConfigIdentities();
  private readonly scheduler: LintScheduler;
  private readonly settler: SettleScheduler;
  private linted = false;
  private lastChangeAt = 0;

  constructor(private readonly session: ServerSession) {
    const failed = (error: unknown) => session.logError(`pyreview: linting failed: ${(error as Error).stack ?? String(error)}`);
    this.settler = new SettleScheduler(SETTLE_DELAY_MS, (uri) => this.settle(uri), failed);
    this.scheduler = new LintScheduler((uri) => this.lintAndPublish(uri), failed);
    session.onShutdown(() => this.settler.dispose());
  }

  /** Equal for lints of the same opening and version of a document under equal configurations. */
  keyOf(document: PythonDocument, config: DocumentConfig): string {
    return reportKey(document.serial, document.version, this.configIds.of(config));
  }

  /** Whether a lint is waiting or the user is typing: background work waits. */
  get busy(): boolean {
    return this.scheduler.busy || performance.now() - this.lastChangeAt < TYPING_PAUSE_MS;
  }

  diagnose(open: OpenDocument, config: DocumentConfig, phase: LintPhase): DiagnosticsOutcome {
    const { session } = this;
    const { document } = open;
    const started = performance.now();
    const outcome = diagnoseDocument(document, config, session.encoding, phase, (message) => session.logError(message), session.commandLinks());
    session.documents.trim();
    session.log.debug(`pyreview: linted ${document.uri} version ${document.version} (${phase}) in ${Math.round(performance.now() - started)} ms: ${outcome.diagnostics.length} diagnostics${outcome.settled ? '' : ', file rules carried'}`);
    if (!this.linted) {
      this.linted = true;
      session.hooks.firstLintDone?.();
    }
    if (outcome.skipped && open.skipLogged !== outcome.skipped) {
      session.log.warn(`pyreview: ${document.uri} was not checked: ${outcome.skipped}`);
    }
    open.skipLogged = outcome.skipped;
    return outcome;
  }

  /** Lints a document and records the report; `changed` when its diagnostics differ from the last report's. */
  async lintDocument(uri: string, requested: LintPhase) {
    const { documents, configs } = this.session;
    const open = documents.get(uri);
    if (!open) return undefined;
    const config = await configs.forDocument(uri);
    // The document may have been closed or reopened while settings were fetched;
    // everything below is synchronous, so what is recorded is the current version.
    if (documents.get(uri) !== open) return undefined;
    const { document } = open;
    const outcome = this.diagnose(open, config, this.phaseFor(open, requested));
    if (outcome.settled) this.settler.cancel(uri);
    else this.settler.schedule(uri);
    const recorded = this.numbering.next(open.report, this.keyOf(document, config), document.version, outcome.diagnostics, outcome.settled);
    open.report = recorded.report;
    return { document, ...recorded };
  }

  /** Lints after a change when the document's `run` setting says so. */
  lintOn(trigger: 'change' | 'save' | 'open', uri: string): void {
    const { session } = this;
    if (session.support.pullDiagnostics) {
      // The client pulls after changes by itself; after a save it must pull the new saved state.
      const open = trigger === 'save' ? session.documents.get(uri) : undefined;
      if (open?.savedReport) {
        open.savedReport = undefined;
        this.refreshIfChanged(true);
      }
      return;
    }
    if (trigger === 'open') return this.scheduler.schedule(uri);
    const wanted = trigger === 'change' ? 'onType' : 'onSave';
    session.configs.forDocument(uri).then((config) => {
      if (config.run === wanted) this.scheduler.schedule(uri);
    }, (error) => session.logError(`pyreview: reading settings failed: ${String(error)}`));
  }

  /** A document was edited. */
  documentChanged(uri: string): void {
    this.lastChangeAt = performance.now();
    this.lintOn('change', uri);
  }

  /** A document was closed: nothing of it is to be linted, and a push client's diagnostics of it are cleared. */
  documentClosed(uri: string): void {
    const { session } = this;
    this.scheduler.cancel(uri);
    this.settler.cancel(uri);
    if (!session.support.pullDiagnostics) session.background('clearing diagnostics', session.connection.sendDiagnostics({ uri, diagnostics: [] }));
  }

  /**
   * Open documents linted again without an edit, after settings or other
   * files changed: push clients get the result, pull clients a refresh when
   * some document's diagnostics changed. Documents edited since their last
   * report are left to the pull that follows the edit.
   */
  async relintOpenDocuments(): Promise<void> {
    const { session } = this;
    session.notebooks?.relintAll();
    if (!session.support.pullDiagnostics) {
      for (const open of session.documents.all()) {
        open.report = undefined;
        this.scheduler.schedule(open.uri);
      }
      return;
    }
    for (const open of session.documents.all()) open.savedReport = undefined;
    let changed = false;
    for (const open of session.documents.all()) {
      if (open.report?.version !== open.document.version) continue;
      changed = (await this.lintDocument(open.uri, 'settle'))?.changed === true || changed;
    }
    this.refreshIfChanged(changed);
  }

  /**
   * Keystroke lints carry slow file-wide findings through the edits since the
   * last lint; without an edit there is nothing to carry them through, and
   * the lint runs every rule (a document just opened, settings or other
   * files that changed).
   */
  private phaseFor(open: OpenDocument, requested: LintPhase): LintPhase {
    const last = open.report;
    return requested === 'keystroke' && last !== undefined && last.version !== open.document.version ? 'keystroke' : 'settle';
  }

  /** Push clients: lints and publishes, unless the last publication answers this version and configuration already. */
  private async lintAndPublish(uri: string, phase: LintPhase = 'keystroke'): Promise<void> {
    const { documents, configs, connection } = this.session;
    const open = documents.get(uri);
    if (!open) return;
    const last = open.report;
    if (last && last.key === this.keyOf(open.document, await configs.forDocument(uri)) && (last.settled || phase === 'keystroke')) return;
    const linted = await this.lintDocument(uri, phase);
    if (linted) await connection.sendDiagnostics({ uri, version: linted.document.version, diagnostics: linted.report.items });
  }

  /** Pull clients are asked to pull again when a report changed without a request (settling, settings, other files). */
  private refreshIfChanged(changed: boolean): void {
    const { session } = this;
    if (changed && session.support.diagnosticRefresh) {
      session.log.debug('pyreview: asking the client to pull diagnostics again');
      session.connection.languages.diagnostics.refresh();
    }
  }

  private async settle(uri: string): Promise<void> {
    if (!this.session.support.pullDiagnostics) return this.lintAndPublish(uri, 'settle');
    this.refreshIfChanged((await this.lintDocument(uri, 'settle'))?.changed === true);
  }
}
