import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { jsonText } from './diagnosticJson';

/** A buffer is kept for the next message up to this size; a larger message gets one of its own. */
const MAX_KEPT_BYTES = 1 << 20;
const MIN_BUFFER_BYTES = 1 << 16;
/** Room for `Content-Length: N\r\n\r\n` before the JSON. */
const HEADER_ROOM = 40;
/** The most bytes one character (a surrogate pair) takes in UTF-8. */
const UTF8_MAX_BYTES = 4;
/** Diagnostics stringified at a time (see `jsonParts`). */
const DIAGNOSTICS_PER_STRING = 64;

/**
 * Writes LSP messages (`Content-Length` header and JSON) to a stream through
 * a buffer reused from one message to the next. vscode-jsonrpc's own writer
 * encodes each message into a new buffer of three bytes per character,
 * trimmed afterwards: a large file's diagnostics take over 128 KiB, which the
 * allocator maps afresh at every keystroke, and touching new pages costs more
 * than the encoding.
 */
export class ReusedBufferWriter extends AbstractMessageWriter implements MessageWriter {
  /** A buffer no pending write holds. */
  private spare: Buffer | undefined;
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  async write(message: Message): Promise<void> {
    let parts: string[];
    try {
      parts = jsonParts(message);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      throw error;
    }
    let buffer = this.take(HEADER_ROOM + totalLength(parts) + UTF8_MAX_BYTES);
    let bytes: number | undefined;
    while ((bytes = writeParts(buffer, parts)) === undefined) buffer = this.take(buffer.length * 2);
    const header = `Content-Length: ${bytes}\r\n\r\n`;
    const start = HEADER_ROOM - header.length;
    buffer.write(header, start, 'ascii');
    return new Promise((resolve, reject) => {
      // The stream holds the bytes until this callback: only then may the buffer take another message.
      this.stream.write(buffer.subarray(start, HEADER_ROOM + bytes), (error?: Error | null) => {
        this.keep(buffer);
        if (!error) return resolve();
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }

  /** A buffer of at least `length` bytes: the spare one if it is large enough. */
  private take(length: number): Buffer {
    const spare = this.spare;
    if (spare && spare.length >= length) {
      this.spare = undefined;
      return spare;
    }
    let size = MIN_BUFFER_BYTES;
    while (size < length) size *= 2;
    return Buffer.allocUnsafeSlow(size);
  }

  private keep(buffer: Buffer): void {
    if (buffer.length <= MAX_KEPT_BYTES && (!this.spare || this.spare.length < buffer.length)) this.spare = buffer;
  }
}

/** Where messages hold lists of diagnostics: a publication's params, a pull request's report. */
const DIAGNOSTIC_LISTS = [['params', 'diagnostics'], ['result', 'items']] as const;

/**
 * The message's JSON, in pieces: a list of diagnostics a group at a time,
 * made of each diagnostic's kept JSON (see diagnosticJson.ts). One string
 * for hundreds of them would be a large object, which V8 places in pages it
 * maps afresh, and touching those costs more than the encoding.
 */
function jsonParts(message: Message): string[] {
  for (const [outer, inner] of DIAGNOSTIC_LISTS) {
    const holder = (message as unknown as Record<string, unknown>)[outer];
    const list = isObject(holder) ? holder[inner] : undefined;
    if (!isObject(holder) || !Array.isArray(list)) continue;
    const parts = [...openObject({ ...message, [outer]: undefined }, outer), ...openObject({ ...holder, [inner]: undefined }, inner), '['];
    for (let i = 0; i < list.length; i += DIAGNOSTICS_PER_STRING) {
      const group: string[] = [];
      for (const item of list.slice(i, i + DIAGNOSTICS_PER_STRING)) group.push(jsonText(item));
      parts.push(i ? ',' : '', group.join(','));
    }
    parts.push(']}}');
    return parts;
  }
  return [JSON.stringify(message)];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `object`'s JSON up to where the value of `key`, a property it does not have, goes. */
function openObject(object: object, key: string): string[] {
  const json = JSON.stringify(object);
  return [json.length > 2 ? `${json.slice(0, -1)},` : '{', `${JSON.stringify(key)}:`];
}

function totalLength(parts: readonly string[]): number {
  let length = 0;
  for (const part of parts) length += part.length;
  return length;
}

/** Writes the parts in UTF-8 after HEADER_ROOM; the byte count, or undefined when they may not all have fit. */
function writeParts(buffer: Buffer, parts: readonly string[]): number | undefined {
  let at = HEADER_ROOM;
  for (const part of parts) {
    at += buffer.write(part, at);
    // Less room left than a character takes: the part may not all have fit.
    if (buffer.length - at < UTF8_MAX_BYTES) return undefined;
  }
  return at - HEADER_ROOM;
}
