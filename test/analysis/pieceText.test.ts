/** PieceText: a document's text in pieces, read as the string it stands for, and edited without making that string. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { commonEnds, LineIndex, loneCrAsLf, PieceText } from '@pyreview/shared-rules';

/** Lone CRs counted directly. */
function loneCrs(text: string): number {
  return text.match(/\r(?!\n)/g)?.length ?? 0;
}

describe('PieceText', () => {
  // Long enough for several pieces, with line breaks of each kind and surrogate pairs to cut through.
  const chunk = fc.constantFrom('', 'x', '\n', '\r', '\r\n', 'é😀', 'def f():\n    return 1\n', 'a'.repeat(5000), 'b\r'.repeat(3000));
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 9000 }), fc.array(chunk, { maxLength: 3 }).map((parts) => parts.join('')));

  it('reads and edits as the string it stands for, without making that string', () => {
    const offsets = fc.array(fc.integer({ min: -20000, max: 40000 }), { minLength: 2, maxLength: 6 });
    fc.assert(fc.property(fc.array(chunk, { maxLength: 12 }), fc.array(edit, { maxLength: 12 }), offsets, (parts, edits, readAt) => {
      let expected = parts.join('');
      let text = PieceText.of(expected);
      const joins = PieceText.joins;
      for (const [at, length, inserted] of edits) {
        const start = at % (expected.length + 1);
        const end = Math.min(expected.length, start + length);
        text = text.edited(start, end, inserted);
        expected = expected.slice(0, start) + inserted + expected.slice(end);
      }
      assert.strictEqual(text.length, expected.length);
      for (const offset of readAt) {
        assert.strictEqual(text.charCodeAt(offset), expected.charCodeAt(offset));
        assert.strictEqual(text.codePointAt(offset), expected.codePointAt(offset));
      }
      for (let i = 0; i + 1 < readAt.length; i++) assert.strictEqual(text.slice(readAt[i], readAt[i + 1]), expected.slice(readAt[i], readAt[i + 1]));
      for (const needle of ['\n', '\r\n', 'b\rb', '😀', ':\n    r', 'a'.repeat(300), '']) {
        for (const offset of readAt) {
          assert.strictEqual(text.indexOf(needle, offset), expected.indexOf(needle, offset), `indexOf ${JSON.stringify(needle)} ${offset}`);
          assert.strictEqual(text.lastIndexOf(needle, offset), expected.lastIndexOf(needle, offset), `lastIndexOf ${JSON.stringify(needle)} ${offset}`);
        }
        assert.strictEqual(text.lastIndexOf(needle), expected.lastIndexOf(needle));
      }
      assert.strictEqual(text.loneCrs, loneCrs(expected));
      assert.strictEqual(PieceText.joins, joins, 'no whole string made');
      assert.strictEqual(text.toString(), expected);
    }), { numRuns: 200 });
  });

  it('finds where two versions differ from the pieces they share, as from their strings', () => {
    fc.assert(fc.property(fc.array(chunk, { maxLength: 12 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (parts, edits) => {
      const before = PieceText.of(parts.join('')).edited(0, 0, '');
      let after = before;
      for (const [at, length, inserted] of edits) {
        const start = at % (after.length + 1);
        after = after.edited(start, Math.min(after.length, start + length), inserted);
      }
      const joins = PieceText.joins;
      const found = commonEnds(before, after);
      assert.strictEqual(PieceText.joins, joins, 'no whole string made');
      assert.deepStrictEqual(found, commonEnds(before.toString(), after.toString()));
      // The longest: one character more on either side would differ or overlap.
      const [a, b] = [before.toString(), after.toString()];
      assert.ok(found.prefix + found.suffix <= Math.min(a.length, b.length));
      assert.strictEqual(a.slice(0, found.prefix), b.slice(0, found.prefix));
      assert.strictEqual(a.slice(a.length - found.suffix), b.slice(b.length - found.suffix));
      if (found.prefix + found.suffix < Math.min(a.length, b.length)) {
        assert.notStrictEqual(a[found.prefix], b[found.prefix]);
        assert.notStrictEqual(a[a.length - found.suffix - 1], b[b.length - found.suffix - 1]);
      }
    }), { numRuns: 200 });
  });

  it('is what line indexes and the lone-CR mapping read in place of the string', () => {
    const text = PieceText.of('x = 1\r\n'.repeat(3000)).edited(10, 10, 'y\rz');
    const whole = text.toString();
    assert.deepStrictEqual(new LineIndex(text).position(20_000), new LineIndex(whole).position(20_000));
    assert.strictEqual(loneCrAsLf(text), loneCrAsLf(whole));
    const withoutLoneCr = PieceText.of('x = 1\r\n'.repeat(3000));
    assert.strictEqual(loneCrAsLf(withoutLoneCr), withoutLoneCr, 'the same pieces when there is nothing to map');
  });
});
