/**
 * Keystrokes inside a string's text in a large file move the flat records of
 * its statement instead of parsing it again (`DocumentUnits.updateInToken`):
 * the tree, its parent links and the findings must be those of a fresh parse
 * and check, and edits that change tokens must take the parse.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { PythonParser, resolveSettings, RULES } from '@pyreview/shared-rules';
import { replayKeystrokes, typed, type Edit } from '../helpers/keystrokeReplay';
import { snap } from '../helpers/lspText';

// Over 100k characters, so that keystroke lints are incremental.
const FILLER = Array.from({ length: 4000 }, (_, i) => `    'KEY_${i}': 'value ${i}',\n`).join('');
const SOURCE = [
  'import os\n',
  'from typing import List\n',
  "settings = {\n    'alpha': 1,\n    'alphab': 2,\n    f'fmt{os.sep}': 3,\n    'esc\\n': 4,\n" + FILLER + '}\n',
  "def annotated() -> None:\n    value: 'Lisst[int]' = []\n    print(value)\n",
  "documented = 'text'\n",
  "connection.execute('SELEC * FROM t WHERE id = ' + os.sep)\n",
  'def after():\n    import sys\n',
].join('');
/** With a statement nesting deeper than Python accepts, which makes that syntax error the only finding. */
const TOO_DEEP = `${SOURCE}nested = ('deep', ${'-'.repeat(3001)}1)\n`;

describe('keystrokes inside a string of a large statement', function () {
  this.timeout(120_000);
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, { select: ['ALL'] });

  const replay = (edits: readonly Edit[], source = SOURCE) => replayKeystrokes(source, edits, settings, parser);

  it('gives a fresh parse\'s tree and findings after random edits in and around strings', () => {
    const fragments = ['x', 'x', 'x', 'x', 'ab', 'é', ' ', ' ', '', '😀', "'", '"', '\\', '{', '}', '\n'];
    // On a line of the dict's first keys, from its key's opening quote to its value's closing one (as the lines were).
    const edit = fc.record({ line: fc.nat({ max: 19 }), offset: fc.nat({ max: 21 }), removed: fc.nat({ max: 2 }), insert: fc.constantFrom(...fragments) });
    let unparsed = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        unparsed += replay(edits.map(({ line, offset, removed, insert }) => (text) => {
          let lineStart = text.indexOf('settings = {');
          for (let i = 0; i < 5 + line; i++) lineStart = text.indexOf('\n', lineStart) + 1;
          const start = snap(text, lineStart + 4 + offset);
          return { start, end: snap(text, start + removed), to: insert };
        })).unparsed;
      }),
      { numRuns: 25, seed: 7 },
    );
    assert.ok(unparsed >= 10, `${unparsed} keystrokes without a parse`);
  });

  it('moves the records of a dict key typed into, and of everything after it, without a parse', () => {
    const { unparsed } = replay([
      typed("'KEY_20", '', 'x'),
      typed("'KEY_20x", '', 'y'),
      typed("'KEY_2", '0', ''),
      typed("'value 3", '9', 'é中'),
    ]);
    assert.strictEqual(unparsed, 4);
  });

  it('finds what the text typed into a string makes it', () => {
    const { unparsed, findings } = replay([typed("'SELEC", '', 'T')]);
    assert.strictEqual(unparsed, 1);
    assert.ok(findings.some((finding) => finding.code === 'S608'), 'SQL text built from pieces');
  });

  it('moves where a statement nests too deep, after the string typed into', () => {
    const { unparsed, findings } = replay([typed("('dee", '', 'per')], TOO_DEEP);
    assert.strictEqual(unparsed, 1);
    const tooDeep = findings.find((finding) => finding.code === 'E999');
    assert.ok(tooDeep && TOO_DEEP.indexOf("('deep'") + 3 < tooDeep.start, 'the nesting error');
  });

  it('reads a string annotation typed into again', () => {
    const { unparsed, findings } = replay([typed("'Lis", 's', '')]);
    assert.strictEqual(unparsed, 1);
    assert.ok(!findings.some((finding) => finding.message.includes('Lisst')), 'the annotation read again');
  });

  it('parses edits that change tokens: a brace in an f-string, a quote, a backslash, a line break', () => {
    const { unparsed } = replay([
      typed("f'fmt", '', '{'),
      typed("f'fmt{", '', 'os}'),
      typed("'KEY_30", '', "'"),
      typed("'KEY_30'", "'", ''),
      typed("'KEY_31", '', '\\'),
      typed("'KEY_32", '', '\n'),
      typed("'KEY_32\n", '', ''),
    ]);
    assert.strictEqual(unparsed, 0);
  });

  it('parses edits at the edges of a string\'s text, or in one holding an escape sequence', () => {
    const { unparsed } = replay([
      // Right after the opening quote: the character before is the quote.
      typed("'", '', 'x'),
      typed("'KEY_40'", '', ' '),
      typed("'es", '', 'x'),
      // The whole text of a string.
      typed("documented = '", 'text', ''),
    ]);
    assert.strictEqual(unparsed, 0);
  });

  it('moves the records when typing at the end of a string\'s text, before its closing quote', () => {
    const { unparsed } = replay([
      typed("documented = 'text", '', 's'),
      typed("documented = 'text", 's', ''),
    ]);
    assert.strictEqual(unparsed, 2);
  });
});
