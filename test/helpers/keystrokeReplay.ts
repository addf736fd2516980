import * as assert from 'assert';
import { Linter, parseUnits, PythonParser, RULES, type Finding, type ResolvedSettings } from '@pyreview/shared-rules';
import { DocumentStore } from 'pyreview-server/out/documents';
import { countingParser } from './countingParser';
import { rangeOf } from './lspText';
import { describeTree, wrongParents } from './syntaxDump';

/** An edit of the text as it is then: `[start, end)` replaced by `to`. */
export type Edit = (text: string) => { start: number; end: number; to: string };

/** At the first occurrence of `after` + `from`, `from` replaced by `to`. */
export function typed(after: string, from: string, to: string): Edit {
  return (text) => {
    const start = text.indexOf(after + from) + after.length;
    assert.ok(start >= after.length, after + from);
    return { start, end: start + from.length, to };
  };
}

function comparable(findings: readonly Finding[]) {
  return findings.map(({ code, message, start, end, fix }) => ({ code, message, start, end, fix }));
}

/**
 * Opens `source` in a document, settles it, then applies each edit with a
 * keystroke lint, comparing the tree, its parent links and the node rules'
 * findings with a fresh parse and check (when that has no syntax error).
 * Returns how many keystrokes parsed nothing, and the settled findings,
 * compared with a fresh check's.
 */
export function replayKeystrokes(source: string, edits: readonly Edit[], settings: ResolvedSettings, parser = new PythonParser()): { unparsed: number; findings: Finding[] } {
  const counted = countingParser(parser);
  const store = new DocumentStore(counted.parser);
  const uri = 'file:///keystrokes/sample.py';
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
