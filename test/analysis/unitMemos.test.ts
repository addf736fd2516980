/**
 * File-wide facts kept per unit (`totalPerSegment`) or per version of the
 * tree must follow edits: a document edited step by step, each step linted,
 * reports what a fresh check of the same text reports, when the edit changes
 * a fact in one unit that findings elsewhere depend on.
 */
import * as assert from 'assert';
import * as path from 'path';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES, summarizeModule, WorkspaceIndex, type Finding } from '@pyreview/shared-rules';
import { DocumentStore } from 'pyreview-server/out/documents';
import { rangeOf } from '../helpers/lspText';
import { EditedText } from '../helpers/editedText';

function comparable(findings: readonly Finding[]) {
  return findings.map(({ code, message, start, end }) => ({ code, message, start, end }));
}

describe('facts kept per unit across edits', () => {
  const parser = new PythonParser();

  /**
   * Applies each replacement in turn (first occurrence of `from`), linting after each, and compares with a
   * fresh check; `expected` is how many findings have a message holding `probe`.
   */
  function replay(
    select: string,
    probe: string,
    text: string,
    steps: ReadonlyArray<{ from: string; to: string; expected: number; before?: () => void }>,
    workspace?: WorkspaceIndex,
  ): void {
    const settings = resolveSettings(RULES, { select: [select] });
    const store = new DocumentStore(parser, workspace);
    const uri = 'file:///memo/sample.py';
    const document = store.open(uri, 1, text);
    try {
      document.lint(settings, undefined, 'settle');
      steps.forEach(({ from, to, expected, before }, index) => {
        before?.();
        const at = text.indexOf(from);
        assert.ok(at >= 0, from);
        store.change(uri, 2 + index, [{ range: rangeOf(text, at, at + from.length, 'utf-16'), text: to }], 'utf-16');
        text = text.slice(0, at) + to + text.slice(at + from.length);
        const linted = document.lint(settings, undefined, 'settle')!;
        const fresh = new Linter(RULES).lint({ units: parseUnits(parser, text), text, filePath: document.filePath, settings, workspace });
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

  it('sees a method of a kept class override a base class as the base class, another statement, is renamed or changes', () => {
    const text = [
      'class Base:', '    def doThing(self):', '        return 1', '', '',
      'class Child(Base):', '    def doThing(self):', '        return 2', '', '',
      'def unrelated():', '    return 3', '',
    ].join('\n');
    // Only Base's own method is reported while Child's overrides it; Child's statement is never edited.
    replay('N802', 'doThing', text, [
      { from: 'return 3', to: 'return 4', expected: 1 },
      { from: 'class Base:', to: 'class Parent:', expected: 2 },
      { from: 'return 4', to: 'return 5', expected: 2 },
      { from: 'class Parent:', to: 'class Base:', expected: 1 },
      { from: '    def doThing(self):\n        return 1', to: '    def do_thing(self):\n        return 1', expected: 1 },
      { from: 'return 5', to: 'return 6', expected: 1 },
      { from: '    def do_thing(self):\n        return 1', to: '    def doThing(self):\n        return 1', expected: 1 },
    ]);
  });

  it('sees a method moved into another class (with a base or a subclass, or none) as the classes\' bodies change', () => {
    const runIt = '    def runIt(self, unused):\n        return 2\n';
    // The bodies of Sub and Other, with runIt in one of them.
    const bodies = (first: number, second: number, inSub: boolean) => inSub
      ? `    first = ${first}\n${runIt}\n\nclass Other:\n    second = ${second}\n`
      : `    first = ${first}\n\n\nclass Other:\n    second = ${second}\n${runIt}`;
    const text = `class Base:\n    def runIt(self, unused):\n        return 1\n\n\nclass Sub(Base):\n${bodies(1, 2, false)}`;
    // In Other, both methods are the author's: reported. In Sub, each sets the other's signature.
    replay('ARG', '`unused`', text, [
      { from: 'second = 2', to: 'second = 3', expected: 2 },
      { from: bodies(1, 3, false), to: bodies(1, 3, true), expected: 0 },
      { from: 'first = 1', to: 'first = 4', expected: 0 },
      { from: bodies(4, 3, true), to: bodies(4, 3, false), expected: 2 },
    ]);
    // Base's own method is always reported; the other only outside Sub.
    replay('N802', 'runIt', text, [
      { from: 'second = 2', to: 'second = 3', expected: 2 },
      { from: bodies(1, 3, false), to: bodies(1, 3, true), expected: 1 },
      { from: 'first = 1', to: 'first = 4', expected: 1 },
    ]);
  });

  it('sees a decorator added to or taken from a kept method\'s neighbour and the method itself', () => {
    const text = ['import typing', '', '', 'class Child:', '    def helpMe(self):', '        return 1', '', '    def other(self):', '        return 2', ''].join('\n');
    replay('N802', 'helpMe', text, [
      { from: 'return 2', to: 'return 3', expected: 1 },
      { from: '    def helpMe(self):', to: '    @typing.override\n    def helpMe(self):', expected: 0 },
      { from: 'return 3', to: 'return 4', expected: 0 },
      { from: '    @typing.override\n', to: '    @override\n', expected: 0 },
      { from: '    @override\n', to: '', expected: 1 },
    ]);
  });

  it('sees a method registered as a callback, or no longer, as the registering statement comes and goes', () => {
    const text = [
      'import bus', '', '',
      'class Listener:', '    def handler(self, event):', '        return 1', '',
      '    def register(self):', '        return 2', '',
    ].join('\n');
    replay('ARG', '`event`', text, [
      { from: '    def register(self):\n        return 2\n', to: '    def register(self):\n        return 2\n\n    bus.subscribe(Listener.handler)\n', expected: 0 },
      { from: 'return 2', to: 'return 3', expected: 0 },
      { from: '\n    bus.subscribe(Listener.handler)\n', to: '', expected: 1 },
      { from: 'class Listener:', to: 'class Listener:\n    hooks = [Listener.handler]', expected: 0 },
      { from: '    hooks = [Listener.handler]\n', to: '', expected: 1 },
      { from: 'return 3', to: 'return bus.subscribe(self.handler)', expected: 0 },
      { from: 'return bus.subscribe(self.handler)', to: 'return 4', expected: 1 },
    ]);
  });

  it('asks the workspace again when another file changes, an edit of the document changing no class', () => {
    const text = ['from base import Parent', '', '', 'class Child(Parent):', '    def method(self, unused):', '        return 1', '', '', 'def other():', '    return 2', ''].join('\n');
    // The index itself, and a proxy of one as the command line records the questions asked through (it tells no revision).
    for (const proxied of [false, true]) {
      const index = new WorkspaceIndex();
      const basePath = path.resolve('/memo/base.py');
      const define = (source: string) => () => index.update(summarizeModule(basePath, parseUnits(parser, source).tree, source));
      define('class Parent:\n    def method(self, value):\n        return value\n')();
      // Overriding Parent.method: not reported; once Parent defines no such method, the signature is Child's.
      replay('ARG', '`unused`', text, [
        { from: 'return 2', to: 'return 3', expected: 0 },
        { from: 'return 3', to: 'return 4', expected: 1, before: define('class Parent:\n    def elsewhere(self, value):\n        return value\n') },
        { from: 'return 4', to: 'return 5', expected: 0, before: define('class Parent:\n    def method(self, value):\n        return value\n') },
      ], proxied ? new Proxy(index, {}) : index);
    }
  });

  it('keeps the class outline through edits of statements without definitions or imports, and not through an import coming or going', () => {
    const text = ['x = 1', '', '', 'class Walker(Visitor):', '    def visit_Name(self, node):', '        return node', '', '', 'y = 1', ''].join('\n');
    // `visit_*` names are `ast.NodeVisitor`'s to choose; an unknown base chooses none.
    replay('N802', 'visit_Name', text, [
      { from: 'x = 1', to: 'x = 2', expected: 1 },
      { from: 'x = 2', to: 'from ast import NodeVisitor as Visitor', expected: 0 },
      { from: 'y = 1', to: 'y = 2', expected: 0 },
      { from: 'from ast import NodeVisitor as Visitor', to: 'x = 3', expected: 1 },
      { from: 'y = 2', to: 'y = 3', expected: 1 },
    ]);
  });

  it('keeps the class outline through imports of names no base starts with, and not through those of a base\'s name', () => {
    const text = ['import os', 'from ast import NodeVisitor as Visitor', '', '', 'class Walker(Visitor):', '    def visit_Name(self, node):', '        return node', ''].join('\n');
    replay('N802', 'visit_Name', text, [
      { from: 'import os', to: 'import osx', expected: 0 },
      { from: 'NodeVisitor as Visitor', to: 'Other as Visitor', expected: 1 },
      { from: 'import osx', to: 'import osy', expected: 1 },
      // The last import of the name counts.
      { from: 'import osy', to: 'from ast import NodeTransformer as Visitor', expected: 1 },
      { from: 'Other as Visitor', to: 'Other as Unrelated', expected: 0 },
      { from: 'Other as Unrelated', to: 'Other as Visitor', expected: 1 },
    ]);
  });

  it('sees a method call super() or no longer as it changes, its neighbour kept', () => {
    const text = ['class Base:', '    def first(self):', '        return super().first()', '', '    def second(self):', '        return 1', ''].join('\n');
    replay('PLR6301', '`second`', text, [
      { from: 'return 1', to: 'return super().second()', expected: 0 },
      { from: 'return super().first()', to: 'return 2', expected: 0 },
      { from: 'return super().second()', to: 'return 3', expected: 1 },
      { from: 'return 2', to: 'return super().first()', expected: 1 },
    ]);
  });

  it('sees two classes of the same name swap places in one edit, each copied again with the outline of the other', () => {
    const defining = 'class Base:\n    def doThing(self):\n        return 1\n';
    const other = 'class Base:\n    x = 1\n';
    const text = `${defining}\n\n${other}\n\nclass Child(Base):\n    def doThing(self):\n        return 2\n`;
    // Child extends the last Base defined before it.
    replay('N802', 'doThing', text, [
      { from: 'return 2', to: 'return 3', expected: 2 },
      { from: `${defining}\n\n${other}`, to: `${other}\n\n${defining}`, expected: 1 },
      { from: 'return 3', to: 'return 4', expected: 1 },
      { from: `${other}\n\n${defining}`, to: `${defining}\n\n${other}`, expected: 2 },
    ]);
  });

  it('sees a method moved between kept methods of two classes, the units around it copied again with their outlines', () => {
    const method = (name: string) => `    def ${name}(self):\n        return 0\n`;
    const runIt = '    def runIt(self, unused):\n        return 2\n';
    const text = [
      'class Base:\n    def runIt(self, unused):\n        return 1\n\n\n',
      `class Sub(Base):\n${method('keep1')}${runIt}${method('keep2')}\n\n`,
      `class Other:\n${method('keep3')}${method('keep4')}`,
    ].join('');
    const inSub = `${runIt}${method('keep2')}\n\nclass Other:\n${method('keep3')}`;
    const inOther = `${method('keep2')}\n\nclass Other:\n${method('keep3')}${runIt}`;
    // In Sub, Base's method and its override set each other's signature; in Other, both are the author's.
    replay('ARG', '`unused`', text, [
      { from: 'return 1', to: 'return 5', expected: 0 },
      { from: inSub, to: inOther, expected: 2 },
      { from: 'return 5', to: 'return 6', expected: 2 },
      { from: inOther, to: inSub, expected: 0 },
    ]);
  });

  it('sees a kept method\'s name chosen by a test case, or no longer, as its class\'s keyword arguments change (the class outline leaves them out)', () => {
    const text = ['import meta', '', '', 'class Case(Mixin, metaclass=meta.TestCase):', '    def assertEqual(self):', '        return 1', ''].join('\n');
    // pep8-naming reads every argument of the class statement as a base: the keyword's last part is `TestCase`.
    replay('N802', 'assertEqual', text, [
      { from: 'meta.TestCase', to: 'meta.Other', expected: 1 },
      { from: 'meta.Other', to: 'meta.TestCase', expected: 0 },
    ]);
  });

  it('sees a method read its parameters, or no longer, as it changes, its neighbour kept', () => {
    const text = ['class Thing:', '    def method(self, value):', '        return value', '', '    def other(self):', '        return self.a', ''].join('\n');
    replay('ARG', '`value`', text, [
      { from: 'return value', to: 'return 1', expected: 1 },
      { from: 'self.a', to: 'self.b', expected: 1 },
      { from: 'return 1', to: 'return value', expected: 0 },
      { from: 'self.b', to: 'self.c', expected: 0 },
    ]);
    replay('PLR6301', '`method`', text, [
      { from: 'return value', to: 'return self, value', expected: 0 },
      { from: 'self.a', to: 'self.b', expected: 0 },
      { from: 'return self, value', to: 'return value', expected: 1 },
      { from: 'self.b', to: 'self.c', expected: 1 },
    ]);
  });

  it('decides again about the methods of kept units once the tree is compacted (its nodes renumbered)', () => {
    const settings = resolveSettings(RULES, { select: ['N802', 'ARG', 'PLR6301'] });
    const entries = Array.from({ length: 2000 }, (_, i) => `    "key_${i}": ${i},\n`).join('');
    const classes = [
      'class Base:', '    def doThing(self, unused):', '        return 1', '', '',
      'class Child(Base):', '    def doThing(self, unused):', '        return 2', '', '    def runIt(self, unused):', '        return 3', '',
    ].join('\n');
    const document = new EditedText(parser, `${classes}\n\ndata = {\n${entries}}\n\n\n${classes.replace(/Base/g, 'Other').replace(/Child/g, 'Second')}`);
    const linter = new Linter(RULES);
    const lint = () => comparable(linter.lint({ units: document.units, text: document.text, filePath: 'sample.py', settings }).findings);
    try {
      const compactions = document.units.tree.compactions;
      // Decided before the first compaction moves the units after the dict's first copy.
      lint();
      for (let i = 0; i < 12; i++) {
        const at = document.text.indexOf('    "key_1000"');
        // Each edit adds an entry to the dict: its copy needs more room than its old copy left.
        document.edit(at, at, `    ${i}: ${i},\n`);
        document.reparse();
        const fresh = new Linter(RULES).lint({ units: parseUnits(parser, document.text), text: document.text, filePath: 'sample.py', settings });
        assert.deepStrictEqual(lint(), comparable(fresh.findings), `after edit ${i + 1}`);
      }
      assert.ok(document.units.tree.compactions > compactions, 'no edit made room by compacting');
    } finally {
      document.delete();
    }
  });

  it('counts every unit again once the tree\'s log of segment changes no longer goes back to the last count', () => {
    const settings = resolveSettings(RULES, { select: ['ARG'] });
    const text = ['import bus', '', '', 'class Listener:', '    def handler(self, event):', '        return 0', '', '    def register(self):', '        return 1', ''].join('\n');
    const document = new EditedText(parser, text);
    const linter = new Linter(RULES);
    const lint = () => linter.lint({ units: document.units, text: document.text, filePath: 'sample.py', settings }).findings.length;
    try {
      assert.strictEqual(lint(), 1);
      // Registered as a callback first, then many edits of another unit before the next lint.
      const registration = document.text.indexOf('return 1');
      document.edit(registration, registration + 'return 1'.length, 'return bus.subscribe(self.handler)');
      document.reparse();
      const start = document.units.tree.segmentChanges;
      for (let i = 0; document.units.tree.segmentChangesSince(start) !== undefined; i++) {
        const at = document.text.indexOf('return ') + 'return '.length;
        document.edit(at, at + 1, String(i % 10));
        document.reparse();
      }
      assert.strictEqual(lint(), 0);
    } finally {
      document.delete();
    }
  });
});
