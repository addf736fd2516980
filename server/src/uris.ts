import * as path from 'path';
import { fileURLToPath } from 'url';

/** The file system path of a `file:` URI; undefined for other schemes (`untitled:`, …). */
export function fileSystemPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The path rules see: the file's path, or the URI's last segment for unsaved documents. */
export function displayPath(uri: string): string {
  const fsPath = fileSystemPath(uri);
  if (fsPath) return fsPath;
  const withoutQuery = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1)) || 'untitled.py';
}

export function isPyproject(uri: string): boolean {
  return path.posix.basename(uri.replace(/[?#].*$/, '')) === 'pyproject.toml';
}
