/**
 * File names that are not UTF-8 (a Latin-1 `caf\xe9.py`), kept exactly as
 * Python's `os.fsdecode` keeps them: each byte that is not part of valid
 * UTF-8 becomes a lone surrogate U+DC80–U+DCFF. Such a name prints as U+FFFD
 * and stays distinct from every other; `fsPath` gives the bytes back to the
 * file system calls.
 */
const strict = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The length of the valid UTF-8 sequence at `index`, or 0. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index];
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  return length && index + length <= bytes.length && isValidUtf8(bytes.subarray(index, index + length)) ? length : 0;
}

export function decodeFileName(bytes: Uint8Array): string {
  if (isValidUtf8(bytes)) return strict.decode(bytes);
  let name = '';
  for (let index = 0; index < bytes.length; ) {
    const length = sequenceLength(bytes, index);
    name += length ? strict.decode(bytes.subarray(index, index + length)) : String.fromCharCode(0xdc00 + bytes[index]);
    index += length || 1;
  }
  return name;
}

const ESCAPED_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** What to hand the file system for a name `decodeFileName` made: the name itself, or its bytes. */
export function fsPath(name: string): string | Buffer {
  if (!ESCAPED_BYTE.test(name)) return name;
  const parts: Buffer[] = [];
  for (const character of name) {
    const code = character.charCodeAt(0);
    parts.push(character.length === 1 && code >= 0xdc80 && code <= 0xdcff ? Buffer.of(code - 0xdc00) : Buffer.from(character, 'utf8'));
  }
  return Buffer.concat(parts);
}
