import { checkNotebook, fixTarget, notebookSettings, type NotebookModule, type SourceChecker, type WorkspaceIndex } from '@pyreview/shared-rules';
import type { PythonParser } from '@pyreview/shared-rules';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Connection,
  type Diagnostic,
  type NotebookDocumentSyncOptions,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { fixAllActionOf, FIX_ALL_KIND, kindRequested, quickFixes, resolveQuickFix, type FixableDocument } from './codeActions';
import type { ConfigurationService, DocumentConfig } from './configuration';
import { toDiagnostic } from './diagnostics';
import { sameDiagnostics } from './documentReports';
import type { LintPhase } from './documents';
import { NotebookStore, type OpenNotebook } from './notebookDocuments';
import type { PositionEncoding } from './positionEncoding';
import { publishedFindings } from './publishedFindings';
import { LintScheduler, SettleScheduler } from './scheduler';

/** The server's notebook capability: the Python cells of every kind of notebook, saves included. */
export const NOTEBOOK_DOCUMENT_SYNC: NotebookDocumentSyncOptions = {
  notebookSelector: [{ notebook: '*', cells: [{ language: 'python' }] }],
  save: true,
};

/** What notebook sync needs of the rest of the server. */
export interface NotebookSyncHost {
  parser: PythonParser;
  checker: SourceChecker;
  workspace?: WorkspaceIndex;
  encoding: PositionEncoding;
  configs: ConfigurationService;
  /** How long typing must pause before slow file-wide rules run again. */
  settleDelayMs: number;
  /** Whether rule links run the client's documentation command (see `ruleDocumentationHref`). */
  commandLinks: boolean;
  logError(message: string): void;
  warn(message: string): void;
}

/**
 * LSP 3.17 notebook sync (`notebookDocument/didOpen|didChange|didSave|didClose`):
 * each open notebook's Python cells are linted as one module, and each
 * cell's diagnostics are published on its own `vscode-notebook-cell:` (or
 * other) URI — always with push, which clients show for cells whatever
 * their pull support. A lint publishes the cells edited since the last one
 * and those whose diagnostics changed, nothing else. Quick fixes are built
 * from the last lint's findings (see PublishedFindings): their offsets move
 * whenever an earlier cell changes, which the client's copies do not follow.
 */
export class NotebookSync {
  private readonly store = new NotebookStore();
  private readonly scheduler: LintScheduler;
  private readonly settler: SettleScheduler;
  /** Per cell URI: the diagnostics last published. */
  private readonly published = new Map<string, Diagnostic[]>();

  constructor(private readonly connection: Connection, private readonly host: NotebookSyncHost) {
    const onError = (error: unknown) => host.logError(`pyreview: linting a notebook failed: ${(error as Error).stack ?? String(error)}`);
    this.scheduler = new LintScheduler((uri) => this.lintAndPublish(uri, 'keystroke'), onError);
    this.settler = new SettleScheduler(host.settleDelayMs, (uri) => this.lintAndPublish(uri, 'settle'), onError);
    const sync = connection.notebooks.synchronization;
    sync.onDidOpenNotebookDocument(({ notebookDocument, cellTextDocuments }) => {
      this.store.open(notebookDocument, cellTextDocuments, host.parser, host.workspace);
      this.scheduler.schedule(notebookDocument.uri);
    });
    sync.onDidChangeNotebookDocument(({ notebookDocument, change }) => {
      const notebook = this.store.get(notebookDocument.uri);
      if (!notebook) return host.warn(`pyreview: notebookDocument/didChange for a notebook that is not open: ${notebookDocument.uri}`);
      const before = notebook.cellUris();
      notebook.change(notebookDocument.version, change, host.encoding);
      // Cells that left the module keep no diagnostics.
      const after = new Set(notebook.cellUris());
      for (const uri of before) if (!after.has(uri)) this.clear(uri);
      this.lintOn('change', notebook.uri);
    });
    sync.onDidSaveNotebookDocument(({ notebookDocument }) => this.lintOn('save', notebookDocument.uri));
    sync.onDidCloseNotebookDocument(({ notebookDocument }) => {
      const notebook = this.store.close(notebookDocument.uri);
      this.scheduler.cancel(notebookDocument.uri);
      this.settler.cancel(notebookDocument.uri);
      host.configs.forget(notebookDocument.uri);
      for (const uri of notebook?.cellUris() ?? []) this.clear(uri);
    });
  }

  /** Whether a document is a cell of an open notebook (its requests are answered here). */
  ownsCell(uri: string): boolean {
    return this.store.ofCell(uri) !== undefined;
  }

  /** Lints every open notebook again (settings or the workspace changed). */
  relintAll(): void {
    for (const uri of this.store.uris()) this.scheduler.schedule(uri);
  }

  private lintOn(trigger: 'change' | 'save', uri: string): void {
    const wanted = trigger === 'change' ? 'onType' : 'onSave';
    this.host.configs.forDocument(uri).then((config) => {
      if (config.run === wanted) this.scheduler.schedule(uri);
    }, (error) => this.host.logError(`pyreview: reading settings failed: ${String(error)}`));
  }

