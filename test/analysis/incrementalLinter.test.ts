/**
 * The Linter's incremental path (units reused around a dirty region, findings
 * shifted from the cache) must give exactly what a fresh lint of the final
 * text gives, whatever the edits.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES } from '@pyreview/shared-rules';
import { settlingLinter } from '../helpers/checker';
import { EditedText } from '../helpers/editedText';
import { describeTree } from '../helpers/syntaxDump';

const SOURCE = `"""Module."""
import os


class Store:
    """A store."""

    def get(self, key):
        try:
            return self.items[key]
        except:
            return None

    def put(self, key, value):  # noqa: E722
        self.items[key] = value


def main():
    text = """multi
    line"""
    try:
        pass
    except:
        pass
`;

const SNIPPETS = [
  'x', ' ', '\n', '(', ')', ':', "'", '"""', '\t', 'é😀中', 'except:\n', '    ', 'class A:\n    def f(self):\n        pass\n', '# noqa', '\\\n',
  '# noqa: E722', '# flake8: noqa: F401', 'Column(', 'import pickle\n', 'pickle.loads(x)\n',
];

const NODE_CODES = new Set(RULES.filter((rule) => rule.kind === 'node').map((rule) => rule.meta.code));

const editArbitrary = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 6 }),
  insert: fc.constantFrom(...SNIPPETS),
});

/** A burst of edits, linted as a large document's keystroke (file rules carried) or a small one's (everything runs). */
const burstArbitrary = fc.record({
  edits: fc.array(editArbitrary, { minLength: 1, maxLength: 3 }),
  fileRules: fc.constantFrom<'carry' | 'run'>('carry', 'run'),
});

/**
 * Lints each burst of edits on the keystroke path, then settled, and compares
 * both with a lint of the same text read afresh.
 */
function lintsLikeFresh(
  parser: PythonParser,
  bursts: ReadonlyArray<{ edits: ReadonlyArray<{ at: number; remove: number; insert: string }>; fileRules: 'carry' | 'run' }>,
  source = SOURCE,
): void {
  const settings = resolveSettings(RULES, { select: ['ALL'] });
  const document = new EditedText(parser, source);
  const { units } = document;
  const linter = new Linter(RULES);
  linter.lint({ units, text: document.text, filePath: 'a.py', settings });
  try {
    for (const burst of bursts) {
      for (const { at, remove, insert } of burst.edits) {
        const start = at % (document.text.length + 1);
        document.edit(start, Math.min(document.text.length, start + remove), insert);
      }
      const dirty = document.reparse();
      const { text } = document;
      // Keystroke path: the same as a full lint of this very parse; carried file rules aside.
      const incremental = linter.lint({ units, text, filePath: 'a.py', settings, dirty, fileRules: burst.fileRules });
      const full = new Linter(RULES).lint({ units: document.freshUnits(), text, filePath: 'a.py', settings });
      // While carrying, rename fixes wait for the semantic model of the next complete lint.
      const compared = (findings: typeof full.findings) => burst.fileRules === 'run'
        ? findings
        : findings.filter((f) => NODE_CODES.has(f.code)).map(({ fix: _waits, ...finding }) => finding);
      assert.deepStrictEqual(incremental.noqa, full.noqa);
      assert.deepStrictEqual(compared(incremental.findings), compared(full.findings));
      assert.strictEqual(incremental.totalUnits, full.totalUnits);
      for (const f of incremental.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end);
      // Pause path: tree-sitter's recovery from errors may differ between incremental and fresh
      // parses, so an erroneous tree is parsed again from scratch; then everything is recomputed.
      document.settle();
      const settled = linter.lint({ units, text, filePath: 'a.py', settings });
      const fresh = parseUnits(parser, text);
      assert.deepStrictEqual(describeTree(units.tree), describeTree(fresh.tree));
      const freshLint = new Linter(RULES).lint({ units: fresh, text, filePath: 'a.py', settings });
      assert.deepStrictEqual(settled.findings, freshLint.findings);
    }
  } finally {
    document.delete();
  }
}

