import * as fs from 'fs';
import type { Output } from './cliIo';

/** UTF-16 units encoded per write; their UTF-8 takes at most three bytes each, so one buffer of three times as many bytes holds any slice. */
const SLICE_UNITS = 1 << 16;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Writes `text` as UTF-8 to an open file, a slice at a time through one small
 * buffer: a report of megabytes is never copied whole into a buffer of its
 * own, whose fresh pages cost more than encoding it.
 */
export function writeTextToFile(descriptor: number, text: string): void {
  const buffer = Buffer.allocUnsafe(3 * SLICE_UNITS);
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE_UNITS, text.length);
    // A surrogate pair split between two slices would be encoded as two replacement characters.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    writeBytes(descriptor, buffer.subarray(0, buffer.write(text.slice(start, end))));
    start = end;
  }
}

function writeBytes(descriptor: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;) written += fs.writeSync(descriptor, bytes, written, bytes.length - written);
}

/** Pieces per `writev`: IOV_MAX on Linux and macOS. */
const PIECES_PER_WRITE = 1024;

/** Writes pieces of bytes to an open file, many per system call. */
function writePieces(descriptor: number, pieces: readonly Uint8Array[]): void {
  for (let start = 0; start < pieces.length; start += PIECES_PER_WRITE) {
    const batch = pieces.slice(start, start + PIECES_PER_WRITE);
    let written = fs.writevSync(descriptor, batch);
    // A short write (a full disk, a signal) leaves the rest of the batch, from within the piece it stopped in.
    for (const piece of batch) {
      if (written < piece.length) writeBytes(descriptor, piece.subarray(written));
      written = Math.max(0, written - piece.length);
    }
  }
}

/** Writes output to an open file. */
export function writeToFile(descriptor: number, output: Output): void {
  if (typeof output === 'string') writeTextToFile(descriptor, output);
  else writePieces(descriptor, output);
}

/** Whether standard output is a regular file, which process.stdout also writes synchronously. */
function stdoutIsFile(): boolean {
  try {
    return fs.fstatSync(1).isFile();
  } catch {
    return false;
  }
}

/**
 * The process's standard output: a regular file is written directly
 * (writeTextToFile); a pipe or a terminal, through process.stdout, which
 * knows when it may not be written synchronously. Failures are ignored, as
 * process.stdout's are (see run()).
 */
export function stdoutWriter(): (output: Output) => void {
  if (!stdoutIsFile()) {
    return (output) => {
      if (typeof output === 'string') process.stdout.write(output);
      else for (const piece of output) process.stdout.write(piece);
    };
  }
  return (output) => {
    try {
      writeToFile(1, output);
    } catch {
      // A full disk ends the output, quietly, as a closed pipe does.
    }
  };
}
