import * as fs from 'fs';

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
    const length = buffer.write(text.slice(start, end));
    for (let written = 0; written < length;) written += fs.writeSync(descriptor, buffer, written, length - written);
    start = end;
  }
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
export function stdoutWriter(): (text: string) => void {
  if (!stdoutIsFile()) return (text) => process.stdout.write(text);
  return (text) => {
    try {
      writeTextToFile(1, text);
    } catch {
      // A full disk ends the output, quietly, as a closed pipe does.
    }
  };
}
