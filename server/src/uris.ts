import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { decodeFileName, fsPath } from './project/fileNames';

/**
 * A URI's percent-escapes decoded as bytes, the bytes as a file name: escapes
 * that are not UTF-8 (Neovim 0.7 writes a Latin-1 `caf\xe9.py` as
 * `caf%E9.py`) are kept as the CLI keeps such names (see fileNames.ts).
 */
function decodePercents(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = text.codePointAt(i)!;
      bytes.push(...Buffer.from(String.fromCodePoint(code), 'utf8'));
      if (code > 0xffff) i++;
    }
  }
  return decodeFileName(Uint8Array.from(bytes));
}

/** The file system path of a `file:` URI; undefined for other schemes (`untitled:`, …) and URIs that name no file. */
export function fileSystemPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    // Node refuses escapes that are not UTF-8; encoded slashes and hosts stay refused.
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return undefined;
    }
    if (process.platform === 'win32' || url.hostname || /%2f/i.test(url.pathname)) return undefined;
    return decodePercents(url.pathname);
  }
}

/** The `file:` URI of a path; a name with bytes that are not UTF-8 (see fileNames.ts) gets them back as escapes, as fileSystemPath reads them. */
export function fileUri(filePath: string): string {
  const bytes = fsPath(filePath);
  if (typeof bytes === 'string') return pathToFileURL(filePath).href;
  const escaped = [...bytes].map((byte) => (byte === 0x2f || /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`));
  return `file://${escaped.join('')}`;
}

/** The path rules see: the file's path, or the URI's last segment for unsaved documents. */
export function displayPath(uri: string): string {
  const fsPath = fileSystemPath(uri);
  if (fsPath) return fsPath;
  const withoutQuery = uri.replace(/[?#].*$/, '');
  return decodePercents(withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1)) || 'untitled.py';
}

export function isPyproject(uri: string): boolean {
  return path.posix.basename(uri.replace(/[?#].*$/, '')) === 'pyproject.toml';
}
