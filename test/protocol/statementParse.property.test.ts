import * as assert from 'assert';
import * as fs from 'fs';
import fc from 'fast-check';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES, T, type Finding } from '@pyreview/shared-rules';
import { DocumentStore, type PythonDocument } from 'pyreview-server/out/documents';
import { countingParser } from '../helpers/countingParser';
import { rangeOf, snap } from '../helpers/lspText';
import { describeTree } from '../helpers/syntaxDump';

// Over 100k characters, so that keystroke lints are incremental and reparse one statement alone when they
// can; in LF and CRLF flavours (tree-sitter's rows and LSP's lines count CRLF differently from offsets).
const LF_SOURCE = fs.readFileSync('/usr/lib/python3.11/inspect.py', 'utf8');
const SOURCES = [LF_SOURCE, LF_SOURCE.split('\n').join('\r\n')];

// Mostly edits that keep the code valid (the statement parse's case), and some that break it (the fallback's).
const FRAGMENTS = [
  'x', 'y', '_', 'x', 'y', '_', '1', 'name', '', '\n', '\n        ', 'pass\n        ', 'z = 1\n        ', 'return z\n', '.attr', '(1)',
  ' # noqa', ' # noqa: F841', '😀', 'é', '(', ')', '"', '"""', '\\', ':', '    ', 'def h(self):\n        ', '\ndef top():\n    pass\n',
];

/** One edit inside a definition: where (a fraction of it), how many characters go, what is typed, and whether a lint follows. */
interface Edit {
  fraction: number;
  removed: number;
  insert: string;
  lint: boolean;
}

const NODE_RULE_CODES = new Set(RULES.filter((rule) => rule.kind === 'node').map((rule) => rule.meta.code));

/** Findings of the rules that run on every keystroke (file rules may be carried over then). */
function nodeRuleFindings(findings: readonly Finding[]) {
  return findings.filter((f) => NODE_RULE_CODES.has(f.code)).map(({ code, message, start, end }) => ({ code, message, start, end }));
}

function allFindings(findings: readonly Finding[]) {
  return findings.map(({ code, message, start, end, fix, rename }) => ({ code, message, start, end, fix, rename }));
}

/** The first offset from `offset` (up to `limit`) that ends a word: where typing usually happens. */
function wordEnd(text: string, offset: number, limit: number): number {
  let at = offset;
  while (at < limit && !(/\w/.test(text[at - 1]) && !/\w/.test(text[at]))) at++;
  return at;
}

