import * as assert from 'assert';
import * as fs from 'fs';
import fc from 'fast-check';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES, type Finding } from '@pyreview/shared-rules';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { DocumentStore } from 'pyreview-server/out/documents';
import { rangeOf, snap, type Encoding } from '../helpers/lspText';
import { describeTree } from '../helpers/syntaxDump';
import { RULE_SELECTION } from './session';

/** Real code with classes, methods, try/except and a line of non-ASCII text, in LF and CRLF flavours. */
function baseTexts(): string[] {
  const stdlib = fs.readFileSync('/usr/lib/python3.11/contextlib.py', 'utf8').split('\n').slice(0, 160).join('\n');
  const local = [
    'class Box:',
    '    label = "é😀中"',
    '',
    '    def open(self, key):',
    '        try:',
    '            return self.items[key]',
    '        except:  # noqa: E7',
    '            return None',
    '',
    'def main():',
    '    print(Box().open("😀"))',
    '',
  ].join('\n');
  return [stdlib, local, local.split('\n').join('\r\n'), ''];
}

const FRAGMENTS = [
  'x', ' ', '    ', '\n', '\r\n', '\r', '\t', '(', ')', '[', ']', ':', '"', "'", '"""', '\\', '#', ' # noqa: E722',
  'é', '😀', '中文', 'except:', 'try:\n    pass\n', 'def g(a, b):\n', 'class C:\n    ', 'return ', 'if x:\n',
];

interface EditSpec {
  startFraction: number;
  length: number;
  insert: string;
  /** Sent as a full-text change instead of a range. */
  fullText: boolean;
  /** Sent in the same didChange as the previous edit. */
  sameNotification: boolean;
  /** Lint after this notification (exercises the linter's unit cache on intermediate states). */
  lintAfter: boolean;
}

const editArbitrary: fc.Arbitrary<EditSpec> = fc.record({
  startFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 30 }),
  insert: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }).map((parts) => parts.join('')),
  fullText: fc.nat({ max: 9 }).map((n) => n < 2),
  sameNotification: fc.boolean(),
  lintAfter: fc.boolean(),
});

function comparable(findings: readonly Finding[]) {
  return findings.map(({ code, message, start, end, fix }) => ({ code, message, start, end, fix }));
}

describe('property: incremental edits equal a fresh parse', () => {
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, RULE_SELECTION);

  it('gives the same text, tree (types and positions) and diagnostics as parsing the final text', () => {
    const texts = baseTexts();
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.constantFrom<Encoding>('utf-16', 'utf-8'),
        fc.array(editArbitrary, { minLength: 1, maxLength: 12 }),
        (textIndex, encoding, edits) => {
          const store = new DocumentStore(parser);
          const uri = 'file:///property/sample.py';
          let expected = texts[textIndex];
          const document = store.open(uri, 1, expected);
          document.syntax();
          let version = 1;
          let batch: TextDocumentContentChangeEvent[] = [];
          const flush = (lint: boolean) => {
            if (!batch.length) return;
            store.change(uri, ++version, batch, encoding);
            batch = [];
            if (lint) document.lint(settings, undefined, 'keystroke');
          };
          for (const edit of edits) {
            if (!edit.sameNotification) flush(edit.lintAfter);
            const start = snap(expected, Math.floor(edit.startFraction * (expected.length + 1)));
            const end = Math.max(start, snap(expected, Math.min(expected.length, start + edit.length)));
            const next = expected.slice(0, start) + edit.insert + expected.slice(end);
            batch.push(edit.fullText ? { text: next } : { range: rangeOf(expected, start, end, encoding), text: edit.insert });
            expected = next;
          }
          flush(false);
          try {
            assert.strictEqual(document.text, expected);
            // Settling (when typing pauses) must give exactly what a fresh parse and check give.
            const reused = document.lint(settings, undefined, 'settle')!;
            assert.ok(reused.settled);
            const fresh = parseUnits(parser, expected);
            assert.deepStrictEqual(describeTree(document.syntax()!), describeTree(fresh.tree));
            const scratch = new Linter(RULES).lint({ units: fresh, text: expected, filePath: document.filePath, settings });
            assert.deepStrictEqual(comparable(reused.result.findings), comparable(scratch.findings));
          } finally {
            store.dispose();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
