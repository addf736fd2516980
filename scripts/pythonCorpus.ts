/** The Python files the comparisons run over, read as Python reads them. */
import * as fs from 'fs';
import * as path from 'path';
import { TextDecoder } from 'util';

/** Decodes a Python file as Python tools read it: its PEP 263 encoding, else UTF-8, else Latin-1. */
export function decodePythonSource(bytes: Buffer): string {
  const head = bytes.subarray(0, 400).toString('latin1').split(/\r\n|\r|\n/, 2);
  let encoding = 'utf-8';
  for (const line of head) {
    const cookie = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (cookie) {
      encoding = cookie[1];
      break;
    }
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  try {
    return decoderFor(encoding).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** A strict decoder for a Python codec name; names the WHATWG decoder does not know read as UTF-8. */
function decoderFor(codec: string): TextDecoder {
  try {
    // Python's `utf-8-sig` is UTF-8 whose BOM is dropped, as TextDecoder does anyway.
    return new TextDecoder(codec.replace(/[-_]sig$/i, ''), { fatal: true });
  } catch {
    return new TextDecoder('utf-8', { fatal: true });
  }
}

/** Every `.py` file under a directory (recursively), sorted. */
export function pythonFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      // Symbolic links to files count (Debian links `sitecustomize.py`); links to directories are not followed.
      else if (entry.name.endsWith('.py') && (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isFile()))) {
        files.push(full);
      }
    }
  };
  visit(root);
  return files.sort();
}
