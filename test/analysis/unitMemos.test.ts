/**
 * File-wide facts kept per unit (`memoizedPerSegment`) or per version of the
 * tree must follow edits: a document edited step by step, each step linted,
 * reports what a fresh check of the same text reports, when the edit changes
 * a fact in one unit that findings elsewhere depend on.
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

  /**
   * Applies each replacement in turn (first occurrence of `from`), linting after each, and compares with a
   * fresh check; `expected` is how many findings have a message holding `probe`.
   */
  function replay(select: string, probe: string, text: string, steps: ReadonlyArray<{ from: string; to: string; expected: number }>): void {
    const settings = resolveSettings(RULES, { select: [select] });
    const store = new DocumentStore(parser);
    const uri = 'file:///memo/sample.py';
    const document = store.open(uri, 1, text);
    try {
      document.lint(settings, undefined, 'settle');
      steps.forEach(({ from, to, expected }, index) => {
        const at = text.indexOf(from);
        assert.ok(at >= 0, from);
        store.change(uri, 2 + index, [{ range: rangeOf(text, at, at + from.length, 'utf-16'), text: to }], 'utf-16');
        text = text.slice(0, at) + to + text.slice(at + from.length);
        const linted = document.lint(settings, undefined, 'settle')!;
        const fresh = new Linter(RULES).lint({ units: parseUnits(parser, text), text, filePath: document.filePath, settings });
        assert.deepStrictEqual(comparable(linted.result.findings), comparable(fresh.findings), `after step ${index + 1}`);
        assert.strictEqual(linted.result.findings.filter((finding) => finding.message.includes(probe)).length, expected, `after step ${index + 1}`);
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
    replay('ARG', '`event`', text, [
      // Called, not handed on: the unused argument is the author's.
      { from: 'bus.subscribe(self.handler)', to: 'self.handler(None)', expected: 1 },
      { from: 'return value', to: 'return value + 1', expected: 1 },
      // Handed on from a function at module level, through the class's name.
      { from: 'return value + 1', to: 'return bus.subscribe(Listener.handler)', expected: 0 },
      { from: 'return bus.subscribe(Listener.handler)', to: 'return Listener.handler(value, None)', expected: 1 },
      { from: 'self.handler(None)', to: 'bus.subscribe(self.handler)', expected: 0 },
    ]);
  });

  it('follows a base class through the import that names it as the import changes', () => {
    const text = ['from abc import ABC as Parent', '', '', 'class Child(Parent):', '    def method(self, unused):', '        return 1', ''].join('\n');
    // `abc.ABC` defines no method: the signature is the author's. A library's class may define it.
    replay('ARG', '`unused`', text, [
      { from: 'from abc import ABC as Parent', to: 'from library import Parent', expected: 0 },
      { from: 'from library import Parent', to: 'from abc import ABC as Parent', expected: 1 },
    ]);
  });

  it('asks a kept method\'s class about its signature as another method or the class\'s header changes', () => {
    const method = (value: number) => `    def method(self, unused):\n        return ${value}\n`;
    const text = `class Base:\n${method(1)}\n\nclass Child(Base):\n${method(2)}\n    def other(self):\n        return 3\n`;
    // Each method sets the other's signature while Child extends Base.
    replay('ARG', '`unused`', text, [
      { from: 'return 3', to: 'return 4', expected: 0 },
      { from: 'class Child(Base):', to: 'class Child(object):', expected: 2 },
      { from: 'return 4', to: 'return 5', expected: 2 },
      { from: 'class Child(object):', to: 'class Child(Base):', expected: 0 },
    ]);
  });

  it('sees the mocks a class\'s patch decorator passes to its kept test method as the decorator changes', () => {
    const text = ['from unittest import mock', '', '', "@mock.patch('os.getcwd')", 'class TestThing:', '    def test_cwd(self, getcwd):', '        return 1', ''].join('\n');
    replay('ARG', '`getcwd`', text, [
      { from: "@mock.patch('os.getcwd')", to: '@mock.sentinel', expected: 1 },
      { from: '@mock.sentinel', to: "@mock.patch('os.getcwd')", expected: 0 },
    ]);
  });

  it('keeps a star import used by a function whose memo is replayed as another function changes', () => {
    const text = ['from os import *', '', '', 'def cwd():', '    return getcwd()', '', '', 'def other():', '    return 1', ''].join('\n');
    replay('F401', 'os.*', text, [
      { from: 'return 1', to: 'return 2', expected: 0 },
      { from: 'return getcwd()', to: 'return 3', expected: 1 },
      { from: 'return 2', to: 'return 4', expected: 1 },
      { from: 'return 3', to: 'return getcwd()', expected: 0 },
    ]);
  });

  it('sees a method override a base class of the file (not reported) or not (reported) as the class\'s bases change', () => {
    const method = (value: number) => `    def doThing(self):\n        return ${value}\n`;
    const text = `class Base:\n${method(1)}\n\nclass Child(Base):\n${method(2)}`;
    // Base's own method is always reported; Child's only when it overrides nothing.
    replay('N802', 'doThing', text, [
      { from: 'class Child(Base):', to: 'class Child(object):', expected: 2 },
      { from: 'class Child(object):', to: 'class Child(Base):', expected: 1 },
      { from: 'class Base:', to: 'class Base2:', expected: 2 },
      { from: 'class Base2:', to: 'class Base:', expected: 1 },
    ]);
  });

  it('follows a base class to the module-level import that names it as another statement\'s import changes', () => {
    const text = ['import os', 'from ast import NodeVisitor as Visitor', '', '', 'class Walker(Visitor):', '    def visit_Name(self, node):', '        return node', ''].join('\n');
    // `visit_*` names are `ast.NodeVisitor`'s to choose; a class of another module chooses none.
    replay('N802', 'visit_Name', text, [
      { from: 'from ast import NodeVisitor as Visitor', to: 'from library import Helper as Visitor', expected: 1 },
      { from: 'from library import Helper as Visitor', to: 'from library import Helper as Visitor\nif os:\n    from ast import NodeVisitor as Visitor', expected: 0 },
      { from: 'if os:\n    from ast', to: 'def inner():\n    from ast', expected: 1 },
      { from: 'def inner():\n    from ast', to: 'if os:\n    from ast', expected: 0 },
    ]);
  });
});
