import { ErrorCodes, Message, type MessageStrategy } from 'vscode-languageserver/node';
import { arrayOf, isAnything, isNumber, isString, nullable, optional, shape, type Check } from './shapes';

/**
 * The method a refused request is passed on as, so that a handler answers it
 * with the refusal's error (a message strategy cannot answer by itself).
 */
export const REFUSED_REQUEST = 'pyreview/refusedRequest';

export interface Refusal {
  code: number;
  message: string;
}

const position = shape({ line: isNumber, character: isNumber });
const range = shape({ start: position, end: position });
const textDocument = shape({ textDocument: shape({ uri: isString }) });
const atPosition = shape({ textDocument: shape({ uri: isString }), position });
const object = shape({});
const notebook = shape({ notebookDocument: shape({ uri: isString }) });

/** The params each handled method reads, as far as a handler would fail on them. */
const PARAMS: Readonly<Record<string, Check>> = {
  initialize: shape({ capabilities: object, workspaceFolders: optional(nullable(arrayOf(shape({ uri: isString })))), rootUri: optional(nullable(isString)) }),
  'textDocument/codeAction': shape({ textDocument: shape({ uri: isString }), range, context: shape({ diagnostics: arrayOf(object), only: optional(nullable(arrayOf(isString))) }) }),
  'textDocument/hover': atPosition,
  'textDocument/prepareRename': atPosition,
  'textDocument/rename': shape({ textDocument: shape({ uri: isString }), position, newName: isString }),
  'textDocument/inlayHint': shape({ textDocument: shape({ uri: isString }), range }),
  'textDocument/diagnostic': shape({ textDocument: shape({ uri: isString }), previousResultId: optional(nullable(isString)) }),
  'workspace/diagnostic': shape({ previousResultIds: arrayOf(shape({ uri: isString, value: isString })) }),
  'textDocument/didOpen': shape({ textDocument: shape({ uri: isString, version: isNumber, text: isString }) }),
  'textDocument/didChange': shape({
    textDocument: shape({ uri: isString, version: optional(nullable(isNumber)) }),
    contentChanges: arrayOf(shape({ text: isString, range: optional(range) })),
  }),
  'textDocument/didSave': textDocument,
  'textDocument/didClose': textDocument,
  'workspace/didChangeConfiguration': shape({ settings: isAnything }),
  'workspace/didChangeWatchedFiles': shape({ changes: arrayOf(shape({ uri: isString, type: isNumber })) }),
  'workspace/didChangeWorkspaceFolders': shape({ event: shape({ added: arrayOf(shape({ uri: isString })), removed: arrayOf(shape({ uri: isString })) }) }),
  'codeAction/resolve': shape({ title: isString }),
  'notebookDocument/didOpen': shape({
    notebookDocument: shape({ uri: isString, version: isNumber, cells: arrayOf(shape({ kind: isNumber, document: isString })) }),
    cellTextDocuments: arrayOf(shape({ uri: isString, text: isString })),
  }),
  'notebookDocument/didChange': shape({ notebookDocument: shape({ uri: isString, version: isNumber }), change: object }),
  'notebookDocument/didSave': notebook,
  'notebookDocument/didClose': notebook,
};

/**
 * Enforces, before any handler runs, what LSP 3.17 says of the lifecycle
 * ("Initialize Request", "Shutdown Request") and of params:
 * - before `initialize`, a request is answered ServerNotInitialized (-32002)
 *   and a notification other than `exit` is dropped;
 * - a second `initialize`, and any request after `shutdown`, InvalidRequest
 *   (-32600); a notification after `shutdown` other than `exit` is dropped;
 * - params a handler could not read are InvalidParams (-32602) for a request
 *   (not an exception inside the handler: InternalError, -32603) and dropped,
 *   with a log line, for a notification.
 */
export class ProtocolGate implements MessageStrategy {
  private state: 'waiting' | 'running' | 'shut down' = 'waiting';

  /** `malformed` is told of each notification dropped for its params (the others go without a word: LSP forbids one before initialize). */
  constructor(private readonly malformed: (method: string) => void = () => undefined) {}

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      const refusal = this.refusal(message.method, message.params);
      if (refusal) return next({ ...message, method: REFUSED_REQUEST, params: refusal } as Message);
      if (message.method === 'initialize') this.state = 'running';
      if (message.method === 'shutdown') this.state = 'shut down';
    } else if (Message.isNotification(message) && message.method !== 'exit') {
      if (this.state !== 'running') return;
      const check = PARAMS[message.method];
      if (check && !check(message.params)) return this.malformed(message.method);
    }
    next(message);
  }

  private refusal(method: string, params: unknown): Refusal | undefined {
    if (this.state === 'shut down') return { code: ErrorCodes.InvalidRequest, message: `${method} after shutdown` };
    if (this.state === 'waiting' && method !== 'initialize') return { code: ErrorCodes.ServerNotInitialized, message: `${method} before initialize` };
    if (this.state === 'running' && method === 'initialize') return { code: ErrorCodes.InvalidRequest, message: 'initialize may only be sent once' };
    const check = PARAMS[method];
    if (check && !check(params)) return { code: ErrorCodes.InvalidParams, message: `${method}: its params are not of the shape LSP gives them` };
    return undefined;
  }
}
