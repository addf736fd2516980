/** LiteralCounts, updated through random edits, must agree with searching the final text. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { extendDirtyRegion, LiteralCounts, type DirtyRegion } from '@pyreview/shared-rules';

// A two-letter alphabet makes needles appear and disappear with almost every edit.
const NEEDLES = ['ab', 'aba', 'bb', 'b'];
const piece = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 5 });
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: piece });
// How the next text is given: with its change, alone, or alone after the same text (a settling lint).
const given = fc.constantFrom('change', 'text', 'again');

describe('LiteralCounts', () => {
  it('answers like a search of the text after any edits', () => {
    fc.assert(
      fc.property(piece, fc.array(fc.tuple(fc.array(edit, { minLength: 1, maxLength: 3 }), given), { maxLength: 10 }), (initial, bursts) => {
        let text = initial;
        const counts = new LiteralCounts();
        counts.update(text, undefined);
        for (const needle of NEEDLES) assert.strictEqual(counts.includes(needle), text.includes(needle));
        for (const [burst, how] of bursts) {
          const previousText = text;
          let dirty: DirtyRegion | undefined;
          for (const { at, remove, insert } of burst) {
            const start = at % (text.length + 1);
            const end = Math.min(text.length, start + remove);
            text = text.slice(0, start) + insert + text.slice(end);
            dirty = extendDirtyRegion(dirty, { start, oldEnd: end, newEnd: start + insert.length });
          }
          counts.update(text, how === 'change' ? dirty && { previousText, region: dirty } : undefined);
          if (how === 'again') counts.update(text, undefined);
          for (const needle of NEEDLES) assert.strictEqual(counts.includes(needle), text.includes(needle), `${needle} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
