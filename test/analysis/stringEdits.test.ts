/**
 * Keystrokes inside a string's text in a large file move the flat records of
 * its statement instead of parsing it again (`DocumentUnits.updateInString`):
 * the tree, its parent links and the findings must be those of a fresh parse
 * and check, and edits that change tokens must take the parse.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES, type Finding } from '@pyreview/shared-rules';
import { DocumentStore } from 'pyreview-server/out/documents';
import { rangeOf, snap } from '../helpers/lspText';
import { describeTree, wrongParents } from '../helpers/syntaxDump';

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

/** An edit of the text as it is then: `[start, end)` replaced by `to`. */
type Edit = (text: string) => { start: number; end: number; to: string };

/** At the first occurrence of `after` + `from`, `from` replaced by `to`. */
function typed(after: string, from: string, to: string): Edit {
  return (text) => {
    const start = text.indexOf(after + from) + after.length;
    assert.ok(start >= after.length, after + from);
    return { start, end: start + from.length, to };
  };
}

function comparable(findings: readonly Finding[]) {
  return findings.map(({ code, message, start, end, fix }) => ({ code, message, start, end, fix }));
}

/** A parser counting its parses. */
function countingParser(parser: PythonParser): { parser: PythonParser; parses: () => number } {
  let parses = 0;
  const counting = Object.create(parser) as PythonParser;
  counting.parse = (text, old, range) => {
    parses++;
    return parser.parse(text, old, range);
  };
  return { parser: counting, parses: () => parses };
}

describe('keystrokes inside a string of a large statement', function () {
  this.timeout(120_000);
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, { select: ['ALL'] });

  /**
   * Opens `source`, settles it, then applies each edit with a keystroke lint,
   * comparing the tree and the node rules' findings with a fresh parse and
   * check (when that has no syntax error); returns how many keystrokes parsed
   * nothing, and the settled findings, compared with a fresh check's.
   */
  function replay(edits: readonly Edit[], source = SOURCE): { unparsed: number; findings: Finding[] } {
    const counted = countingParser(parser);
    const store = new DocumentStore(counted.parser);
    const uri = 'file:///strings/sample.py';
    const document = store.open(uri, 1, source);
    let text = source;
    let unparsed = 0;
    try {
      document.lint(settings, undefined, 'settle');
      edits.forEach((edit, index) => {
        const { start, end, to } = edit(text);
        store.change(uri, 2 + index, [{ range: rangeOf(text, start, end, 'utf-16'), text: to }], 'utf-16');
        text = text.slice(0, start) + to + text.slice(end);
        const parses = counted.parses();
        const keystroke = document.lint(settings, undefined, 'keystroke')!;
        if (counted.parses() === parses) unparsed++;
        const fresh = parseUnits(parser, text);
        const tree = document.syntax(false)!;
        if (!fresh.tree.hasError(fresh.tree.root)) {
          assert.deepStrictEqual(describeTree(tree), describeTree(fresh.tree), `tree after edit ${index + 1}`);
          assert.deepStrictEqual(wrongParents(tree), [], `parents after edit ${index + 1}`);
          const complete = new Linter(RULES).lint({ units: fresh, text, filePath: document.filePath, settings, partialParse: true, fileRules: 'carry' });
          const nodeRules = (findings: readonly Finding[]) => comparable(findings).filter((finding) => RULES.find((rule) => rule.meta.code === finding.code)?.kind === 'node');
          assert.deepStrictEqual(nodeRules(keystroke.result.findings), nodeRules(complete.findings), `findings after edit ${index + 1}`);
        }
      });
      const settled = document.lint(settings, undefined, 'settle')!;
      const fresh = parseUnits(parser, text);
      assert.deepStrictEqual(describeTree(document.syntax()!), describeTree(fresh.tree));
      const complete = new Linter(RULES).lint({ units: fresh, text, filePath: document.filePath, settings, renameFixes: 'on-request' });
      assert.deepStrictEqual(comparable(settled.result.findings), comparable(complete.findings));
      return { unparsed, findings: settled.result.findings };
    } finally {
      store.dispose();
    }
  }

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
