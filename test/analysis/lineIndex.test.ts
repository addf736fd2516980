/** LineIndex: the one place where offsets become line/column in each unit, and its incremental update. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { LineIndex } from '@pyreview/shared-rules';

describe('LineIndex', () => {
  // é: 1 UTF-16 unit, 2 bytes; 😀: 2 units, 4 bytes, 1 code point; 中: 1 unit, 3 bytes.
  const text = 'x = "é😀中"  # ok\r\nsecond\rthird\n';

  it('converts columns to UTF-16 units, UTF-8 bytes and code points', () => {
    const afterCjk = text.indexOf('中') + 1;
    assert.deepStrictEqual(new LineIndex(text).position(afterCjk, 'utf-16'), { line: 0, character: 9 });
    assert.deepStrictEqual(new LineIndex(text).position(afterCjk, 'utf-8'), { line: 0, character: 14 });
    assert.deepStrictEqual(new LineIndex(text).position(afterCjk, 'utf-32'), { line: 0, character: 8 });
  });

  it('tells a position of each offset from the others in each unit, as `position` gives it', () => {
    const lines = new LineIndex(text);
    for (const unit of ['utf-16', 'utf-8', 'utf-32'] as const) {
      const positions = Array.from({ length: text.length + 1 }, (_, offset) => lines.position(offset, unit));
      for (let offset = -1; offset <= text.length + 1; offset++) {
        for (const position of positions) {
          const expected = offset >= 0 && offset <= text.length && JSON.stringify(positions[offset]) === JSON.stringify(position);
          assert.strictEqual(lines.isPosition(offset, position, unit), expected, `${unit} offset ${offset} at ${JSON.stringify(position)}`);
        }
      }
    }
  });

  it('maps positions back to offsets in each unit, snapping inside a character to its start', () => {
    const lines = new LineIndex(text);
    const emoji = text.indexOf('😀');
    assert.strictEqual(lines.offset({ line: 0, character: 6 }, 'utf-16'), emoji);
    assert.strictEqual(lines.offset({ line: 0, character: 7 }, 'utf-8'), emoji);
    assert.strictEqual(lines.offset({ line: 0, character: 9 }, 'utf-8'), emoji, 'byte 9 is inside the emoji');
    assert.strictEqual(lines.offset({ line: 0, character: 11 }, 'utf-8'), emoji + 2);
    assert.strictEqual(lines.offset({ line: 0, character: 7 }, 'utf-32'), emoji + 2);
  });

  it('counts CRLF, lone CR and LF as line breaks and clamps out-of-range positions', () => {
    const lines = new LineIndex(text);
    assert.strictEqual(lines.lineCount, 4);
    assert.strictEqual(lines.lineText(1), 'second');
    assert.strictEqual(lines.lineText(2), 'third');
    assert.strictEqual(lines.offset({ line: 99, character: 0 }), text.length);
    assert.strictEqual(lines.offset({ line: 1, character: 99 }), text.indexOf('second') + 'second'.length);
  });

  it('updated after an edit equals one built from scratch', () => {
    const piece = fc.constantFrom('', 'x', '\n', 'é\n😀', '中\n\n', 'ab', '\r', '\r\n', 'a\rb', '\n\r');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), piece), { maxLength: 20 }), (parts, edits) => {
      let current = parts.join('');
      let lines = new LineIndex(current);
      for (const [at, length, inserted] of edits) {
        const start = at % (current.length + 1);
        const end = Math.min(current.length, start + length);
        const next = current.slice(0, start) + inserted + current.slice(end);
        lines = lines.edited(next, start, end, inserted);
        current = next;
        const fresh = new LineIndex(current);
        assert.strictEqual(lines.lineCount, fresh.lineCount);
        for (let offset = 0; offset <= current.length; offset++) assert.deepStrictEqual(lines.position(offset), fresh.position(offset));
      }
    }), { numRuns: 1000 });
  });
});
