/** LiteralCounts, updated through random edits, must agree with searching the final text. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { extendDirtyRegion, LiteralCounts, type DirtyRegion } from '@pyreview/shared-rules';

// A two-letter alphabet makes needles appear and disappear with almost every edit.
const NEEDLES = ['ab', 'aba', 'bb', 'b'];
const piece = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 5 });
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: piece });

describe('LiteralCounts', () => {
  it('answers like a search of the text after any edits', () => {
    fc.assert(
      fc.property(piece, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 10 }), (initial, bursts) => {
        let text = initial;
        const counts = new LiteralCounts();
        counts.update(text, undefined);
        for (const needle of NEEDLES) assert.strictEqual(counts.includes(needle), text.includes(needle));
        for (const burst of bursts) {
          const previousText = text;
          let dirty: DirtyRegion | undefined;
          for (const { at, remove, insert } of burst) {
            const start = at % (text.length + 1);
            const end = Math.min(text.length, start + remove);
            text = text.slice(0, start) + insert + text.slice(end);
            dirty = extendDirtyRegion(dirty, { start, oldEnd: end, newEnd: start + insert.length });
          }
          counts.update(text, dirty && { previousText, region: dirty });
          for (const needle of NEEDLES) assert.strictEqual(counts.includes(needle), text.includes(needle), `${needle} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
