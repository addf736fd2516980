/**
 * File-wide facts kept per unit (`memoizedPerSegment`) must follow edits: a
 * document edited step by step, each step linted, reports what a fresh check
 * of the same text reports, when the edit changes a fact in one unit that
 * findings elsewhere depend on.
 */
import * as assert from 'assert';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES, type Finding } from '@pyreview/shared-rules';
import { DocumentStore } from 'pyreview-server/out/documents';
import { rangeOf } from '../helpers/lspText';

function comparable(findings: readonly Finding[]) {
  return findings.map(({ code, message, start, end }) => ({ code, message, start, end }));
}

describe('facts kept per unit across edits', () => {
  const parser = new PythonParser();
  const settings = resolveSettings(RULES, { select: ['ARG'] });

  /** Applies each replacement in turn (first occurrence of `from`), linting after each, and compares with a fresh check. */
  function replay(text: string, steps: ReadonlyArray<{ from: string; to: string; expectUnused: boolean }>): void {
    const store = new DocumentStore(parser);
    const uri = 'file:///memo/sample.py';
    const document = store.open(uri, 1, text);
    try {
      document.lint(settings, undefined, 'settle');
      steps.forEach(({ from, to, expectUnused }, index) => {
        const at = text.indexOf(from);
        assert.ok(at >= 0, from);
        store.change(uri, 2 + index, [{ range: rangeOf(text, at, at + from.length, 'utf-16'), text: to }], 'utf-16');
        text = text.slice(0, at) + to + text.slice(at + from.length);
        const linted = document.lint(settings, undefined, 'settle')!;
        const fresh = new Linter(RULES).lint({ units: parseUnits(parser, text), text, filePath: document.filePath, settings });
        assert.deepStrictEqual(comparable(linted.result.findings), comparable(fresh.findings), `after step ${index + 1}`);
        assert.strictEqual(linted.result.findings.some((finding) => finding.message.includes('`event`')), expectUnused, `after step ${index + 1}`);
      });
    } finally {
      store.dispose();
    }
  }

  it('sees a method handed on (a callback, not reported) or only called (reported) as the unit using it changes', () => {
    const text = [
      'import bus',
      '',
      '',
      'class Listener:',
      '    def handler(self, event):',
      '        return 1',
      '',
      '    def register(self):',
      '        bus.subscribe(self.handler)',
      '',
      '',
      'def unrelated(value):',
      '    return value',
      '',
    ].join('\n');
    replay(text, [
      // Called, not handed on: the unused argument is the author's.
      { from: 'bus.subscribe(self.handler)', to: 'self.handler(None)', expectUnused: true },
      { from: 'return value', to: 'return value + 1', expectUnused: true },
      // Handed on from a function at module level, through the class's name.
      { from: 'return value + 1', to: 'return bus.subscribe(Listener.handler)', expectUnused: false },
      { from: 'return bus.subscribe(Listener.handler)', to: 'return Listener.handler(value, None)', expectUnused: true },
      { from: 'self.handler(None)', to: 'bus.subscribe(self.handler)', expectUnused: false },
    ]);
  });
});
