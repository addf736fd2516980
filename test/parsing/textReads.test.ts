import * as assert from 'assert';
import { PythonParser, type TextReader } from '@pyreview/shared-rules';

/** A text that records how long each window the parser asks for is. */
function recordingReader(text: string, windows: number[]): TextReader {
  return {
    length: text.length,
    charCodeAt: (offset) => text.charCodeAt(offset),
    codePointAt: (offset) => text.codePointAt(offset),
    slice: (start, end) => {
      windows.push((end ?? text.length) - (start ?? 0));
      return text.slice(start, end);
    },
    indexOf: (search, position) => text.indexOf(search, position),
    lastIndexOf: (search, position) => text.lastIndexOf(search, position),
    toString: () => text,
  };
}

describe('the parser reading text', () => {
  it('reads an incremental parse in small windows after a full parse made its buffer large', () => {
    const parser = new PythonParser();
    const before = Array.from({ length: 4000 }, (_, i) => `value_${i} = ${i}\n`).join('');
    const full = parser.parse(before);
    const at = before.indexOf('value_2000');
    const after = `${before.slice(0, at)}x${before.slice(at)}`;
    full.edit({ start: at, oldEnd: at, newEnd: at + 1, startPoint: { row: 2000, column: 0 }, oldEndPoint: { row: 2000, column: 0 }, newEndPoint: { row: 2000, column: 1 } });
    const windows: number[] = [];
    const next = parser.parse(recordingReader(after, windows), full);
    try {
      assert.ok(windows.length > 0, 'the incremental parse read no text');
      // Each window is a chunk and the character after it; a full parse's chunk is far larger than the whole text here.
      const largest = Math.max(...windows);
      assert.ok(largest <= 513, `an incremental parse read a window of ${largest} characters`);
    } finally {
      next.delete();
      full.delete();
    }
  });
});
