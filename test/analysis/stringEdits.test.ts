/**
 * Keystrokes inside a string's text in a large file move the flat records of
 * its statement instead of parsing it again (`DocumentUnits.updateInString`):
 * the tree, its parent links and the findings must be those of a fresh parse
 * and check, and edits that change tokens must take the parse.
 */
import * as assert from 'assert';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES, type Finding } from '@pyreview/shared-rules';
import { DocumentStore } from 'pyreview-server/out/documents';
import { rangeOf } from '../helpers/lspText';
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
   * Opens `source`, settles it, then applies each edit (the first occurrence of
   * `after` + `from`, `from` replaced) with a keystroke lint, comparing the
   * tree and the findings with a fresh parse and check; returns how many
   * keystrokes parsed nothing, and the settled findings.
   */
  function replay(edits: ReadonlyArray<{ after: string; from: string; to: string }>, source = SOURCE): { unparsed: number; findings: Finding[] } {
    const counted = countingParser(parser);
    const store = new DocumentStore(counted.parser);
    const uri = 'file:///strings/sample.py';
    const document = store.open(uri, 1, source);
    let text = source;
    let unparsed = 0;
    try {
      document.lint(settings, undefined, 'settle');
      edits.forEach(({ after, from, to }, index) => {
        const at = text.indexOf(after + from) + after.length;
        assert.ok(at >= after.length, after + from);
        store.change(uri, 2 + index, [{ range: rangeOf(text, at, at + from.length, 'utf-16'), text: to }], 'utf-16');
        text = text.slice(0, at) + to + text.slice(at + from.length);
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

  it('moves the records of a dict key typed into, and of everything after it, without a parse', () => {
    const { unparsed } = replay([
      { after: "'KEY_20", from: '', to: 'x' },
      { after: "'KEY_20x", from: '', to: 'y' },
      { after: "'KEY_2", from: '0', to: '' },
      { after: "'value 3", from: '9', to: 'é中' },
    ]);
    assert.strictEqual(unparsed, 4);
  });

  it('finds what the text typed into a string makes it', () => {
    const { unparsed, findings } = replay([{ after: "'SELEC", from: '', to: 'T' }]);
    assert.strictEqual(unparsed, 1);
    assert.ok(findings.some((finding) => finding.code === 'S608'), 'SQL text built from pieces');
  });

  it('moves where a statement nests too deep, after the string typed into', () => {
    const { unparsed, findings } = replay([{ after: "('dee", from: '', to: 'per' }], TOO_DEEP);
    assert.strictEqual(unparsed, 1);
    const tooDeep = findings.find((finding) => finding.code === 'E999');
    assert.ok(tooDeep && TOO_DEEP.indexOf("('deep'") + 3 < tooDeep.start, 'the nesting error');
  });

  it('reads a string annotation typed into again', () => {
    const { unparsed, findings } = replay([{ after: "'Lis", from: 's', to: '' }]);
    assert.strictEqual(unparsed, 1);
    assert.ok(!findings.some((finding) => finding.message.includes('Lisst')), 'the annotation read again');
  });

  it('parses edits that change tokens: a brace in an f-string, a quote, a backslash, a line break', () => {
    const { unparsed } = replay([
      { after: "f'fmt", from: '', to: '{' },
      { after: "f'fmt{", from: '', to: 'os}' },
      { after: "'KEY_30", from: '', to: "'" },
      { after: "'KEY_30'", from: "'", to: '' },
      { after: "'KEY_31", from: '', to: '\\' },
      { after: "'KEY_32", from: '', to: '\n' },
      { after: "'KEY_32\n", from: '', to: '' },
    ]);
    assert.strictEqual(unparsed, 0);
  });

  it('parses edits at the edges of a string\'s text, or in one holding an escape sequence', () => {
    const { unparsed } = replay([
      // Right after the opening quote: the character before is the quote.
      { after: "'", from: '', to: 'x' },
      { after: "'KEY_40'", from: '', to: ' ' },
      { after: "'es", from: '', to: 'x' },
      // The whole text of a string.
      { after: "documented = '", from: 'text', to: '' },
    ]);
    assert.strictEqual(unparsed, 0);
  });

  it('moves the records when typing at the end of a string\'s text, before its closing quote', () => {
    const { unparsed } = replay([
      { after: "documented = 'text", from: '', to: 's' },
      { after: "documented = 'text", from: 's', to: '' },
    ]);
    assert.strictEqual(unparsed, 2);
  });
});