  private clear(cellUri: string): void {
    if (!this.published.delete(cellUri)) return;
    this.send(cellUri, undefined, []);
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    this.connection.sendDiagnostics({ uri, version, diagnostics }).catch((error) => this.host.logError(`pyreview: publishing diagnostics failed: ${String(error)}`));
  }

  private async lintAndPublish(uri: string, phase: LintPhase): Promise<void> {
    const notebook = this.store.get(uri);
    if (!notebook) return;
    const config = await this.host.configs.forDocument(uri);
    // Closed, reopened or changed while settings were fetched: a newer lint is on its way.
    if (this.store.get(uri) !== notebook) return;
    const byCell = new Map<string, Diagnostic[]>(notebook.cellUris().map((cell) => [cell, []]));
    const linted = config.enable ? this.lint(notebook, config, phase) : undefined;
    if (linted) {
      const place = notebook.placement(this.host.encoding);
      const published = publishedFindings(notebook.module).update(notebook.version, linted.findings, (finding) => toDiagnostic(finding, place, config, this.host.commandLinks));
      for (const { uri: cell, diagnostic } of published) byCell.get(cell)?.push(diagnostic);
      if (linted.settled) this.settler.cancel(uri);
      else this.settler.schedule(uri);
    }
    for (const [cell, diagnostics] of byCell) {
      const before = this.published.get(cell);
      this.published.set(cell, diagnostics);
      if (before && sameDiagnostics(before, diagnostics) && !notebook.touched.has(cell)) continue;
      this.send(cell, notebook.cellVersion(cell), diagnostics);
    }
    notebook.touched.clear();
  }

  private lint(notebook: OpenNotebook, config: DocumentConfig, phase: LintPhase) {
    const reason = notebook.module.unparsable;
    if (reason) {
      this.host.warn(`pyreview: ${notebook.uri} was not checked: its cells are ${reason === 'binary' ? 'binary content' : 'too large'}`);
      return undefined;
    }
    const linted = notebook.lint(notebookSettings(config.settings), config.relativePath, phase);
    for (const error of linted?.result.internalErrors ?? []) this.host.logError(`pyreview: internal error in rule ${error}`);
    return linted && { findings: linted.result.findings, settled: linted.settled };
  }

  /**
   * `textDocument/codeAction` for a cell: quick fixes from the cell's last
   * diagnostics (with `resolve`, large edits left to `codeAction/resolve`),
   * and fix-all for the whole notebook.
   */
  async codeActions(cellUri: string, context: CodeActionContext, resolve: boolean): Promise<CodeAction[]> {
    const notebook = this.store.ofCell(cellUri);
    if (!notebook) return [];
    const config = await this.host.configs.forDocument(notebook.uri);
    if (!config.enable || this.store.ofCell(cellUri) !== notebook) return [];
    const { checker, encoding } = this.host;
    const actions: CodeAction[] = [];
    if (kindRequested(context.only, CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(this.fixTarget(notebook, cellUri), context.diagnostics, config, this.host.logError, resolve ? cellUri : undefined));
    }
    if (context.only && kindRequested(context.only, FIX_ALL_KIND)) {
      const fixAll = this.fixAll(notebook, config, checker, encoding);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  /** What the quick fixes of a cell's diagnostics are built from: the notebook's module and where its offsets are in the cells. */
  fixTarget(notebook: OpenNotebook, cellUri: string): FixableDocument {
    const { encoding } = this.host;
    const { module, version } = notebook;
    const findingOf = (diagnostic: Diagnostic) => publishedFindings(module).findingOf(version, cellUri, diagnostic);
    return { document: module, version, place: notebook.placement(encoding), encoding, findingOf };
  }

  /** `codeAction/resolve` for an action of a cell. */
  resolveCodeAction(cellUri: string, action: CodeAction): CodeAction {
    const notebook = this.store.ofCell(cellUri);
    return notebook ? resolveQuickFix(action, this.fixTarget(notebook, cellUri)) : action;
  }

  /** Every safe fix (unsafe ones too when the user opted in) of the whole notebook, as edits of the cells that change. */
  private fixAll(notebook: OpenNotebook, config: DocumentConfig, checker: SourceChecker, encoding: PositionEncoding): CodeAction | undefined {
    if (notebook.module.unparsable) return undefined;
    const source = { filePath: notebook.module.filePath, relativePath: config.relativePath, settings: config.settings, workspace: notebook.module.workspace };
    const check = (cells: NotebookModule) => checkNotebook(checker, cells, source, (cell) => notebook.cellNumber(cell));
    const { target } = fixTarget(notebook.notebookModule(), check, { unsafe: config.unsafeFixes });
    const changes: Record<string, LspTextEdit[]> = {};
    target.cells.forEach((text, cell) => {
      const replacement = notebook.replacement(cell, text, encoding);
      if (replacement) changes[replacement.uri] = [replacement.edit];
    });
    return Object.keys(changes).length ? fixAllActionOf(changes) : undefined;
  }

  dispose(): void {
    this.settler.dispose();
    this.store.dispose();
  }
}
