/**
 * Keystrokes inside a name in a large file move the flat records of its
 * statement, and of the classes around it, instead of parsing it again
 * (`DocumentUnits.updateInToken`): the tree, its parent links and the
 * findings must be those of a fresh parse and check, and edits that change
 * tokens (a keyword made or unmade, other characters) must take the parse.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { PythonParser, resolveSettings, RULES } from '@pyreview/shared-rules';
import { parserModule } from '@pyreview/shared-rules/out/parsing/parserModule';
import { KEYWORDS } from '@pyreview/shared-rules/out/syntax/tokenEdits';
import { replayKeystrokes, typed, type Edit } from '../helpers/keystrokeReplay';
import { snap } from '../helpers/lspText';

// Over 100k characters, so that keystroke lints are incremental.
const FILLER = Array.from({ length: 3000 }, (_, i) => `    def method_${i}(self, value):\n        return value + ${i}\n\n`).join('');
const SOURCE = [
  'import os\n',
  'from typing import List\n',
  'LIMIT = 10\n',
  'classy = 1\n',
  'matches = 2\n',
  '\n\nclass Outer:\n',
  '    """Holds a class of its own."""\n\n',
  '    class Inner(object):\n',
  '        def compute(self, items: List[int]) -> int:\n',
  '            total = 0\n',
  '            for item in items:\n',
  '                total += item * LIMIT\n',
  '            return total\n\n',
  '        @staticmethod\n',
  '        def helper(path):\n',
  '            return os.path.join(path, "x"); tail = 1\n\n',
  FILLER,
  'def after(count):\n    return count\n',
].join('');

/** How many of the random keystrokes, at least, must take no parse (the seed is fixed). */
const UNPARSED_AT_LEAST = 5;

describe('keystrokes inside a name', function () {
  this.timeout(120_000);
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, { select: ['ALL'] });
  const replay = (edits: readonly Edit[], source = SOURCE) => replayKeystrokes(source, edits, settings, parser);

  it('knows every word the grammar reads as a keyword', () => {
    const { exports } = parserModule();
    const words: string[] = [];
    for (let symbol = 0; symbol < exports.symbol_count(); symbol++) {
      const name = parserModule().cString(exports.symbol_name(symbol));
      // 1: an anonymous symbol (TSSymbolTypeAnonymous).
      if (exports.symbol_kind(symbol) === 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) words.push(name);
    }
    assert.ok(words.includes('lambda') && words.includes('match'), words.join(' '));
    assert.deepStrictEqual(words.filter((word) => !KEYWORDS.has(word)), []);
  });

  it('moves the records of a method of a nested class, and of the classes around it, without a parse', () => {
    const { unparsed, findings } = replay([
      typed('            tota', 'l', 'lX'),
      typed('            totalX', '', 'y'),
      typed('            return tota', 'l', 'lXy'),
      typed('            return totalX', 'y', ''),
    ]);
    assert.strictEqual(unparsed, 4);
    assert.ok(findings.some((finding) => finding.code === 'N806' && finding.message.includes('totalXy')), 'the new name checked');
    assert.ok(findings.some((finding) => finding.code === 'F821' && finding.message.includes("'totalX'")), 'the name read now undefined');
  });

  it('moves the records when typing into an import, a decorator, a module-level name and a parameter', () => {
    const { unparsed, findings } = replay([
      typed('from typing import List', '', 'x'),
      typed('@staticmetho', 'd', 'dd'),
      typed('LIMI', 'T', 'TS'),
      typed('def after(coun', 't', 'ts'),
      typed('def method_2999(self, valu', 'e', 'es'),
    ]);
    assert.strictEqual(unparsed, 5);
    assert.ok(findings.some((finding) => finding.code === 'F821' && finding.message.includes("'LIMIT'")), 'LIMIT now undefined');
    assert.ok(findings.some((finding) => finding.code === 'ARG001' && finding.message.includes('counts')), 'the parameter unused');
  });

  it('moves the names after the edit on the same line', () => {
    const { unparsed } = replay([typed('os.pat', 'h', 'hs')]);
    assert.strictEqual(unparsed, 1);
  });

  it('parses edits that make or unmake a keyword, or add other characters', () => {
    const { unparsed } = replay([
      typed('class', 'y', ''),
      typed('class', '', 'y'),
      typed('match', 'es', ''),
      typed('match', '', 'es'),
      typed('            for item in items', '', '.x'),
      typed('            for item in items', '.x', ''),
      typed('LIMIT', '', ' '),
      typed('LIMIT', ' ', ''),
    ]);
    assert.strictEqual(unparsed, 0);
  });

  it('parses edits in a class header, which the keys of its statements hold', () => {
    const { unparsed } = replay([typed('class Inne', 'r', 'rs'), typed('class Inners(objec', 't', 'ts')]);
    assert.strictEqual(unparsed, 0);
  });

  it('gives a fresh parse\'s tree and findings after random edits in and around names', () => {
    const fragments = ['x', 'x', 'x', 'Y', '_', '1', 's', 'if', 'é', ' ', '', '('];
    const first = SOURCE.indexOf('    class Inner');
    const edit = fc.record({ offset: fc.nat({ max: 420 }), removed: fc.nat({ max: 1 }), insert: fc.constantFrom(...fragments) });
    let unparsed = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        unparsed += replay(edits.map(({ offset, removed, insert }) => (text) => {
          const start = snap(text, first + offset);
          return { start, end: snap(text, start + removed), to: insert };
        })).unparsed;
      }),
      { numRuns: 20, seed: 11 },
    );
    assert.ok(unparsed >= UNPARSED_AT_LEAST, `${unparsed} keystrokes without a parse`);
  });
});
