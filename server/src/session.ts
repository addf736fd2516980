import * as path from 'path';
import { PythonParser, RULES, SourceChecker } from '@pyreview/shared-rules';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { clientSupport, CLIENT_COMMANDS, type ClientSupport } from './clientSupport';
import { FIX_ALL_KIND, ORGANIZE_IMPORTS_KIND } from './codeActions';
import { ConfigurationService } from './configuration';
import { DEBUG_INFORMATION_COMMAND } from './debugInformation';
import { configProblemDiagnostics } from './diagnostics';
import type { PythonDocument } from './documents';
import { expandPath } from './editorOptions';
import { FreedMemoryCollector } from './garbageCollection';
import { NOTEBOOK_DOCUMENT_SYNC, NotebookSync } from './notebookSync';
import { OpenDocuments } from './openDocuments';
import { negotiatePositionEncoding, type PositionEncoding } from './positionEncoding';
import { REFUSED_REQUEST, type Refusal } from './protocolGate';
import { logLevelOf, ServerLog } from './serverLog';
import { fileSystemPath, fileUri } from './uris';
import { PYREVIEW_VERSION } from './version';
import { WorkspaceIndexer } from './workspaceIndexer';

/** How long typing must pause before slow file-wide rules run again. */
export const SETTLE_DELAY_MS = 250;

/** What the process running the server may want to know. */
export interface ServerHooks {
  /** Called once, when the first document has been linted (the launcher then writes its code cache). */
  firstLintDone?(): void;
}

/** The folders to index: the workspace folders, or the root of a single-folder client. */
function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((uri) => fileSystemPath(uri) ?? []);
}

/**
 * One run of the language server: the connection, what the client announced
 * at `initialize`, the stores every area of handlers reads (open documents,
 * notebooks, the workspace index, configurations) and the lifecycle. The
 * areas (documentHandlers.ts, diagnosticHandlers.ts, codeActionHandlers.ts,
 * workspaceHandlers.ts, languageFeatureHandlers.ts) register their handlers on
 * it, and hear of `initialized`, settings changes and `shutdown` through it.
 */
export class ServerSession {
  readonly log: ServerLog;
  readonly indexer: WorkspaceIndexer;
  readonly documents: OpenDocuments;
  readonly checker: SourceChecker;
  readonly configs: ConfigurationService;
  /** Collects garbage once documents gave their memory back. */
  readonly collector = new FreedMemoryCollector();
  /** Created at `initialize`, with the position encoding it negotiates. */
  notebooks: NotebookSync | undefined;
  support: ClientSupport = clientSupport({ capabilities: {} });
  encoding: PositionEncoding = 'utf-16';
  workspaceFolders: string[] = [];
  private readonly initializedListeners: (() => void)[] = [];
  private readonly settingsListeners: (() => void)[] = [];
  private readonly shutdownListeners: (() => void)[] = [];

  private readonly parser = new PythonParser();

