import * as fs from 'fs';

const BOM = '\ufeff';
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface SourceText {
  bytes: Uint8Array;
  /** The text without its byte-order mark, as rules see it. */
  text: string;
  hasBom: boolean;
}

/** Reads a Python file as UTF-8 (PEP 3120's default); an error message when it cannot be. */
export function readSource(filePath: string): SourceText | string {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    return `cannot read: ${(error as Error).message}`;
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return 'is not valid UTF-8';
  }
  const hasBom = text.startsWith(BOM);
  return { bytes, text: hasBom ? text.slice(1) : text, hasBom };
}

/** The bytes of a file's new text, with the byte-order mark it had. */
export function encodeSource(text: string, hasBom: boolean): Uint8Array {
  return Buffer.from(hasBom ? BOM + text : text, 'utf8');
}

export function writeSource(filePath: string, text: string, hasBom: boolean): void {
  fs.writeFileSync(filePath, encodeSource(text, hasBom));
}
