import * as path from 'path';
import {
  DocumentDiagnosticReportKind,
  FileChangeType,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { toDiagnostics } from './diagnostics';
import type { DocumentLinting } from './documentLinting';
import type { PythonDocument } from './documents';
import { BackgroundProgress } from './progress';
import type { ServerSession } from './session';
import { fileSystemPath, fileUri, isPyproject } from './uris';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { readWorkspaceFile } from './workspaceIndexer';

/** How long after `initialized` the workspace starts being indexed. */
const INDEXING_DELAY_MS = 500;

/**
 * VS Code pulls a closed document once more and ignores workspace reports for it until that pull is
 * answered: its problems are cleared through the workspace report this long after that pull, or after
 * the closing if no pull comes.
 */
const CLOSED_REPORT_DELAY_MS = 500;
const CLOSED_PULL_WAIT_MS = 2000;

/**
 * The workspace beyond the open documents: indexing its folders (and their
 * changes), files changed on disk, and in the `workspace` diagnostic mode the
 * reports of files not open, pushed or answered to `workspace/diagnostic`.
 */
export class WorkspaceHandlers {
  /** The reports of workspace files that are not open. */
  readonly diagnostics: WorkspaceDiagnostics;
  /** Documents closed whose problems a workspace report is to clear (see CLOSED_REPORT_DELAY_MS). */
  private readonly closing = new Map<string, NodeJS.Timeout>();
  private readonly indexingProgress: BackgroundProgress;

  constructor(
    private readonly session: ServerSession,
    private readonly linting: DocumentLinting,
  ) {
    const { connection } = session;
    const progressFailed = (error: unknown) => session.logError(`pyreview: progress failed: ${String(error)}`);
    const workDoneProgress = () => session.support.workDoneProgress;
    const checkingProgress = new BackgroundProgress(connection, 'pyreview: checking the workspace', workDoneProgress, progressFailed);
    this.indexingProgress = new BackgroundProgress(connection, 'pyreview: indexing the workspace', workDoneProgress, progressFailed);
    this.diagnostics = new WorkspaceDiagnostics({
      lintFile: (uri) => this.lintFile(uri),
      busy: () => linting.busy,
      changed: (report) => {
        // Pull clients get reports through the `workspace/diagnostic` request waiting for them.
        if (!session.support.pullDiagnostics) session.background('publishing workspace diagnostics', connection.sendDiagnostics({ uri: report.uri, diagnostics: report.items }));
      },
      progress: (done, total) => checkingProgress.report(done, total),
      get keepCleared() {
        return session.support.pullDiagnostics;
      },
    });
    session.onInitialized(() => this.initialized());
    session.onSettingsChanged(() => {
      session.background('checking the workspace', this.checkWorkspaceFiles());
      session.background('linting open documents', linting.relintOpenDocuments());
    });
    connection.onDidChangeWatchedFiles((params) => this.watchedFilesChanged(params));
    connection.languages.diagnostics.onWorkspace(async ({ previousResultIds }, token, _workDone, resultProgress): Promise<WorkspaceDiagnosticReport> => {
      // Answered once something differs from what the client has: pulls wait for a change instead of polling.
      // With a partial result token the answer never ends: each change is streamed as it comes.
      const known = new Map(previousResultIds.map(({ uri, value }) => [uri, value]));
      this.diagnostics.acknowledge(known);
      const cancelled = new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
      for (;;) {
        const items = this.workspaceItems(known);
        if (items.length && !resultProgress) return { items };
        if (items.length) {
          resultProgress!.report({ items });
          this.diagnostics.acknowledge(known);
        }
        if (token.isCancellationRequested) return { items: [] };
        await this.diagnostics.nextChange(cancelled);
      }
    });
  }

  /** A document was opened: its summary replaces its file's, and its own diagnostics its workspace report. */
  documentOpened(document: PythonDocument): void {
    clearTimeout(this.closing.get(document.uri));
    this.closing.delete(document.uri);
    this.indexOpenDocument(document);
    this.diagnostics.remove(document.uri);
  }

  /** What other files see of an open one follows its saves, not every keystroke. */
  documentSaved(document: PythonDocument): void {
    this.indexOpenDocument(document);
  }

  /**
   * A document was closed: the index reads its file again. In the `workspace`
   * mode the file is checked again as it is on disk; otherwise a pull client
   * keeps what it pulled for the document until a workspace report clears it.
   * Call it before the document's configuration is forgotten.
   */
  documentClosed(uri: string): void {
    const { session } = this;
    const filePath = fileSystemPath(uri);
    if (filePath) session.indexer.closeDocument(filePath);
    session.background('closing a document', session.configs.forDocument(uri).then(({ diagnosticMode }) => {
      if (diagnosticMode === 'workspace' && filePath && session.indexer.files.has(filePath)) this.diagnostics.enqueue([uri]);
      else if (session.support.pullDiagnostics) this.clearClosedLater(uri, CLOSED_PULL_WAIT_MS);
    }));
  }

  /** VS Code pulls a document once more after closing it: its workspace report, if any, stands. */
  closedDocumentPulled(uri: string): Diagnostic[] {
    if (this.closing.has(uri)) this.clearClosedLater(uri, CLOSED_REPORT_DELAY_MS);
    return this.diagnostics.all().find((report) => report.uri === uri)?.items ?? [];
  }

  private initialized(): void {
    const { session } = this;
    if (session.support.workspaceFolderChanges) {
      session.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        for (const folder of removed) {
          const folderPath = fileSystemPath(folder.uri);
          if (!folderPath) continue;
          session.workspaceFolders = session.workspaceFolders.filter((known) => known !== folderPath);
          const prefix = fileUri(folderPath) + '/';
          for (const report of this.diagnostics.all()) if (report.uri.startsWith(prefix)) this.diagnostics.remove(report.uri);
          session.indexer.removeFolder(folderPath);
        }
        const addedPaths = added.flatMap((folder) => fileSystemPath(folder.uri) ?? []);
        session.workspaceFolders.push(...addedPaths);
        this.indexFolders(addedPaths);
      });
    }
    // Open documents come first: indexing starts once the editor has had a moment to open them.
    setTimeout(() => this.indexFolders(session.workspaceFolders), INDEXING_DELAY_MS);
  }

  private indexOpenDocument(document: PythonDocument): void {
    const filePath = fileSystemPath(document.uri);
    // Parsed once: the lint that follows uses the same tree.
    const tree = filePath ? document.syntax() : undefined;
    if (filePath && tree) this.session.indexer.indexOpenDocument(filePath, tree, document.text);
  }

  /**
   * Indexes workspace folders in the background, one file per event-loop
   * turn so that open documents are never kept waiting, with progress shown
   * by the client when it supports it.
   */
  private indexFolders(folders: readonly string[]): void {
    const { session } = this;
    if (!folders.length) return;
    const run = async () => {
      const started = performance.now();
      const count = await session.indexer.indexFolders(folders, { report: (done, total) => this.indexingProgress.report(done, total) });
      session.log.info(`pyreview: indexed ${count} files in ${Math.round(performance.now() - started)} ms`);
      await this.linting.relintOpenDocuments();
      await this.checkWorkspaceFiles();
    };
    session.background('indexing the workspace', run());
  }

  private watchedFilesChanged({ changes }: DidChangeWatchedFilesParams): void {
    const { session } = this;
    let pythonChanged = false;
    for (const change of changes) {
      const filePath = fileSystemPath(change.uri);
      if (!filePath || !/\.pyi?$/.test(filePath)) continue;
      pythonChanged = true;
      if (change.type === FileChangeType.Deleted) {
        session.indexer.removeFile(filePath);
        this.diagnostics.remove(change.uri);
      } else if (!session.documents.get(change.uri)) {
        session.indexer.indexFile(filePath);
        session.background('checking the workspace', this.checkFile(change.uri));
      }
    }
    if (changes.some((change) => isPyproject(change.uri))) session.settingsChanged();
    else if (pythonChanged) session.background('linting open documents', this.linting.relintOpenDocuments());
  }

  /** A workspace file changed on disk: checked again when its folder is in the `workspace` mode. */
  private async checkFile(uri: string): Promise<void> {
    if ((await this.session.configs.forDocument(uri)).diagnosticMode === 'workspace') this.diagnostics.enqueue([uri]);
  }

  /** Queues the workspace files to be checked from disk, when some workspace folder is in the `workspace` mode. */
  private async checkWorkspaceFiles(): Promise<void> {
    if (await this.someFolderInWorkspaceMode()) {
      this.diagnostics.enqueue([...this.session.indexer.files].map((file) => fileUri(file)));
    } else {
      // Out of the mode (never in it, or switched back): what it published is cleared.
      for (const report of this.diagnostics.all()) this.diagnostics.remove(report.uri);
    }
  }

  private async someFolderInWorkspaceMode(): Promise<boolean> {
    const { configs, workspaceFolders } = this.session;
    // A folder's settings, as a file directly in it gets them.
    const configsOfFolders = await Promise.all(workspaceFolders.map((folder) => configs.forDocument(fileUri(path.join(folder, '__init__.py')))));
    return configsOfFolders.some((config) => config.diagnosticMode === 'workspace');
  }

  private async lintFile(uri: string) {
    const { session } = this;
    const filePath = fileSystemPath(uri);
    if (!filePath || session.documents.get(uri)) return undefined;
    const config = await session.configs.forDocument(uri);
    if (!config.enable || config.diagnosticMode !== 'workspace' || session.documents.get(uri)) return undefined;
    const text = readWorkspaceFile(filePath);
    if (text === undefined) return undefined;
    const result = session.checker.check({ text, filePath, relativePath: config.relativePath, settings: config.settings, workspace: session.indexer.index });
    for (const error of result.internalErrors) session.logError(`pyreview: internal error in rule ${error}`);
    return toDiagnostics(result, uri, config, session.encoding, session.commandLinks());
  }

  private clearClosedLater(uri: string, delayMs: number): void {
    clearTimeout(this.closing.get(uri));
    this.closing.set(uri, setTimeout(() => {
      this.closing.delete(uri);
      if (!this.session.documents.get(uri)) this.diagnostics.clear(uri);
    }, delayMs));
  }

  /** Full reports of files not open whose report the client does not have; `known` is updated as if it had them. */
  private workspaceItems(known: Map<string, string>): WorkspaceDocumentDiagnosticReport[] {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const report of this.diagnostics.all()) {
      if (this.session.documents.get(report.uri) || known.get(report.uri) === report.resultId) continue;
      known.set(report.uri, report.resultId);
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: report.uri, resultId: report.resultId, items: report.items, version: null });
    }
    return items;
  }
}
