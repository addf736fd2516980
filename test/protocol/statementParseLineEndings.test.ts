import * as assert from 'assert';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES } from '@pyreview/shared-rules';
import { DocumentStore } from 'pyreview-server/out/documents';
import { countingParser } from '../helpers/countingParser';
import { rangeOf } from '../helpers/lspText';
import { describeTree } from '../helpers/syntaxDump';

/**
 * A statement parsed alone ends where the whole file's parse would end it,
 * whatever the line endings: tree-sitter-python's comments run to the next
 * LF, so they take the CR of a CRLF (the parser reads a lone CR as an LF).
 */
describe('statement parsed alone at the end of a line ending in CR', () => {
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, {});
  // Past the length from which keystroke lints reparse one statement alone.
  const padding = '_ = 0\r\n'.repeat(15_000);
  const uri = 'file:///statement/line_endings.py';

  /**
   * Opens `source` and settles it, inserts each edit's text at the offset
   * its `after` string ends at (found in the text as edited so far), linting
   * as asked, then settles and compares with a fresh parse and check.
   * Returns the parses of the last edit's keystroke lint.
   */
  function edit(source: string, edits: readonly { after: string; insert: string; lint: boolean }[]): { all: number; statements: number } {
    const counted = countingParser(parser);
    const store = new DocumentStore(counted.parser);
    const document = store.open(uri, 1, source);
    let last = { all: 0, statements: 0 };
    try {
      document.lint(settings, undefined, 'settle');
      let text = source;
      edits.forEach(({ after, insert, lint }, index) => {
        const at = text.indexOf(after) + after.length;
        store.change(uri, 2 + index, [{ range: rangeOf(text, at, at, 'utf-16'), text: insert }], 'utf-16');
        text = text.slice(0, at) + insert + text.slice(at);
        if (!lint) return;
        const [all, statements] = [counted.parses(), counted.statementParses()];
        document.lint(settings, undefined, 'keystroke');
        last = { all: counted.parses() - all, statements: counted.statementParses() - statements };
      });
      const settled = document.lint(settings, undefined, 'settle')!;
      const fresh = parseUnits(parser, text);
      assert.deepStrictEqual(describeTree(document.syntax()!), describeTree(fresh.tree));
      const complete = new Linter(RULES).lint({ units: fresh, text, filePath: document.filePath, settings, renameFixes: 'on-request' });
      assert.deepStrictEqual(settled.result.findings, complete.findings);
    } finally {
      store.dispose();
    }
    return last;
  }

  it('takes the CR of a CRLF into a comment ending the statement, still parsing it alone', () => {
    const source = 'def f():\r\n    y = 1\r\n\r\n' + padding;
    const parses = edit(source, [
      { after: '    y = 1', insert: ' # noqa: F841', lint: false },
      { after: 'def f', insert: 'x', lint: true },
    ]);
    assert.deepStrictEqual(parses, { all: 1, statements: 1 });
  });

  it('parses alone a statement typed at the end of a CRLF line, which ends before the CR', () => {
    const parses = edit('def f():\r\n    y = 1\r\n\r\n' + padding, [{ after: '    y = 1', insert: '2', lint: true }]);
    assert.deepStrictEqual(parses, { all: 1, statements: 1 });
  });

  it('ends a comment at a lone CR, which the parser reads as an LF, still parsing the statement alone', () => {
    const parses = edit('def f():\r\n    y = 1\r\r\n\r\n' + padding, [
      { after: '    y = 1', insert: ' # c', lint: false },
      { after: 'def f', insert: 'x', lint: true },
    ]);
    assert.deepStrictEqual(parses, { all: 1, statements: 1 });
  });
});
