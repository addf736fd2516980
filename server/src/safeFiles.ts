import { randomBytes } from 'crypto';
import * as fs from 'fs';

/**
 * Cache files live in directories a repository may have planted (a checked-in
 * `.pyreview_cache`, a link in it), and a repository comes from whoever wrote
 * it: nothing here writes or reads through a symbolic link.
 */

/** Why a cache directory must not be used, or undefined when it may (or does not exist yet). */
export function untrustedDirectory(directory: string): string | undefined {
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : `cannot be read: ${(error as Error).message}`;
  }
  if (stats.isSymbolicLink()) return 'is a symbolic link';
  if (!stats.isDirectory()) return 'is not a directory';
  if (process.getuid && stats.uid !== process.getuid()) return 'belongs to another user';
  return undefined;
}

/** Creates a cache directory; why it cannot be used, if it cannot. */
export function makeOwnDirectory(directory: string): string | undefined {
  const before = untrustedDirectory(directory);
  if (before) return before;
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    return `cannot be created: ${(error as Error).message}`;
  }
  // What another process may have put there meanwhile.
  return untrustedDirectory(directory);
}

/** A regular file's bytes, not read through a link nor from a device or pipe; undefined when there is none. */
export function readOwnFile(file: string): Buffer | undefined {
  let descriptor: number;
  try {
    // Non-blocking: opening a planted pipe must not wait for a writer.
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    return fs.fstatSync(descriptor).isFile() ? fs.readFileSync(descriptor) : undefined;
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * Replaces `file` with `data`: written to a fresh name that is created
 * exclusively (which fails on any existing entry, a link included), then
 * renamed over `file` (a rename replaces a link, never what it points to).
 * A process reading meanwhile sees the old file or the new one, never half.
 */
export function replaceFile(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { flag: 'wx' });
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Creates `file` with `data` unless an entry of that name (a link included) exists. */
export function createFileOnce(file: string, data: string): void {
  try {
    fs.writeFileSync(file, data, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
