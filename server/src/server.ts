import { PythonParser, RULES, SourceChecker } from '@pyreview/shared-rules';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import * as path from 'path';
import { PYREVIEW_VERSION } from './version';
import { clientSupport, CLIENT_COMMANDS } from './clientSupport';
import {
  documentationActions,
  fixableFile,
  fixAllAction,
  FIX_ALL_KIND,
  kindRequested,
  organizeImportsAction,
  ORGANIZE_IMPORTS_KIND,
  quickFixes,
  resolveQuickFix,
  type ResolveData,
} from './codeActions';
import { returnTypeHints } from './inlayHints';
import { ConfigurationService, type DocumentConfig } from './configuration';
import { DEBUG_INFORMATION_COMMAND, debugInformation } from './debugInformation';
import { configProblemDiagnostics, diagnoseDocument, toDiagnostics, type DiagnosticsOutcome } from './diagnostics';
import { ConfigIdentities, DocumentReports, reportKey } from './documentReports';
import { DocumentStore, type LintPhase, type PythonDocument } from './documents';
import { FreedMemoryCollector } from './garbageCollection';
import { noqaHover } from './hover';
import { NOTEBOOK_DOCUMENT_SYNC, NotebookSync } from './notebookSync';
import { prepareRename, rename } from './rename';
import { negotiatePositionEncoding, type PositionEncoding } from './positionEncoding';
import { BackgroundProgress } from './progress';
import { ProtocolGate, REFUSED_REQUEST, type Refusal } from './protocolGate';
import { LintScheduler, SettleScheduler } from './scheduler';
import { logLevelOf, ServerLog } from './serverLog';
import { expandPath } from './editorOptions';
import { fileSystemPath, fileUri, isPyproject } from './uris';
import { WorkspaceIndexer, readWorkspaceFile } from './workspaceIndexer';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';

/** How long after `initialized` the workspace starts being indexed. */
const INDEXING_DELAY_MS = 500;

/**
 * VS Code pulls a closed document once more and ignores workspace reports for it until that pull is
 * answered: its problems are cleared through the workspace report this long after that pull, or after
 * the closing if no pull comes.
 */
const CLOSED_REPORT_DELAY_MS = 500;
const CLOSED_PULL_WAIT_MS = 2000;

/** How long typing must pause before slow file-wide rules run again. */
const SETTLE_DELAY_MS = 250;

/** The folders to index: the workspace folders, or the root of a single-folder client. */
function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((uri) => fileSystemPath(uri) ?? []);
}

/** The connection named on the command line, with LSP's lifecycle and params' shapes enforced before any handler (protocolGate.ts). */
function gatedConnection(): Connection {
  let connection: Connection | undefined = undefined;
  const gate = new ProtocolGate((method) => connection?.console.warn(`pyreview: ${method} ignored: its params are not of the shape LSP gives them`));
  connection = createConnection(ProposedFeatures.all, { messageStrategy: gate });
  return connection;
}

/** What the process running the server may want to know. */
export interface ServerHooks {
  /** Called once, when the first document has been linted (the launcher then writes its code cache). */
  firstLintDone?(): void;
}

/**
 * Starts the pyreview language server on a connection (by default the one
 * named on the command line: `--stdio`, `--node-ipc` or `--socket=N`).
 * This function only wires protocol handlers; the work is done by the
 * modules they call.
 */