  constructor(
    readonly connection: Connection,
    readonly hooks: ServerHooks,
  ) {
    this.log = new ServerLog(connection.console);
    this.indexer = new WorkspaceIndexer(this.parser, (message) => this.log.warn(message));
    this.documents = new OpenDocuments(this.parser, this.indexer.index, () => this.collector.memoryFreed());
    this.checker = new SourceChecker(this.parser, RULES);
    this.configs = new ConfigurationService({
      fetchEditorSettings: async (scopeUri) => {
        if (!this.support.configuration) return undefined;
        try {
          return await connection.workspace.getConfiguration({ scopeUri, section: 'pyreview' });
        } catch (error) {
          this.log.warn(`pyreview: workspace/configuration failed, using defaults: ${String(error)}`);
          return undefined;
        }
      },
      warn: (message) => {
        this.log.warn(message);
        // A notification, not showMessageRequest: there is nothing to answer.
        this.background('window/showMessage', connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
      },
      log: (message) => this.log.info(message),
      folderOf: (fsPath) => this.folderOf(fsPath),
      showFileProblems: (file, source, problems) => {
        const diagnostics = configProblemDiagnostics(problems, source, this.encoding);
        this.background('publishing configuration problems', connection.sendDiagnostics({ uri: fileUri(file), diagnostics }));
      },
    });
    connection.onRequest(REFUSED_REQUEST, (refusal: Refusal) => {
      throw new ResponseError(refusal.code, refusal.message);
    });
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration(({ settings }) => this.settingsChanged(settings ?? undefined));
    connection.onShutdown(() => this.shutdown());
  }

  /** Called after the server's own `initialized` work: registrations and the log's settings. */
  onInitialized(listener: () => void): void {
    this.initializedListeners.push(listener);
  }

  /** Called when the editor's settings or a configuration file changed (configurations are read again by then). */
  onSettingsChanged(listener: () => void): void {
    this.settingsListeners.push(listener);
  }

  /** Called at `shutdown`, before the stores are disposed of. */
  onShutdown(listener: () => void): void {
    this.shutdownListeners.push(listener);
  }

  /** Settings or a configuration file changed: everything they may affect is checked again. */
  settingsChanged(pushedSettings?: unknown): void {
    this.configs.invalidate(pushedSettings);
    this.background('reading the log settings', this.configureLog(pushedSettings));
    for (const listener of this.settingsListeners) listener();
  }

  logError(message: string): void {
    this.log.error(message);
  }

  /** Messages sent without waiting: a failure (a client gone away) is logged, never an unhandled rejection. */
  background(what: string, promise: Promise<unknown>): void {
    promise.catch((error) => this.logError(`pyreview: ${what} failed: ${String(error)}`));
  }

  /** Whether rule links run the client's documentation command. */
  commandLinks(): boolean {
    return this.support.commands.has(CLIENT_COMMANDS.showRuleDocumentation);
  }

  unknownDocument(what: string, uri: string): void {
    this.log.warn(`pyreview: ${what} for a document that is not open: ${uri}`);
  }

  /**
   * The open file a request of `method` is about; undefined for a notebook
   * cell (whose requests have answers of their own) and, with a log line, for
   * a document that is not open.
   */
  fileDocument(method: string, uri: string): PythonDocument | undefined {
    if (this.notebooks?.ownsCell(uri)) return undefined;
    const open = this.documents.get(uri);
    if (!open) this.unknownDocument(method, uri);
    return open?.document;
  }

  /** The workspace folder holding a file (the innermost, for nested folders). */
  folderOf(fsPath: string): string | undefined {
    return this.workspaceFolders.filter((folder) => fsPath === folder || fsPath.startsWith(folder + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.workspaceFolders = workspaceFolderPaths(params);
    this.encoding = negotiatePositionEncoding(params);
    this.support = clientSupport(params);
    this.log.info(`pyreview ${PYREVIEW_VERSION} language server (Node.js ${process.version}), for ${this.support.name}`);
    this.notebooks = new NotebookSync(this.connection, {
      parser: this.parser,
      checker: this.checker,
      workspace: this.indexer.index,
      encoding: this.encoding,
      configs: this.configs,
      settleDelayMs: SETTLE_DELAY_MS,
      commandLinks: this.commandLinks(),
      logError: (message) => this.logError(message),
      warn: (message) => this.log.warn(message),
    });
    return {
      capabilities: {
        positionEncoding: this.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        notebookDocumentSync: NOTEBOOK_DOCUMENT_SYNC,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ORGANIZE_IMPORTS_KIND], resolveProvider: true },
        inlayHintProvider: true,
        hoverProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [DEBUG_INFORMATION_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(this.support.pullDiagnostics
          ? { diagnosticProvider: { identifier: 'pyreview', interFileDependencies: true, workspaceDiagnostics: true } }
          : {}),
      },
      serverInfo: { name: 'pyreview', version: PYREVIEW_VERSION },
    };
  }

  private initialized(): void {
    const { connection, support } = this;
    if (support.configurationRegistration) {
      this.background('registering for configuration changes', connection.client.register(DidChangeConfigurationNotification.type, { section: 'pyreview' }));
    }
    this.background('reading the log settings', this.configureLog());
    if (support.watchedFilesRegistration) {
      const watchers = [{ globPattern: '**/pyproject.toml' }, { globPattern: '**/*.py' }];
      this.background('watching files', connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
    for (const listener of this.initializedListeners) listener();
  }

  /** `pyreview.logLevel` and `pyreview.logFile`, which apply to the whole server. */
  private async configureLog(pushedSettings?: unknown): Promise<void> {
    const pushed = (pushedSettings as { pyreview?: unknown } | null | undefined)?.pyreview ?? pushedSettings;
    const raw = (this.support.configuration ? await this.connection.workspace.getConfiguration({ section: 'pyreview' }) : pushed) as Record<string, unknown> | null | undefined;
    const file = typeof raw?.logFile === 'string' && raw.logFile.trim() ? expandPath(raw.logFile.trim(), this.workspaceFolders[0]) : undefined;
    this.log.configure(logLevelOf(raw?.logLevel), file);
  }

  private shutdown(): void {
    for (const listener of this.shutdownListeners) listener();
    this.collector.dispose();
    this.documents.dispose();
    this.notebooks?.dispose();
  }
}
