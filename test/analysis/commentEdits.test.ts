/**
 * Keystrokes inside a comment in a large file move the flat records around
 * it instead of parsing again (`DocumentUnits.updateInToken`): the tree, its
 * parent links and the findings must be those of a fresh parse and check
 * (`# noqa` comments typed included), and line breaks must take the parse.
 */
import * as assert from 'assert';
import { PythonParser, resolveSettings, RULES } from '@pyreview/shared-rules';
import { replayKeystrokes, typed } from '../helpers/keystrokeReplay';

// Over 100k characters, so that keystroke lints are incremental.
const FILLER = Array.from({ length: 5000 }, (_, i) => `# note ${i}\nvalue_${i} = ${i}\n`).join('');
const SOURCE = [
  'import os\n',
  '# A comment of the module.\n',
  'class Holder:\n',
  '    limit = 1\n',
  '    # A comment of the class body.\n',
  '    def method(self):\n',
  '        # A comment of the method.\n',
  '        return missing_name  # noq\n',
  '\n',
  FILLER,
  'print(os.sep)  # the end\n',
].join('');

describe('keystrokes inside a comment', function () {
  this.timeout(120_000);
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, { select: ['ALL'] });

  it('moves the records of comments at module level, in a class body, in a method and after code, without a parse', () => {
    const { unparsed } = replayKeystrokes(SOURCE, [
      typed('# A comment of the module', '', 'x'),
      typed('# A comment of the class', '', ' 😀'),
      typed('# A comment of the meth', 'od', ''),
      typed('# the end', '', ' é中'),
      typed('# note 1', '2', ''),
    ], settings, parser);
    assert.strictEqual(unparsed, 5);
  });

  it('suppresses what a `# noqa` typed into a comment names, at the keystroke', () => {
    const { unparsed, findings } = replayKeystrokes(SOURCE, [typed('# noq', '', 'a')], settings, parser);
    assert.strictEqual(unparsed, 1);
    assert.ok(!findings.some((finding) => finding.code === 'F821'), 'the undefined name suppressed');
  });

  it("parses edits that break a comment's line, or touch its `#`", () => {
    const { unparsed } = replayKeystrokes(SOURCE, [
      typed('# A comment of the module', '', '\nx = 1  #'),
      typed('# A comment of the class', '', '\r\n    #'),
      typed('', '# note 7', 'note 7'),
    ], settings, parser);
    assert.strictEqual(unparsed, 0);
  });
});
