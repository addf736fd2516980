import { PythonParser, RULES, SourceChecker } from '@pyreview/shared-rules';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver/node';
import { fixableFile, fixAllAction, FIX_ALL_KIND, kindRequested, organizeImportsAction, ORGANIZE_IMPORTS_KIND, quickFixes, resolveQuickFix, type ResolveData } from './codeActions';
import { returnTypeHints } from './inlayHints';
import { ConfigurationService, type DocumentConfig } from './configuration';
import { configProblemDiagnostics, diagnoseDocument, toDiagnostics } from './diagnostics';
import { DocumentStore, type LintPhase, type PythonDocument } from './documents';
import { FreedMemoryCollector } from './garbageCollection';
import { noqaHover } from './hover';
import { NOTEBOOK_DOCUMENT_SYNC, NotebookSync } from './notebookSync';
import { prepareRename, rename } from './rename';
import { negotiatePositionEncoding, type PositionEncoding } from './positionEncoding';
import { ProtocolGate, REFUSED_REQUEST, type Refusal } from './protocolGate';
import { LintScheduler, SettleScheduler } from './scheduler';
import { fileSystemPath, fileUri, isPyproject } from './uris';
import { WorkspaceIndexer, readWorkspaceFile } from './workspaceIndexer';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';

/** How long after `initialized` the workspace starts being indexed. */
const INDEXING_DELAY_MS = 500;

/** How long typing must pause before slow file-wide rules run again. */
const SETTLE_DELAY_MS = 250;

/** What the client announced it can do, as far as the server's behaviour depends on it. */
interface ClientSupport {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolderChanges: boolean;
  workDoneProgress: boolean;
  /** Code actions may come without their edit, which `codeAction/resolve` fills in. */
  codeActionResolve: boolean;
}

/** The folders to index: the workspace folders, or the root of a single-folder client. */
function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((uri) => fileSystemPath(uri) ?? []);
}

