/**
 * A small LSP client that drives the real pyreview server process over stdio.
 * Used by the protocol tests and the benchmark: start it, open documents,
 * send changes, and wait for the diagnostics of a given document version.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { performance } from 'perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './paths';

/** The server entry point as built by `tsc -b`. */
export const SERVER_SCRIPT = path.join(REPO_ROOT, 'server', 'out', 'server.js');

export interface LspClientOptions {
  /** The server command line; default `node server/out/server.js --stdio`. */
  command?: string;
  args?: string[];
  cwd?: string;
  /** The server's environment; default: this process'. */
  env?: NodeJS.ProcessEnv;
  /** Extra client capabilities, merged over the defaults (publishDiagnostics with versions, code action literals, workspace/configuration). */
  capabilities?: ClientCapabilities;
  /** `general.positionEncodings` offered to the server; default: none (UTF-16). */
  positionEncodings?: string[];
  /** The `pyreview` settings section answered to workspace/configuration; may be changed later through `settings`. */
  settings?: Record<string, unknown>;
  rootUri?: string | null;
  initializationOptions?: unknown;
  /** Milliseconds to wait for `initialize`. */
  initializeTimeout?: number;
  /**
   * `latest`: only the latest publication of each URI keeps its diagnostics;
   * the earlier ones keep their version and time. For long measurements: a
   * heap growing with every publication makes this process' garbage
   * collections pause it, and the pauses would be measured as server latency.
   */
  retainDiagnostics?: 'all' | 'latest';
}

export interface ReceivedDiagnostics extends PublishDiagnosticsParams {
  /** `performance.now()` when the notification was read. */
  receivedAt: number;
}

interface DiagnosticsWaiter {
  uri: string;
  version?: number;
  after: number;
  resolve(params: ReceivedDiagnostics): void;
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merged<T>(base: T, extra: unknown): T {
  if (!isObject(base) || !isObject(extra)) return (extra === undefined ? base : extra) as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) result[key] = merged(result[key], value);
  return result as T;
}

export class LspClient {
  /** The `pyreview` settings answered to workspace/configuration (mutable). */
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  /** window/showMessage notifications. */
  readonly shownMessages: Array<{ type: number; message: string }> = [];
  /** window/logMessage notifications. */
  readonly logMessages: Array<{ type: number; message: string }> = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: unknown[] = [];
  readonly unregistrations: unknown[] = [];
  /** How many workspace/diagnostic/refresh requests the server sent. */
  diagnosticRefreshes = 0;
  /** `$/progress` notifications (work done and partial results), in order. */
  readonly progress: Array<{ token: string | number; value: unknown }> = [];
  /** The server's stderr, for failure messages. */
  stderr = '';
  /** Resolves with the exit code when the server process ends. */
  readonly exited: Promise<number | null>;

  private readonly published = new Map<string, ReceivedDiagnostics[]>();
  private waiters: DiagnosticsWaiter[] = [];
  private readonly connection: ProtocolConnection;

  private constructor(readonly process: ChildProcess, settings: Record<string, unknown>, private readonly retainDiagnostics: 'all' | 'latest') {
    this.settings = settings;
    this.exited = new Promise((resolve) => {
      process.once('exit', (code) => resolve(code));
      // A server that cannot be spawned at all: make `start` fail with the reason.
      process.once('error', (error) => {
        this.stderr += String(error);
        resolve(null);
      });
    });
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.received(params));
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => this.shownMessages.push(params));
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => this.logMessages.push(params));
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'pyreview' ? this.settings : null));
    });
    this.connection.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', (params: unknown) => {
      this.unregistrations.push(params);
      return null;
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      return null;
    });
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (params: { token: string | number; value: unknown }) => this.progress.push(params));
    // A server that dies mid-test must fail the test, not hang it.
    process.stdin!.on('error', () => undefined);
    this.connection.listen();
  }

  /** Spawns the server without saying anything to it (for tests of what comes before `initialize`). */
  static spawn(options: LspClientOptions = {}): LspClient {
    const child = spawn(options.command ?? process.execPath, options.args ?? [SERVER_SCRIPT, '--stdio'], {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new LspClient(child, options.settings ?? {}, options.retainDiagnostics ?? 'all');
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const client = LspClient.spawn(options);
    const timeout = options.initializeTimeout ?? 30_000;
    const initialize = client.initialize(options);
    const died = client.exited.then((code): never => {
      throw new Error(`the server exited (${code}) before answering initialize:\n${client.stderr}`);
    });
    try {
      client.initializeResult = await withTimeout(Promise.race([initialize, died]), timeout, () => `initialize timed out; server stderr:\n${client.stderr}`);
    } catch (error) {
      client.kill();
      throw error;
    }
    died.catch(() => undefined);
    client.notify('initialized', {});
    return client;
  }

  /** The `initialize` request with the options' capabilities. */
  initialize(options: LspClientOptions = {}): Promise<InitializeResult> {
    const capabilities = merged(
      merged(DEFAULT_CAPABILITIES, options.positionEncodings ? { general: { positionEncodings: options.positionEncodings } } : undefined),
      options.capabilities,
    );
    return this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      initializationOptions: options.initializationOptions,
      capabilities,
      workspaceFolders: null,
    }) as Promise<InitializeResult>;
  }

  /** Process id of the server, for memory measurements. */
  get pid(): number {
    return this.process.pid!;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'python'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Every publishDiagnostics received for a URI, in order. */
  diagnosticsFor(uri: string): ReceivedDiagnostics[] {
    return this.published.get(uri) ?? [];
  }

  /**
   * The diagnostics published for `uri` at `version` (already received or
   * still to come); without a version, the next publication for `uri`.
   * Register before sending the change when measuring latency.
   */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<ReceivedDiagnostics> {
    if (version !== undefined) {
      const done = this.diagnosticsFor(uri).find((params) => params.version === version);
      if (done) return Promise.resolve(done);
    }
    const promise = new Promise<ReceivedDiagnostics>((resolve) => {
      this.waiters.push({ uri, version, after: this.diagnosticsFor(uri).length, resolve });
    });
    return withTimeout(promise, timeoutMs, () => `no diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`} within ${timeoutMs} ms; got versions [${this.diagnosticsFor(uri).map((p) => p.version).join(', ')}]; server stderr:\n${this.stderr}`);
  }

  /** `shutdown` then `exit`; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      await withTimeout(this.request('shutdown', null), 10_000, () => 'shutdown timed out');
      this.notify('exit', null);
    }
    const code = await withTimeout(this.exited, 10_000, () => 'the server did not exit after `exit`');
    this.release();
    return code;
  }

  /** Ends the process without the protocol's goodbye (for cleanup after a failed test). */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
    this.release();
  }

  /** Nothing of this client may keep the test runner alive. */
  private release(): void {
    this.connection.dispose();
    for (const stream of [this.process.stdin, this.process.stdout, this.process.stderr]) stream?.destroy();
  }

  private received(params: PublishDiagnosticsParams): void {
    const record: ReceivedDiagnostics = { ...params, receivedAt: performance.now() };
    const list = this.published.get(params.uri) ?? [];
    if (this.retainDiagnostics === 'latest' && list.length) list[list.length - 1].diagnostics = [];
    list.push(record);
    this.published.set(params.uri, list);
    const index = list.length - 1;
    this.waiters = this.waiters.filter((waiter) => {
      const matches = waiter.uri === params.uri
        && (waiter.version === undefined ? index >= waiter.after : waiter.version === params.version);
      if (matches) waiter.resolve(record);
      return !matches;
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