describe('incremental linting', () => {
  const parser = new PythonParser();

  it('plans a rename fix on request with a model of the tree it linted, built again, and no other', () => {
    const settings = resolveSettings(RULES, { select: ['N806'] });
    const text = 'def area(width):\n    Total = width * 2\n    return Total\n';
    const units = parseUnits(parser, text);
    const linter = new Linter(RULES);
    const [finding] = linter.lint({ units, text, filePath: 'a.py', settings, renameFixes: 'on-request' }).findings;
    const [planned] = new Linter(RULES).lint({ units: parseUnits(parser, text), text, filePath: 'a.py', settings }).findings;
    assert.ok(planned.fix && finding.rename);
    // The lint's model was released: the fix comes from one built again of the same tree, twice alike.
    assert.deepStrictEqual(linter.renameFix(finding.rename, text), planned.fix);
    assert.deepStrictEqual(linter.renameFix(finding.rename, text), planned.fix);
    // The units updated since (the same text parsed again): no fix from a model of another tree.
    const parse = parser.parse(text);
    try {
      units.update(parse, text);
    } finally {
      parse.delete();
    }
    assert.strictEqual(linter.hasModelFor(text), false);
    assert.strictEqual(linter.renameFix(finding.rename, text), undefined);
  });

  it('runs the file rules when asked to carry them without an edit to carry them through', () => {
    const settings = resolveSettings(RULES, {});
    const text = 'import os\n\n\ndef f():\n    return 1\n';
    const units = parseUnits(parser, text);
    const linter = new Linter(RULES);
    const first = linter.lint({ units, text, filePath: 'a.py', settings });
    assert.ok(first.findings.some((f) => f.code === 'F401'), 'F401 (a file rule needing the semantic model) reports the import');
    // The same text again, as after a settings change: nothing moved, so nothing can be carried.
    const again = linter.lint({ units, text, filePath: 'a.py', settings, fileRules: 'carry' });
    assert.deepStrictEqual(again.findings, first.findings);
    assert.strictEqual(again.fileRulesCarried, false);
  });

  it("does not keep a statement's findings when its unchanged text now parses with errors (found by npm run fuzz)", () => {
    const settings = resolveSettings(RULES, { select: ['C901'] });
    // A `try` of complexity 11, after lines an edit breaks further: its text stays, its parse gets an error.
    const before = [
      '    if isinstance(path, bytes):',
      "        sep = b'\\\\'",
      '    else:',
      "        sep = '\\\\'",
      "  xf\"      seps = '\\\\/'",
      "        colon = ':'",
      '    try:',
      '        if not paths:',
      '        for p in map(os.fspath, paths):',
      '            if p_path and p_path[0] in seps:',
      '                if p_drive or not result_drive:',
      '            elif p_drive and p_drive != result_drive:',
      '                if p_drive.lower() != result_drive.lower():',
      '            if result_path and result_path[-1] not in seps:',
      '        if (result_path and result_path[0] not in seps and',
      '            result_drive and result_drive[-1:] != colon):',
      '    except (TypeError, AttributeError, BytesWarning):',
      '',
    ].join('\n');
    const at = before.indexOf(' = b');
    const after = `${before.slice(0, at)},except:\n    ${before.slice(at)}`;
    // Settling lints a text parsed afresh with no dirty region: units are matched to the previous ones by their text.
    const lintParsed = settlingLinter(settings, 'a.py');
    assert.deepStrictEqual(lintParsed(before).findings.map((f) => f.message), ['`try` statement is too complex (11 > 10)']);
    const relinted = lintParsed(after);
    const fresh = new Linter(RULES).lint({ units: parseUnits(parser, after), text: after, filePath: 'a.py', settings });
    assert.deepStrictEqual(relinted.findings, fresh.findings);
  });

  it('reads every statement again when error recovery makes an empty ERROR outside the changed ranges (found by the property below)', () => {
    // The last burst's parse has an empty ERROR after `def main():` that tree-sitter's changed ranges do not report.
    lintsLikeFresh(parser, [
      { edits: [{ at: 794948808, remove: 3, insert: 'x' }, { at: 39883280, remove: 2, insert: 'x' }], fileRules: 'carry' },
      { edits: [{ at: 0, remove: 2, insert: 'é😀中' }], fileRules: 'carry' },
      { edits: [{ at: 919731042, remove: 5, insert: 'except:\n' }, { at: 1510652804, remove: 4, insert: 'é😀中' }], fileRules: 'carry' },
      { edits: [{ at: 1048266859, remove: 2, insert: '(' }], fileRules: 'carry' },
      { edits: [{ at: 215211446, remove: 6, insert: 'é😀中' }], fileRules: 'carry' },
      { edits: [{ at: 755447483, remove: 3, insert: '\\\n' }], fileRules: 'carry' },
      { edits: [{ at: 545214764, remove: 1, insert: '\n' }, { at: 1352167448, remove: 2, insert: '# noqa' }], fileRules: 'run' },
    ]);
  });

  it('copies a kept statement with a syntax error again whole, not the ERROR of the same extent inside it (found by the property below)', () => {
    // `$` parses as an ERROR wrapped in an ERROR of the same extent, the statement; an edit before it
    // keeps it, and a kept statement with an error is copied again from the new parse.
    lintsLikeFresh(parser, [{ edits: [{ at: 0, remove: 0, insert: 'x' }], fileRules: 'run' }], 'a = 1\n$\n');
  });

  it('matches a fresh lint after random edits in a module of several chunks of units, its imports too', async function () {
    this.timeout(600_000);
    // Findings conditional on the import, in every chunk; edits near the top reach the import.
    const statements = Array.from({ length: 700 }, (_, i) => {
      if (i % 100 === 50) return `class C${i}:\n    def f(self):\n        return pickle.loads(b'')\n`;
      return i % 9 === 0 ? `value${i} = pickle.loads(data)\n` : `x${i} = ${i}\n`;
    });
    const source = `import pickle\n${statements.join('')}`;
    const nearTheTop = fc.record({ at: fc.nat({ max: 20 }), remove: fc.nat({ max: 6 }), insert: fc.constantFrom(...SNIPPETS) });
    await fc.assert(
      fc.property(fc.array(fc.record({ edits: fc.array(fc.oneof(editArbitrary, nearTheTop), { minLength: 1, maxLength: 3 }), fileRules: fc.constant<'carry'>('carry') }), { minLength: 1, maxLength: 4 }), (bursts) => {
        lintsLikeFresh(parser, bursts, source);
      }),
      { numRuns: 12 },
    );
  });

  it('matches a fresh lint after random edits', async function () {
    // Every rule runs on every step: slow on a loaded machine, but the point of the test.
    this.timeout(600_000);
    await fc.assert(
      fc.property(fc.array(burstArbitrary, { minLength: 1, maxLength: 8 }), (bursts) => {
        lintsLikeFresh(parser, bursts);
      }),
      { numRuns: 100 },
    );
  });
});