function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    configuration: capabilities.workspace?.configuration === true,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolderChanges: capabilities.workspace?.workspaceFolders === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    codeActionResolve: capabilities.textDocument?.codeAction?.dataSupport === true &&
      capabilities.textDocument.codeAction.resolveSupport?.properties.includes('edit') === true,
  };
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
  let support = clientSupport({});
  /** What was last published per URI, so that a burst never publishes the same result twice. */
  const published = new Map<string, string>();
  /** Pull clients with `run: onSave`: the report of each document's last save. */
  const savedReports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  /** The last "not checked" reason logged per URI, so that typing does not repeat it. */
  const skipLogged = new Map<string, string>();

  const configs = new ConfigurationService({
    fetchEditorSettings: async (scopeUri) => {
      if (!support.configuration) return undefined;
      try {
        return await connection.workspace.getConfiguration({ scopeUri, section: 'pyreview' });
      } catch (error) {
        connection.console.warn(`pyreview: workspace/configuration failed, using defaults: ${String(error)}`);
        return undefined;
      }
    },
    warn: (message) => {
      connection.console.warn(message);
      // A notification, not showMessageRequest: there is nothing to answer.
      background('window/showMessage', connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
    },
    log: (message) => connection.console.log(message),
    showFileProblems: (file, source, problems) => {
      const diagnostics = configProblemDiagnostics(problems, source, encoding);
      background('publishing configuration problems', connection.sendDiagnostics({ uri: fileUri(file), diagnostics }));
    },
  });

  const logError = (message: string) => connection.console.error(message);
  const collector = new FreedMemoryCollector();
  /** Messages sent without waiting: a failure (a client gone away) is logged, never an unhandled rejection. */
  const background = (what: string, promise: Promise<unknown>) => {
    promise.catch((error) => logError(`pyreview: ${what} failed: ${String(error)}`));
  };
  const resultId = (document: PythonDocument, generation: number) => `${document.serial}.${document.version}.${generation}`;

  let linted = false;
  function diagnose(document: PythonDocument, config: DocumentConfig, phase: LintPhase) {
    const outcome = diagnoseDocument(document, config, encoding, phase, logError);
    store?.trim();
    if (!linted) {
      linted = true;
      hooks.firstLintDone?.();
    }
    if (outcome.skipped && skipLogged.get(document.uri) !== outcome.skipped) {
      connection.console.warn(`pyreview: ${document.uri} was not checked: ${outcome.skipped}`);
    }
    if (outcome.skipped) skipLogged.set(document.uri, outcome.skipped);
    else skipLogged.delete(document.uri);
    return outcome;
  }

  async function lintAndPublish(uri: string, phase: LintPhase = 'keystroke'): Promise<void> {
    const document = store?.get(uri);
    if (!document) return;
    const generation = configs.generation;
    const config = await configs.forDocument(uri);
    // The document may have been closed or reopened while settings were fetched;
    // everything below is synchronous, so what is published is the current version.
    if (store?.get(uri) !== document) return;
    const key = resultId(document, generation);
    if (published.get(uri) === key) return;
    const firstTime = !published.has(uri);
    const outcome = diagnose(document, config, phase);
    if (outcome.settled) published.set(uri, key);
    else published.set(uri, `${key}~`);
    // A document just opened has no reason to wait for a pause in typing.
    if (outcome.settled) settler.cancel(uri);
    else settler.schedule(uri, firstTime ? 0 : undefined);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: outcome.diagnostics });
  }

  /**
   * Pull clients: the last report of each document. An unsettled one (resultId ending in `~`) is
   * replaced by the settled one once typing pauses.
   */
  const pullReports = new Map<string, { resultId: string; items: Diagnostic[] }>();

  async function settle(uri: string): Promise<void> {
    if (!support.pullDiagnostics) return lintAndPublish(uri, 'settle');
    const document = store?.get(uri);
    if (!document) return;
    const generation = configs.generation;
    const config = await configs.forDocument(uri);
    if (store?.get(uri) !== document) return;
    pullReports.set(uri, { resultId: resultId(document, generation), items: diagnose(document, config, 'settle').diagnostics });
    connection.languages.diagnostics.refresh();
  }

  const settler = new SettleScheduler(SETTLE_DELAY_MS, settle, (error) => logError(`pyreview: linting failed: ${(error as Error).stack ?? String(error)}`));

  const scheduler = new LintScheduler(lintAndPublish, (error) => logError(`pyreview: linting failed: ${(error as Error).stack ?? String(error)}`));

  /** Lints after a change when the document's `run` setting says so. */
  function lintOn(trigger: 'change' | 'save' | 'open', uri: string): void {
    if (support.pullDiagnostics) {
      // The client pulls after changes by itself; after a save it must pull the new saved state.
      if (trigger === 'save' && savedReports.delete(uri) && support.diagnosticRefresh) connection.languages.diagnostics.refresh();
      return;
    }
    if (trigger === 'open') return scheduler.schedule(uri);
    const wanted = trigger === 'change' ? 'onType' : 'onSave';
    configs.forDocument(uri).then((config) => {
      if (config.run === wanted) scheduler.schedule(uri);
    }, (error) => logError(`pyreview: reading settings failed: ${String(error)}`));
  }

  function relintAll(): void {
    published.clear();
    savedReports.clear();
    pullReports.clear();
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of store?.all() ?? []) scheduler.schedule(document.uri);
    notebooks?.relintAll();
  }

  /** Queues every workspace file for workspace diagnostics (files not in that mode are skipped when their turn comes). */
  function checkWorkspaceFiles(): void {
    workspaceDiagnostics.enqueue([...(indexer?.files ?? [])].map(fileUri));
  }

  let lastChangeAt = 0;
  let refreshArmed = false;
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
      return toDiagnostics(result, { uri, version: -1 }, config, encoding);
    },
    busy: () => scheduler.busy || performance.now() - lastChangeAt < 300,
    changed: (report) => {
      if (!support.pullDiagnostics) {
        const diagnostics = 'items' in report ? report.items : [];
        background('publishing workspace diagnostics', connection.sendDiagnostics({ uri: report.uri, diagnostics }));
      } else if (support.diagnosticRefresh && !refreshArmed) {
        // One refresh for a run of changed files.
        refreshArmed = true;
        setTimeout(() => {
          refreshArmed = false;
          connection.languages.diagnostics.refresh();
        }, 200);
      }
    },
  });

  function unknownDocument(what: string, uri: string): void {
    connection.console.warn(`pyreview: ${what} for a document that is not open: ${uri}`);
  }

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const parser = await parserReady;
    indexer = new WorkspaceIndexer(parser, (message) => connection.console.warn(message));
    store = new DocumentStore(parser, indexer.index, () => collector.memoryFreed());
    workspaceFolders = workspaceFolderPaths(params);
    checker = new SourceChecker(parser, RULES);
    encoding = negotiatePositionEncoding(params);
    support = clientSupport(params.capabilities);
    notebooks = new NotebookSync(connection, {
      parser, checker, workspace: indexer.index, encoding, configs, settleDelayMs: SETTLE_DELAY_MS, logError, warn: (message) => connection.console.warn(message),
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
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(support.pullDiagnostics
          ? { diagnosticProvider: { identifier: 'pyreview', interFileDependencies: true, workspaceDiagnostics: true } }
          : {}),
      },
      serverInfo: { name: 'pyreview' },
    };
  });

  connection.onInitialized(() => {
    if (support.configurationRegistration) {
      background('registering for configuration changes', connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyreview' }));
    }
    if (support.watchedFilesRegistration) {
      const watchers = [{ globPattern: '**/pyproject.toml' }, { globPattern: '**/*.py' }];
      background('watching files', connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
    if (support.workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        for (const folder of removed) {
          const folderPath = fileSystemPath(folder.uri);
          if (!folderPath) continue;
          const prefix = fileUri(folderPath) + '/';
          for (const report of workspaceDiagnostics.all()) if (report.uri.startsWith(prefix)) workspaceDiagnostics.remove(report.uri);
          indexer?.removeFolder(folderPath);
        }
        indexFolders(added.flatMap((folder) => fileSystemPath(folder.uri) ?? []));
      });
    }
    // Open documents come first: indexing starts once the editor has had a moment to open them.
    setTimeout(() => indexFolders(workspaceFolders), INDEXING_DELAY_MS);
  });

  /**
   * Indexes workspace folders in the background, one file per event-loop
   * turn so that open documents are never kept waiting, with progress shown
   * by the client when it supports it.
   */
  function indexFolders(folders: readonly string[]): void {
    if (!indexer || !folders.length) return;
    const run = async () => {
      const progress = support.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('pyreview: indexing the workspace', 0, undefined, false);
      const started = performance.now();
      const count = await indexer!.indexFolders(folders, {
        report: (done, total) => {
          if (done % 25 === 0 || done === total) progress?.report(Math.round((done / total) * 100), `${done}/${total} files`);
        },
      });
      progress?.done();
      connection.console.log(`pyreview: indexed ${count} files in ${Math.round(performance.now() - started)} ms`);
      relintAll();
      checkWorkspaceFiles();
    };
    background('indexing the workspace', run());
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    if (!store) return;
    const document = store.open(textDocument.uri, textDocument.version, textDocument.text);
    const filePath = fileSystemPath(textDocument.uri);
    // Parsed once: the lint that follows uses the same tree.
    const tree = filePath ? document.syntax() : undefined;
    if (filePath && tree) indexer?.indexOpenDocument(filePath, tree, document.text);
    workspaceDiagnostics.remove(textDocument.uri);
    published.delete(textDocument.uri);
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
    if (!store?.close(textDocument.uri)) return unknownDocument('didClose', textDocument.uri);
    collector.memoryFreed();
    const filePath = fileSystemPath(textDocument.uri);
    if (filePath) indexer?.closeDocument(filePath);
    scheduler.cancel(textDocument.uri);
    settler.cancel(textDocument.uri);
    pullReports.delete(textDocument.uri);
    configs.forget(textDocument.uri);
    published.delete(textDocument.uri);
    savedReports.delete(textDocument.uri);
    skipLogged.delete(textDocument.uri);
    if (!support.pullDiagnostics) background('clearing diagnostics', connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] }));
    // In workspace mode, the file is checked again as it is on disk.
    if (filePath && indexer?.files.has(filePath)) workspaceDiagnostics.enqueue([textDocument.uri]);
  });

  connection.onDidChangeConfiguration(({ settings }) => {
    configs.invalidate(settings ?? undefined);
    relintAll();
    checkWorkspaceFiles();
  });

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
        workspaceDiagnostics.enqueue([change.uri]);
      }
    }
    const configChanged = changes.some((change) => isPyproject(change.uri));
    if (configChanged) configs.invalidate();
    if (configChanged) checkWorkspaceFiles();
    if (configChanged || pythonChanged) relintAll();
  });

  connection.languages.diagnostics.on(async ({ textDocument, previousResultId }: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> => {
    // Notebook cells get their diagnostics pushed (see notebookSync.ts).
    if (notebooks?.ownsCell(textDocument.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const document = store?.get(textDocument.uri);
    if (!document) {
      unknownDocument('textDocument/diagnostic', textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    const generation = configs.generation;
    const config = await configs.forDocument(textDocument.uri);
    const id = resultId(document, generation);
    if (config.run === 'onSave') {
      // Between saves, pulls get what the last save (or the opening) showed.
      const saved = savedReports.get(textDocument.uri) ?? { resultId: id, items: diagnose(document, config, 'settle').diagnostics };
      savedReports.set(textDocument.uri, saved);
      if (previousResultId === saved.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: saved.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, ...saved };
    }
    // VS Code cancels a pull in flight when the document changes and pulls again once it is answered,
    // often for the version just linted. That version's report stands (its settling is already scheduled):
    // linting it again, with no edit to carry the slow file-wide findings through, would run every rule.
    const last = pullReports.get(textDocument.uri);
    if (last?.resultId === id || last?.resultId === `${id}~`) {
      if (previousResultId === last.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, ...last };
    }
    // Without refresh support a client would never ask again: it gets the settled result now.
    const outcome = diagnose(document, config, support.diagnosticRefresh ? 'keystroke' : 'settle');
    if (outcome.settled) settler.cancel(textDocument.uri);
    else settler.schedule(textDocument.uri);
    // An unsettled report gets its own id, so that the settled one is sent in full after the refresh.
    const report = { resultId: outcome.settled ? id : `${id}~`, items: outcome.diagnostics };
    pullReports.set(textDocument.uri, report);
    return { kind: DocumentDiagnosticReportKind.Full, ...report };
  });

  connection.languages.diagnostics.onWorkspace(({ previousResultIds }) => {
    const previous = new Map(previousResultIds.map(({ uri, value }) => [uri, value]));
    const items = workspaceDiagnostics.all().filter((report) => !store?.get(report.uri)).map((report) =>
      previous.get(report.uri) === report.resultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: report.uri, resultId: report.resultId, version: null }
        : { kind: DocumentDiagnosticReportKind.Full, uri: report.uri, resultId: report.resultId, items: report.items, version: null });
    return { items } as WorkspaceDiagnosticReport;
  });

  connection.onCodeAction(async ({ textDocument, context }: CodeActionParams): Promise<CodeAction[]> => {
    if (notebooks?.ownsCell(textDocument.uri)) return notebooks.codeActions(textDocument.uri, context, support.codeActionResolve);
    const document = store?.get(textDocument.uri);
    if (!document || !checker) {
      unknownDocument('textDocument/codeAction', textDocument.uri);
      return [];
    }
    const config = await configs.forDocument(textDocument.uri);
    if (!config.enable) return [];
    const resolveIn = support.codeActionResolve ? textDocument.uri : undefined;
    const actions = kindRequested(context.only, CodeActionKind.QuickFix) ? quickFixes(fixableFile(document, encoding), context.diagnostics, config, logError, resolveIn) : [];
    // Fixing everything re-checks the file several times: only when asked for by kind (on save, "Source Action…").
    if (context.only && kindRequested(context.only, FIX_ALL_KIND)) {
      const fixAll = fixAllAction(document, config, checker, encoding);
      if (fixAll) actions.push(fixAll);
    }
    if (context.only && kindRequested(context.only, ORGANIZE_IMPORTS_KIND)) {
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
    return noqaHover(document, position, encoding);
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
