import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** A buffer is kept for the next message up to this size; a larger message gets one of its own. */
const MAX_KEPT_BYTES = 1 << 20;
const MIN_BUFFER_BYTES = 1 << 16;
/** Room for `Content-Length: N\r\n\r\n` before the JSON. */
const HEADER_ROOM = 40;
/** The most bytes one character (a surrogate pair) takes in UTF-8. */
const UTF8_MAX_BYTES = 4;

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
    let json: string;
    try {
      json = JSON.stringify(message);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      throw error;
    }
    // Encoded straight into the buffer after room for the header (Buffer.byteLength would copy a large string first).
    let buffer = this.take(HEADER_ROOM + json.length + UTF8_MAX_BYTES);
    let bytes = buffer.write(json, HEADER_ROOM);
    // Less room left than a character takes: the text may not all have fit.
    while (buffer.length - HEADER_ROOM - bytes < UTF8_MAX_BYTES) {
      buffer = this.take(buffer.length * 2);
      bytes = buffer.write(json, HEADER_ROOM);
    }
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
