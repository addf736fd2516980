import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import { fsPath } from './fileNames';

const BOM = '\ufeff';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** PEP 263, as Python's tokenize module reads it: a coding declaration on line 1, or on line 2 after a blank or comment line. */
const CODING_DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:#|$)/;

export interface SourceText {
  bytes: Uint8Array;
  /** The text without its byte-order mark, as rules see it. */
  text: string;
  hasBom: boolean;
  /** The encoding the file declares (PEP 263), named as Python normalizes it; `utf-8` by default (PEP 3120). */
  encoding: string;
}

/** Python's normal names for UTF-8 and Latin-1 (tokenize's `_get_normal_name`); other names as written. */
function normalName(name: string): string {
  const lowered = name.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (lowered === 'utf-8' || lowered.startsWith('utf-8-')) return 'utf-8';
  if (/^(?:latin-1|iso-8859-1|iso-latin-1)(?:-|$)/.test(lowered)) return 'iso-8859-1';
  return name;
}

function isUtf8(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding);
}

/** The first two lines, read as Latin-1: enough to find an ASCII declaration, whatever the encoding. */
function firstTwoLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length && lines.length < 2; i++) {
    if (bytes[i] !== 10 && bytes[i] !== 13) continue;
    lines.push(Buffer.from(bytes.subarray(start, i)).toString('latin1'));
    if (bytes[i] === 13 && bytes[i + 1] === 10) i++;
    start = i + 1;
  }
  if (lines.length < 2) lines.push(Buffer.from(bytes.subarray(start)).toString('latin1'));
  return lines;
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const [first, second] = firstTwoLines(bytes);
  const declaration = CODING_DECLARATION.exec(first) ?? (BLANK_OR_COMMENT.test(first) && second !== undefined ? CODING_DECLARATION.exec(second) : null);
  return declaration ? normalName(declaration[1]) : undefined;
}

/** A Python file's text as Python decodes it (BOM, PEP 263 declaration, else UTF-8); an error message when it cannot be. */
export function decodeSource(bytes: Uint8Array): SourceText | string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = declaredEncoding(hasBom ? bytes.subarray(3) : bytes);
  if (hasBom && declared && !isUtf8(declared)) return `declares the encoding ${declared} after a UTF-8 byte-order mark`;
  const encoding = declared ?? 'utf-8';
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (isUtf8(encoding)) {
    try {
      return { bytes, text: utf8.decode(body), hasBom, encoding };
    } catch {
      return declared ? 'is not valid UTF-8, the encoding it declares' : 'is not valid UTF-8 and declares no other encoding (PEP 263)';
    }
  }
  if (!iconv.encodingExists(encoding)) return `declares an unknown encoding: ${encoding}`;
  const text = iconv.decode(Buffer.from(body), encoding);
  // The decoder replaces bytes the encoding lacks instead of failing, as Python does: they do not survive the way back.
  if (!iconv.encode(text, encoding).equals(body)) return `is not valid ${encoding}, the encoding it declares`;
  return { bytes, text, hasBom, encoding };
}

function readProblem(error: unknown): string {
  return `cannot be read: ${(error as Error).message}`;
}

/** Reads a Python file; an error message when it cannot be read or decoded. */
export function readSource(filePath: string): SourceText | string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(fsPath(filePath));
  } catch (error) {
    return readProblem(error);
  }
  return decodeSource(bytes);
}

/**
 * Reads files into one buffer it reuses: a run that only hashes most files
 * (their cached findings hold) allocates nothing per file for them.
 */
export class ScratchReader {
  private buffer = Buffer.allocUnsafe(1 << 20);

  /** A file's bytes, valid until the next read (copy what must outlive it); an error message when it cannot be read. */
  read(filePath: string): Uint8Array | string {
    let fd: number | undefined;
    try {
      fd = fs.openSync(fsPath(filePath), 'r');
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          const larger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(larger);
          this.buffer = larger;
        }
        const read = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (!read) return this.buffer.subarray(0, length);
        length += read;
      }
    } catch (error) {
      return readProblem(error);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}

/** The bytes of a file's new text, in the file's encoding and with its byte-order mark; undefined when the encoding lacks a character of it. */
export function encodeSource(source: SourceText, text: string): Uint8Array | undefined {
  if (isUtf8(source.encoding)) return Buffer.from(source.hasBom ? BOM + text : text, 'utf8');
  const bytes = iconv.encode(text, source.encoding);
  return iconv.decode(bytes, source.encoding) === text ? bytes : undefined;
}

/** Writes a file's new text; why it could not, if it could not. */
export function writeSource(filePath: string, source: SourceText, text: string): string | undefined {
  const bytes = encodeSource(source, text);
  if (!bytes) return `the changes need characters that ${source.encoding}, the encoding it declares, lacks`;
  try {
    fs.writeFileSync(fsPath(filePath), bytes);
    return undefined;
  } catch (error) {
    return `it cannot be written: ${(error as Error).message}`;
  }
}