export function startServer(connection: Connection = gatedConnection(), hooks: ServerHooks = {}): Connection {
  connection.onRequest(REFUSED_REQUEST, (refusal: Refusal) => {
    throw new ResponseError(refusal.code, refusal.message);
  });
  const parserReady = Promise.resolve(new PythonParser());
  let store: DocumentStore | undefined;
  let checker: SourceChecker | undefined;
  let indexer: WorkspaceIndexer | undefined;
  let notebooks: NotebookSync | undefined;
  let workspaceFolders: string[] = [];
  let encoding: PositionEncoding = 'utf-16';
  let support = clientSupport({ capabilities: {} });
  const log = new ServerLog(connection.console);
  /** The last diagnostics of each open document, pushed or pulled. */
  const reports = new DocumentReports();
  const configIds = new ConfigIdentities();
  /** Pull clients with `run: onSave`: the report of each document's last save. */
  const savedReports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  /** The last "not checked" reason logged per URI, so that typing does not repeat it. */
  const skipLogged = new Map<string, string>();

  /** The workspace folder holding a file (the innermost, for nested folders). */
  const folderOf = (fsPath: string): string | undefined =>
    workspaceFolders.filter((folder) => fsPath === folder || fsPath.startsWith(folder + path.sep)).sort((a, b) => b.length - a.length)[0];

  const configs = new ConfigurationService({
    fetchEditorSettings: async (scopeUri) => {
      if (!support.configuration) return undefined;
      try {
        return await connection.workspace.getConfiguration({ scopeUri, section: 'pyreview' });
      } catch (error) {
        log.warn(`pyreview: workspace/configuration failed, using defaults: ${String(error)}`);
        return undefined;
      }
    },
    warn: (message) => {
      log.warn(message);
      // A notification, not showMessageRequest: there is nothing to answer.
      background('window/showMessage', connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
    },
    log: (message) => log.info(message),
    folderOf,
    showFileProblems: (file, source, problems) => {
      const diagnostics = configProblemDiagnostics(problems, source, encoding);
      background('publishing configuration problems', connection.sendDiagnostics({ uri: fileUri(file), diagnostics }));
    },
  });

  const logError = (message: string) => log.error(message);
  const collector = new FreedMemoryCollector();
  /** Messages sent without waiting: a failure (a client gone away) is logged, never an unhandled rejection. */
  const background = (what: string, promise: Promise<unknown>) => {
    promise.catch((error) => logError(`pyreview: ${what} failed: ${String(error)}`));
  };
  const keyOf = (document: PythonDocument, config: DocumentConfig) => reportKey(document.serial, document.version, configIds.of(config));

  /** Whether rule links run the client's documentation command. */
  const commandLinks = () => support.commands.has(CLIENT_COMMANDS.showRuleDocumentation);

  let linted = false;
  function diagnose(document: PythonDocument, config: DocumentConfig, phase: LintPhase): DiagnosticsOutcome {
    const started = performance.now();
    const outcome = diagnoseDocument(document, config, encoding, phase, logError, commandLinks());
    store?.trim();
    log.debug(`pyreview: linted ${document.uri} version ${document.version} (${phase}) in ${Math.round(performance.now() - started)} ms: ${outcome.diagnostics.length} diagnostics${outcome.settled ? '' : ', file rules carried'}`);
    if (!linted) {
      linted = true;
      hooks.firstLintDone?.();
    }
    if (outcome.skipped && skipLogged.get(document.uri) !== outcome.skipped) {
      log.warn(`pyreview: ${document.uri} was not checked: ${outcome.skipped}`);
    }
    if (outcome.skipped) skipLogged.set(document.uri, outcome.skipped);
    else skipLogged.delete(document.uri);
    return outcome;
  }

  /**
   * Keystroke lints carry slow file-wide findings through the edits since the
   * last lint; without an edit there is nothing to carry them through, and
   * the lint runs every rule (a document just opened, settings or other
   * files that changed).
   */
  function phaseFor(document: PythonDocument, requested: LintPhase): LintPhase {
    const last = reports.get(document.uri);
    return requested === 'keystroke' && last !== undefined && last.version !== document.version ? 'keystroke' : 'settle';
  }

  /** Lints a document and records the report; `changed` when its diagnostics differ from the last report's. */
  async function lintDocument(uri: string, requested: LintPhase) {
    const document = store?.get(uri);
    if (!document) return undefined;
    const config = await configs.forDocument(uri);
    // The document may have been closed or reopened while settings were fetched;
    // everything below is synchronous, so what is recorded is the current version.
    if (store?.get(uri) !== document) return undefined;
    const outcome = diagnose(document, config, phaseFor(document, requested));
    if (outcome.settled) settler.cancel(uri);
    else settler.schedule(uri);
    return { document, ...reports.record(uri, keyOf(document, config), document.version, outcome.diagnostics, outcome.settled) };
  }

  /** Push clients: lints and publishes, unless the last publication answers this version and configuration already. */
  async function lintAndPublish(uri: string, phase: LintPhase = 'keystroke'): Promise<void> {
    const document = store?.get(uri);
    if (!document) return;
    const last = reports.get(uri);
    if (last && last.key === keyOf(document, await configs.forDocument(uri)) && (last.settled || phase === 'keystroke')) return;
    const linted = await lintDocument(uri, phase);
    if (linted) await connection.sendDiagnostics({ uri, version: linted.document.version, diagnostics: linted.report.items });
  }

  /** Pull clients are asked to pull again when a report changed without a request (settling, settings, other files). */
  function refreshIfChanged(changed: boolean): void {
    if (changed && support.diagnosticRefresh) {
      log.debug('pyreview: asking the client to pull diagnostics again');
      connection.languages.diagnostics.refresh();
    }
  }

  async function settle(uri: string): Promise<void> {
    if (!support.pullDiagnostics) return lintAndPublish(uri, 'settle');
    refreshIfChanged((await lintDocument(uri, 'settle'))?.changed === true);
  }

  const settler = new SettleScheduler(SETTLE_DELAY_MS, settle, (error) => logError(`pyreview: linting failed: ${(error as Error).stack ?? String(error)}`));

  const scheduler = new LintScheduler(lintAndPublish, (error) => logError(`pyreview: linting failed: ${(error as Error).stack ?? String(error)}`));

  /** Lints after a change when the document's `run` setting says so. */
  function lintOn(trigger: 'change' | 'save' | 'open', uri: string): void {
    if (support.pullDiagnostics) {
      // The client pulls after changes by itself; after a save it must pull the new saved state.
      if (trigger === 'save' && savedReports.delete(uri)) refreshIfChanged(true);
      return;
    }
    if (trigger === 'open') return scheduler.schedule(uri);
    const wanted = trigger === 'change' ? 'onType' : 'onSave';
    configs.forDocument(uri).then((config) => {
      if (config.run === wanted) scheduler.schedule(uri);
    }, (error) => logError(`pyreview: reading settings failed: ${String(error)}`));
  }

  /**
   * Open documents linted again without an edit, after settings or other
   * files changed: push clients get the result, pull clients a refresh when
   * some document's diagnostics changed. Documents edited since their last
   * report are left to the pull that follows the edit.
   */
  async function relintOpenDocuments(): Promise<void> {
    notebooks?.relintAll();
    if (!support.pullDiagnostics) {
      for (const document of store?.all() ?? []) {
        reports.forget(document.uri);
        scheduler.schedule(document.uri);
      }
      return;
    }
    savedReports.clear();
    let changed = false;
    for (const document of store?.all() ?? []) {
      if (reports.get(document.uri)?.version !== document.version) continue;
      changed = (await lintDocument(document.uri, 'settle'))?.changed === true || changed;
    }
    refreshIfChanged(changed);
  }

  /** Queues the workspace files to be checked from disk, when some workspace folder is in the `workspace` mode. */
  async function checkWorkspaceFiles(): Promise<void> {
    if (await someFolderInWorkspaceMode()) {
      workspaceDiagnostics.enqueue([...(indexer?.files ?? [])].map((file) => fileUri(file)));
    } else {
      // Out of the mode (never in it, or switched back): what it published is cleared.
      for (const report of workspaceDiagnostics.all()) workspaceDiagnostics.remove(report.uri);
    }
  }

  async function someFolderInWorkspaceMode(): Promise<boolean> {
    // A folder's settings, as a file directly in it gets them.
    const configsOfFolders = await Promise.all(workspaceFolders.map((folder) => configs.forDocument(fileUri(path.join(folder, '__init__.py')))));
    return configsOfFolders.some((config) => config.diagnosticMode === 'workspace');
  }

  /** Settings or a configuration file changed: everything they may affect is checked again. */
  function configurationChanged(pushedSettings?: unknown): void {
    configs.invalidate(pushedSettings);
    background('reading the log settings', configureLog(pushedSettings));
    background('checking the workspace', checkWorkspaceFiles());
    background('linting open documents', relintOpenDocuments());
  }

  /** `pyreview.logLevel` and `pyreview.logFile`, which apply to the whole server. */
  async function configureLog(pushedSettings?: unknown): Promise<void> {
    const pushed = (pushedSettings as { pyreview?: unknown } | null | undefined)?.pyreview ?? pushedSettings;
    const raw = (support.configuration ? await connection.workspace.getConfiguration({ section: 'pyreview' }) : pushed) as Record<string, unknown> | null | undefined;
    const file = typeof raw?.logFile === 'string' && raw.logFile.trim() ? expandPath(raw.logFile.trim(), workspaceFolders[0]) : undefined;
    log.configure(logLevelOf(raw?.logLevel), file);
  }

  let lastChangeAt = 0;
  const checkingProgress = new BackgroundProgress(connection, 'pyreview: checking the workspace', () => support.workDoneProgress, (error) => logError(`pyreview: progress failed: ${String(error)}`));
  const workspaceDiagnostics = new WorkspaceDiagnostics({
    lintFile: async (uri) => {
      const filePath = fileSystemPath(uri);
      if (!filePath || store?.get(uri) || !checker) return undefined;
      const config = await configs.forDocument(uri);
      if (!config.enable || config.diagnosticMode !== 'workspace' || store?.get(uri)) return undefined;
      const text = readWorkspaceFile(filePath);
      if (text === undefined) return undefined;
      const result = checker.check({ text, filePath, relativePath: config.relativePath, settings: config.settings, workspace: indexer?.index });
      for (const error of result.internalErrors) logError(`pyreview: internal error in rule ${error}`);
      return toDiagnostics(result, { uri, version: -1 }, config, encoding, commandLinks());
    },
    busy: () => scheduler.busy || performance.now() - lastChangeAt < 300,
    changed: (report) => {
      // Pull clients get reports through the `workspace/diagnostic` request waiting for them.
      if (!support.pullDiagnostics) background('publishing workspace diagnostics', connection.sendDiagnostics({ uri: report.uri, diagnostics: report.items }));
    },
    progress: (done, total) => checkingProgress.report(done, total),
    get keepCleared() {
      return support.pullDiagnostics;
    },
  });

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const parser = await parserReady;
    indexer = new WorkspaceIndexer(parser, (message) => log.warn(message));
    store = new DocumentStore(parser, indexer.index, () => collector.memoryFreed());
    workspaceFolders = workspaceFolderPaths(params);
    checker = new SourceChecker(parser, RULES);
    encoding = negotiatePositionEncoding(params);
    support = clientSupport(params);
    log.info(`pyreview ${PYREVIEW_VERSION} language server (Node.js ${process.version}), for ${support.name}`);
    notebooks = new NotebookSync(connection, {
      parser,
      checker,
      workspace: indexer.index,
      encoding,
      configs,
      settleDelayMs: SETTLE_DELAY_MS,
      commandLinks: commandLinks(),
      logError,
      warn: (message) => log.warn(message),
    });
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        notebookDocumentSync: NOTEBOOK_DOCUMENT_SYNC,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ORGANIZE_IMPORTS_KIND], resolveProvider: true },
        inlayHintProvider: true,
        hoverProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [DEBUG_INFORMATION_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(support.pullDiagnostics
          ? { diagnosticProvider: { identifier: 'pyreview', interFileDependencies: true, workspaceDiagnostics: true } }
          : {}),
      },
      serverInfo: { name: 'pyreview', version: PYREVIEW_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (support.configurationRegistration) {
      background('registering for configuration changes', connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyreview' }));
    }
    background('reading the log settings', configureLog());
    if (support.watchedFilesRegistration) {
      const watchers = [{ globPattern: '**/pyproject.toml' }, { globPattern: '**/*.py' }];
      background('watching files', connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
    if (support.workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        for (const folder of removed) {
          const folderPath = fileSystemPath(folder.uri);
          if (!folderPath) continue;
          workspaceFolders = workspaceFolders.filter((known) => known !== folderPath);
          const prefix = fileUri(folderPath) + '/';
          for (const report of workspaceDiagnostics.all()) if (report.uri.startsWith(prefix)) workspaceDiagnostics.remove(report.uri);
          indexer?.removeFolder(folderPath);
        }
        const addedPaths = added.flatMap((folder) => fileSystemPath(folder.uri) ?? []);
        workspaceFolders.push(...addedPaths);
        indexFolders(addedPaths);
      });
    }
    // Open documents come first: indexing starts once the editor has had a moment to open them.
    setTimeout(() => indexFolders(workspaceFolders), INDEXING_DELAY_MS);
  });

  const indexingProgress = new BackgroundProgress(connection, 'pyreview: indexing the workspace', () => support.workDoneProgress, (error) => logError(`pyreview: progress failed: ${String(error)}`));

  /**
   * Indexes workspace folders in the background, one file per event-loop
   * turn so that open documents are never kept waiting, with progress shown
   * by the client when it supports it.
   */
  function indexFolders(folders: readonly string[]): void {
    if (!indexer || !folders.length) return;
    const run = async () => {
      const started = performance.now();
      const count = await indexer!.indexFolders(folders, { report: (done, total) => indexingProgress.report(done, total) });
      log.info(`pyreview: indexed ${count} files in ${Math.round(performance.now() - started)} ms`);
      await relintOpenDocuments();
      await checkWorkspaceFiles();
    };
    background('indexing the workspace', run());
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    if (!store) return;
    const document = store.open(textDocument.uri, textDocument.version, textDocument.text);
    clearTimeout(closing.get(textDocument.uri));
    closing.delete(textDocument.uri);
    const filePath = fileSystemPath(textDocument.uri);
    // Parsed once: the lint that follows uses the same tree.
    const tree = filePath ? document.syntax() : undefined;
    if (filePath && tree) indexer?.indexOpenDocument(filePath, tree, document.text);
    workspaceDiagnostics.remove(textDocument.uri);
    reports.forget(textDocument.uri);
    savedReports.delete(textDocument.uri);
    lintOn('open', textDocument.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const document = store?.change(textDocument.uri, textDocument.version ?? 0, contentChanges, encoding);
    if (!document) return unknownDocument('didChange', textDocument.uri);
    lastChangeAt = performance.now();
    lintOn('change', textDocument.uri);
  });

  connection.onDidSaveTextDocument(({ textDocument }) => {
    const document = store?.get(textDocument.uri);
    if (!document) return unknownDocument('didSave', textDocument.uri);
    // What other files see of this one follows its saves, not every keystroke.
    const filePath = fileSystemPath(textDocument.uri);
    const tree = filePath ? document.syntax() : undefined;
    if (filePath && tree) indexer?.indexOpenDocument(filePath, tree, document.text);
    lintOn('save', textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const { uri } = textDocument;
    if (!store?.close(uri)) return unknownDocument('didClose', uri);
    collector.memoryFreed();
    const filePath = fileSystemPath(uri);
    if (filePath) indexer?.closeDocument(filePath);
    const mode = configs.forDocument(uri).then((config) => config.diagnosticMode);
    scheduler.cancel(uri);
    settler.cancel(uri);
    configs.forget(uri);
    reports.forget(uri);
    savedReports.delete(uri);
    skipLogged.delete(uri);
    if (!support.pullDiagnostics) background('clearing diagnostics', connection.sendDiagnostics({ uri, diagnostics: [] }));
    // In the `workspace` mode a workspace file is checked again as it is on disk. Otherwise a pull client
    // keeps what it pulled for the document until a workspace report clears it.
    background('closing a document', mode.then((diagnosticMode) => {
      if (diagnosticMode === 'workspace' && filePath && indexer?.files.has(filePath)) workspaceDiagnostics.enqueue([uri]);
      else if (support.pullDiagnostics) clearClosedLater(uri, CLOSED_PULL_WAIT_MS);
    }));
  });

  /** Documents closed whose problems a workspace report is to clear (see CLOSED_REPORT_DELAY_MS). */
  const closing = new Map<string, NodeJS.Timeout>();

  function clearClosedLater(uri: string, delayMs: number): void {
    clearTimeout(closing.get(uri));
    closing.set(uri, setTimeout(() => {
      closing.delete(uri);
      if (!store?.get(uri)) workspaceDiagnostics.clear(uri);
    }, delayMs));
  }

  connection.onDidChangeConfiguration(({ settings }) => configurationChanged(settings ?? undefined));

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let pythonChanged = false;
    for (const change of changes) {
      const filePath = fileSystemPath(change.uri);
      if (!filePath || !/\.pyi?$/.test(filePath)) continue;
      pythonChanged = true;
      if (change.type === FileChangeType.Deleted) {
        indexer?.removeFile(filePath);
        workspaceDiagnostics.remove(change.uri);
      } else if (!store?.get(change.uri)) {
        indexer?.indexFile(filePath);
        background('checking the workspace', checkFile(change.uri));
      }
    }
    if (changes.some((change) => isPyproject(change.uri))) configurationChanged();
    else if (pythonChanged) background('linting open documents', relintOpenDocuments());
  });

  /** A workspace file changed on disk: checked again when its folder is in the `workspace` mode. */
  async function checkFile(uri: string): Promise<void> {
    if ((await configs.forDocument(uri)).diagnosticMode === 'workspace') workspaceDiagnostics.enqueue([uri]);
  }

  function unknownDocument(what: string, uri: string): void {
    log.warn(`pyreview: ${what} for a document that is not open: ${uri}`);
  }

  connection.languages.diagnostics.on(async ({ textDocument, previousResultId }: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    const { uri } = textDocument;
    // Notebook cells get their diagnostics pushed (see notebookSync.ts).
    if (notebooks?.ownsCell(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const document = store?.get(uri);
    // VS Code pulls a document once more after closing it: its workspace report, if any, stands.
    if (!document) {
      if (closing.has(uri)) clearClosedLater(uri, CLOSED_REPORT_DELAY_MS);
      return { kind: DocumentDiagnosticReportKind.Full, items: workspaceDiagnostics.all().find((report) => report.uri === uri)?.items ?? [] };
    }
    const config = await configs.forDocument(uri);
    // Cancelled while settings were fetched (the document changed, or a refresh came): the client asks again.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The document changed; pull again.');
    if (store?.get(uri) !== document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (config.run === 'onSave') {
      // Between saves, pulls get what the last save (or the opening) showed.
      const saved = savedReports.get(uri) ?? { resultId: `s${keyOf(document, config)}`, items: diagnose(document, config, 'settle').diagnostics };
      savedReports.set(uri, saved);
      if (previousResultId === saved.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: saved.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, ...saved };
    }
    // VS Code cancels a pull in flight when the document changes and pulls again once it is answered,
    // often for the version just linted. That version's report stands (its settling is already scheduled).
    let report = reports.get(uri);
    if (report?.key !== keyOf(document, config)) {
      // Without refresh support a client would never ask again: it gets the settled result now.
      report = (await lintDocument(uri, support.diagnosticRefresh ? 'keystroke' : 'settle'))?.report;
      if (!report) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    if (previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
  });

  /**
   * `workspace/diagnostic` is answered once something differs from what the
   * client has: pulls wait for a change instead of polling. With a partial
   * result token the answer never ends: each change is streamed as it comes.
   */
  connection.languages.diagnostics.onWorkspace(async ({ previousResultIds }, token, _workDone, resultProgress): Promise<WorkspaceDiagnosticReport> => {
    const known = new Map(previousResultIds.map(({ uri, value }) => [uri, value]));
    workspaceDiagnostics.acknowledge(known);
    const cancelled = new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
    for (;;) {
      const items = workspaceItems(known);
      if (items.length && !resultProgress) return { items };
      if (items.length) {
        resultProgress!.report({ items });
        workspaceDiagnostics.acknowledge(known);
      }
      if (token.isCancellationRequested) return { items: [] };
      await workspaceDiagnostics.nextChange(cancelled);
    }
  });

  /** Full reports of files not open whose report the client does not have; `known` is updated as if it had them. */
  function workspaceItems(known: Map<string, string>): WorkspaceDocumentDiagnosticReport[] {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const report of workspaceDiagnostics.all()) {
      if (store?.get(report.uri) || known.get(report.uri) === report.resultId) continue;
      known.set(report.uri, report.resultId);
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: report.uri, resultId: report.resultId, items: report.items, version: null });
    }
    return items;
  }

  connection.onCodeAction(async ({ textDocument, context }: CodeActionParams): Promise<CodeAction[]> => {
    if (notebooks?.ownsCell(textDocument.uri)) return notebooks.codeActions(textDocument.uri, context, support.codeActionResolve);
    const document = store?.get(textDocument.uri);
    if (!document || !checker) {
      unknownDocument('textDocument/codeAction', textDocument.uri);
      return [];
    }
    const config = await configs.forDocument(textDocument.uri);
    if (!config.enable) return [];
    const actions: CodeAction[] = [];
    if (kindRequested(context.only, CodeActionKind.QuickFix)) {
      const resolveIn = support.codeActionResolve ? textDocument.uri : undefined;
      actions.push(...quickFixes(fixableFile(document, encoding), context.diagnostics, config, logError, resolveIn, support.commands));
      if (commandLinks()) actions.push(...documentationActions(context.diagnostics));
    }
    // Fixing everything re-checks the file several times: only when asked for by kind (on save, "Source Action…").
    if (context.only && config.editor.fixAll && kindRequested(context.only, FIX_ALL_KIND)) {
      const fixAll = fixAllAction(document, config, checker, encoding);
      if (fixAll) actions.push(fixAll);
    }
    if (context.only && config.editor.organizeImports && kindRequested(context.only, ORGANIZE_IMPORTS_KIND)) {
      const organize = organizeImportsAction(document, config, encoding);
      if (organize) actions.push(organize);
    }
    return actions;
  });

  connection.onCodeActionResolve((action) => {
    const uri = (action.data as Partial<ResolveData> | undefined)?.uri;
    if (typeof uri !== 'string') return action;
    if (notebooks?.ownsCell(uri)) return notebooks.resolveCodeAction(uri, action);
    const document = store?.get(uri);
    return document ? resolveQuickFix(action, fixableFile(document, encoding)) : action;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== DEBUG_INFORMATION_COMMAND) throw new ResponseError(LSPErrorCodes.RequestFailed, `pyreview has no command ${command}`);
    const uri = (args?.[0] as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    const document = typeof uri === 'string' ? store?.get(uri) : undefined;
    return debugInformation({
      support,
      encoding,
      log: log.settings,
      workspaceFolders,
      indexer,
      workspaceDiagnostics,
      documents: store?.all() ?? [],
      reports,
      active: document && { document, config: await configs.forDocument(document.uri) },
    });
  });

  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    if (notebooks?.ownsCell(textDocument.uri)) return [];
    const document = store?.get(textDocument.uri);
    if (!document) {
      unknownDocument('textDocument/inlayHint', textDocument.uri);
      return [];
    }
    return returnTypeHints(document, range, await configs.forDocument(textDocument.uri), encoding);
  });

  connection.onPrepareRename(async ({ textDocument, position }) => {
    if (notebooks?.ownsCell(textDocument.uri)) return null;
    const document = store?.get(textDocument.uri);
    if (!document) {
      unknownDocument('textDocument/prepareRename', textDocument.uri);
      return null;
    }
    return prepareRename(document, await configs.forDocument(textDocument.uri), position, encoding);
  });

  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    if (notebooks?.ownsCell(textDocument.uri)) return null;
    const document = store?.get(textDocument.uri);
    if (!document) {
      unknownDocument('textDocument/rename', textDocument.uri);
      return null;
    }
    return rename(document, await configs.forDocument(textDocument.uri), position, newName, encoding);
  });

  connection.onHover(({ textDocument, position }) => {
    if (notebooks?.ownsCell(textDocument.uri)) return null;
    const document = store?.get(textDocument.uri);
    if (!document) {
      unknownDocument('textDocument/hover', textDocument.uri);
      return null;
    }
    return noqaHover(document, position, encoding, commandLinks());
  });

  connection.onShutdown(() => {
    settler.dispose();
    collector.dispose();
    store?.dispose();
    notebooks?.dispose();
  });

  connection.listen();
  return connection;
}

if (require.main === module) startServer();