describe('property: keystrokes linted from one statement parsed alone', function () {
  this.timeout(300_000);
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, {});
  const definitions = new Set<number>([T.function_definition, T.class_definition, T.decorated_definition]);
  const statements = SOURCES.map((source) => {
    const { tree } = parseUnits(parser, source);
    return tree.namedChildren(tree.root)
      .filter((node) => definitions.has(tree.type(node)))
      .map((node) => ({ start: tree.start(node), end: tree.end(node) }));
  });

  /** Types `edits` into one definition of a source, linting as asked, and compares with fresh checks; counts comparisons. */
  function replay(sourceIndex: number, statementChoice: number, edits: readonly Edit[], parserUsed: PythonParser, atStart = false): number {
    let compared = 0;
    const source = SOURCES[sourceIndex];
    const store = new DocumentStore(parserUsed);
    const uri = 'file:///property/inspect_copy.py';
    const document = store.open(uri, 1, source);
    try {
      document.lint(settings, undefined, 'settle');
      const candidates = statements[sourceIndex];
      const statement = candidates[statementChoice % candidates.length];
      let text = source;
      let end = statement.end;
      let version = 1;
      for (const edit of edits) {
        // Inside the statement (as it grows or shrinks), or at its first character with `atStart`.
        const start = atStart ? statement.start : snap(text, wordEnd(text, statement.start + 1 + Math.floor(edit.fraction * Math.max(0, end - statement.start - 2)), end - 1));
        const removedEnd = snap(text, Math.min(start + edit.removed, end - 1, text.length));
        store.change(uri, ++version, [{ range: rangeOf(text, start, Math.max(start, removedEnd), 'utf-16'), text: edit.insert }], 'utf-16');
        text = text.slice(0, start) + edit.insert + text.slice(Math.max(start, removedEnd));
        end += edit.insert.length - Math.max(0, removedEnd - start);
        if (!edit.lint) continue;
        const keystroke = document.lint(settings, undefined, 'keystroke')!;
        const fresh = parseUnits(parser, text);
        // Error recovery after an edit may differ from a fresh parse's: only error-free texts compare.
        if (fresh.tree.hasError(fresh.tree.root)) continue;
        const complete = new Linter(RULES).lint({ units: fresh, text, filePath: document.filePath, settings });
        assert.deepStrictEqual(nodeRuleFindings(keystroke.result.findings), nodeRuleFindings(complete.findings));
        compared++;
      }
      assert.strictEqual(document.text, text);
      const settled = document.lint(settings, undefined, 'settle')!;
      assert.ok(settled.settled);
      const fresh = parseUnits(parser, text);
      assert.deepStrictEqual(describeTree(document.syntax()!), describeTree(fresh.tree));
      // The editor's lints leave rename fixes to be planned on request.
      const complete = new Linter(RULES).lint({ units: fresh, text, filePath: document.filePath, settings, renameFixes: 'on-request' });
      assert.deepStrictEqual(allFindings(settled.result.findings), allFindings(complete.findings));
    } finally {
      store.dispose();
    }
    return compared;
  }

  /** Replays random edit sequences of `edit` records and checks that they exercised statement parses and compared keystroke lints. */
  function property(edit: fc.Arbitrary<Edit>, options: { maxEdits: number; numRuns: number; atStart: boolean; atLeast: number }): void {
    const counted = countingParser(parser);
    let compared = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: SOURCES.length - 1 }),
        fc.nat({ max: 1000 }),
        fc.array(edit, { minLength: 1, maxLength: options.maxEdits }),
        (sourceIndex, statementChoice, edits) => {
          compared += replay(sourceIndex, statementChoice, edits, counted.parser, options.atStart);
        },
      ),
      { numRuns: options.numRuns },
    );
    // The property must have exercised what it is about.
    const exercised = `${counted.statementParses()} statement parses, ${compared} keystroke lints compared`;
    assert.ok(counted.statementParses() >= options.atLeast && compared >= options.atLeast, exercised);
  }

  it('find what a complete check finds, and settle to a fresh parse and check', () => {
    const edit = fc.record({
      // Uniform: fc.double favours values near 0.
      fraction: fc.nat({ max: 9999 }).map((n) => n / 10_000),
      removed: fc.nat({ max: 7 }).map((n) => Math.max(0, n - 4)),
      insert: fc.constantFrom(...FRAGMENTS),
      lint: fc.nat({ max: 3 }).map((n) => n > 0),
    });
    property(edit, { maxEdits: 5, numRuns: 60, atStart: false, atLeast: 30 });
  });

  it('find what a complete check finds when typing at the start of a top-level statement\'s line, and settle to a fresh parse', () => {
    // Code typed there stays in the statement; indentation, comments, blank lines and clauses (`else:`) may join or split statements.
    const starts = ['x', '_', 'x', 'async ', '@d\n', 'x = 1\n', '(', '"', ' ', '    ', '\t', '#', '# c\n', '\n', 'else:\n    pass\n', 'elif x:\n    pass\n', '\\\n'];
    const edit = fc.record({
      fraction: fc.constant(0),
      removed: fc.nat({ max: 5 }).map((n) => Math.max(0, n - 3)),
      insert: fc.constantFrom(...starts),
      lint: fc.nat({ max: 3 }).map((n) => n > 0),
    });
    property(edit, { maxEdits: 4, numRuns: 80, atStart: true, atLeast: 20 });
  });

  it('reads every statement again when a unit of error recovery kept from the last parse is not in the new one', () => {
    // Found by the property above: a name typed in one function, then a line broken in a later one, of inspect.py.
    const edits: Edit[] = [{ fraction: 0, removed: 0, insert: 'x', lint: true }, { fraction: 0.4909, removed: 0, insert: '\n', lint: true }];
    assert.doesNotThrow(() => replay(0, 25, edits, parser));
  });

  /** inspect.py opened and settled, in a store whose parser counts its parses. */
  function openCounting(): { counted: ReturnType<typeof countingParser>; store: DocumentStore; uri: string; document: PythonDocument } {
    const counted = countingParser(parser);
    const store = new DocumentStore(counted.parser);
    const uri = 'file:///property/inspect_copy.py';
    const document = store.open(uri, 1, LF_SOURCE);
    document.lint(settings, undefined, 'settle');
    return { counted, store, uri, document };
  }

  it('settles a statement parsed alone without reparsing the file, to what a fresh parse and check give', () => {
    const { counted, store, uri, document } = openCounting();
    try {
      // A new local typed into a function, its value character by character (digits: typing into a name
      // takes no parse at all), linted at each keystroke.
      let text = LF_SOURCE;
      const at = text.indexOf('\n', text.indexOf('\ndef getmembers(')) + 1;
      ['    unused_name = 1\n', '2', '3'].forEach((typed, index) => {
        const offset = index === 0 ? at : at + '    unused_name = 1'.length + index - 1;
        store.change(uri, 2 + index, [{ range: rangeOf(text, offset, offset, 'utf-16'), text: typed }], 'utf-16');
        text = text.slice(0, offset) + typed + text.slice(offset);
        document.lint(settings, undefined, 'keystroke');
      });
      // The typed characters at least (opening the line may need the whole file).
      assert.ok(counted.statementParses() >= 2, `${counted.statementParses()} statement parses`);
      const parses = counted.parses();
      const settled = document.lint(settings, undefined, 'settle')!;
      assert.strictEqual(counted.parses(), parses, 'the whole file was reparsed');
      assert.ok(settled.settled);
      const fresh = parseUnits(parser, text);
      assert.deepStrictEqual(describeTree(document.syntax()!), describeTree(fresh.tree));
      const complete = new Linter(RULES).lint({ units: fresh, text, filePath: document.filePath, settings, renameFixes: 'on-request' });
      assert.deepStrictEqual(allFindings(settled.result.findings), allFindings(complete.findings));
      assert.ok(settled.result.findings.some((finding) => finding.code === 'F841' && finding.message.includes('unused_name')));
    } finally {
      store.dispose();
    }
  });

  it('answers comment lookups for code actions and hovers from the statement tree, without reparsing the file', () => {
    const { counted, store, uri, document } = openCounting();
    try {
      // A trailing comment inside a function, and a comment in a later top-level statement.
      const inside = LF_SOURCE.indexOf('  # ', LF_SOURCE.indexOf('\ndef getmembers('));
      const later = LF_SOURCE.indexOf('    # ', LF_SOURCE.indexOf('\nclass BlockFinder'));
      const { tree } = parseUnits(parser, LF_SOURCE);
      const statementEnd = tree.end(tree.children(tree.root).find((node) => tree.end(node) > inside)!);
      assert.ok(inside > 0 && later > statementEnd, 'the two comments are in different top-level statements');
      store.change(uri, 2, [{ range: rangeOf(LF_SOURCE, inside, inside, 'utf-16'), text: ' ' }], 'utf-16');
      document.lint(settings, undefined, 'keystroke');
      assert.strictEqual(counted.statementParses(), 1);
      const parses = counted.parses();
      const isComment = document.comments()!;
      assert.strictEqual(isComment(inside + 3), true);
      assert.strictEqual(isComment(inside - 2), false);
      assert.strictEqual(isComment(later + 1 + 4), true);
      assert.strictEqual(isComment(later + 1 - 2), false);
      assert.strictEqual(counted.parses(), parses, 'the whole file was reparsed');
      // After another edit, the answer needs the whole tree again.
      store.change(uri, 3, [{ range: rangeOf(document.text, 0, 0, 'utf-16'), text: '\n' }], 'utf-16');
      assert.strictEqual(document.comments()!(later + 2 + 4), true);
      assert.strictEqual(counted.parses(), parses + 1);
    } finally {
      store.dispose();
    }
  });
});
