/**
 * The semantic model built incrementally (unit copies and function memos
 * reused across edits) must equal a model built from scratch, whatever the
 * edits: random line insertions and deletions in real standard library code.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import { F, parseUnits, PythonParser, SemanticModelBuilder, type NodeId, type SemanticModel } from '@pyreview/shared-rules';
import { differingSpan } from 'pyreview-server/out/documents';
import * as v8 from 'v8';
import * as vm from 'vm';
import { EditedText } from '../helpers/editedText';

const FILES = ['/usr/lib/python3.11/shlex.py', '/usr/lib/python3.11/fnmatch.py', '/usr/lib/python3.11/glob.py'];

/** Lines that add, remove or shadow names at module level, in classes and in functions. */
const SNIPPETS = [
  'import os\n', 'import re as shlex_re\n', 'from os import path\n', 'sys = None\n', 'del os\n',
  'def split(s):\n    return undefined_name\n', 'class Extra:\n    def method(self, unused):\n        return os\n',
  '    global counter\n', '        nonlocal value\n', '    value = 1\n', '    return re\n', '__all__ = ["split", "nothing"]\n',
  'from collections import *\n', '    print(escape, translate)\n', 'x = [y for y in range(3)]\n',
];

/** A full garbage collection (`gc` exists only with --expose-gc, which may be set at run time for a new context). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function summary(model: SemanticModel): string[] {
  const { tree } = model;
  const at = (node: NodeId | undefined) => (node ? tree.start(node) : 'none');
  const messages = model.messages.map((m) => {
    const node = 'node' in m ? m.node : m.binding.nameNode || m.binding.source;
    const original = 'original' in m ? at(m.original.source) : '';
    return `${m.kind}:${'name' in m ? m.name : ''}@${at(node)}:${original}:${'fromList' in m ? m.fromList : ''}`;
  });
  const parameters = model.scopes.flatMap((scope) =>
    scope.parameters.map((p) => `${p.name}@${at(p.nameNode)}:${!!p.used || !!scope.bindings.get(p.name)?.used}`));
  // Every reference of every variable, where it is and in which scope (what renaming relies on).
  const variables = new Set(model.scopes.flatMap((scope) => [...scope.variables.values()]));
  const references = [...variables].map((variable) => {
    // A parent that is not a scope of this build (left over from an earlier one) shows as `stale`.
    const where = (scope: SemanticModel['scopes'][number]) =>
      `${scope.kind}@${at(scope.node)}<${scope.parent && !model.scopes.includes(scope.parent) ? 'stale' : at(scope.parent?.node)}`;
    const list = variable.references.map((r) => `${r.kind}@${at(r.host || r.node)}+${r.host ? at(r.node) : ''} in ${where(r.scope)}`);
    return `${variable.name} of ${where(variable.scope)}: ${list.sort().join(', ')}`;
  });
  return [...messages.sort(), ...parameters.sort(), ...references.sort()];
}

/** The names each class scope binds, and how. */
function classBindings(model: SemanticModel): string[] {
  return model.scopes.filter((scope) => scope.kind === 'class').map((scope) =>
    `${model.tree.start(scope.node)}: ${[...scope.bindings.values()].map((binding) => `${binding.name}=${binding.kind}`).sort().join(' ')}`);
}

describe('incremental semantic model', function () {
  this.timeout(300_000);

  /**
   * Builds `text`, then each replacement in turn (first occurrence), comparing every build with a fresh one;
   * with `release`, each model is released (as the linter does once a lint is done) before the next build.
   */
  function rebuilds(text: string, steps: ReadonlyArray<readonly [string, string]>, release = false): void {
    const parser = new PythonParser();
    const options = { targetVersion: [3, 11] as const, filePath: 'module.py' };
    const document = new EditedText(parser, text);
    const builder = new SemanticModelBuilder();
    try {
      builder.build(document.units.tree, options);
      if (release) builder.release();
      for (const [from, to] of steps) {
        const at = document.text.indexOf(from);
        assert.ok(at >= 0, from);
        document.edit(at, at + from.length, to);
        document.reparse();
        const fresh = new SemanticModelBuilder().build(parseUnits(parser, document.text).tree, options);
        const built = builder.build(document.units.tree, options);
        assert.deepStrictEqual(summary(built), summary(fresh), `after ${from} -> ${to}`);
        // What methods declare `global` binds in their class too.
        assert.deepStrictEqual(classBindings(built), classBindings(fresh), `after ${from} -> ${to}`);
        if (release) builder.release();
      }
    } finally {
      document.delete();
    }
  }

  const DECLARING = [
    'print(cache, undefined_first)',
    'counter = 0',
    '',
    'def bump():',
    '    global counter, cache',
    '    counter += 1',
    '    cache = {}',
    '    def inner():',
    '        nonlocal_target = 1',
    '        def innermost():',
    '            nonlocal nonlocal_target',
    '            nonlocal_target = 2',
    '        return counter, cache',
    '    return inner',
    '',
    'class Holder:',
    '    def method(self):',
    '        global held',
    '        held = self',
    '    def reader(self):',
    '        return held',
    '',
    'def other():',
    '    return cache, held, value',
    '',
  ].join('\n');
  const DECLARING_EDITS = [
    ['return cache, held, value', 'return cache, held'],
    ['counter = 0', 'counter = 1'],
    ['print(cache, undefined_first)', 'print(cache)'],
    ['counter = 1', 'import counter'],
    ['return cache, held', 'return held'],
    ['def reader(self):', 'def reader2(self):'],
    ['import counter', 'cache = None'],
  ] as const;

  it('replays functions declaring names global or nonlocal as a fresh build finds them', () => {
    rebuilds(DECLARING, DECLARING_EDITS);
  });

  it('replays as a fresh build finds when each model was released before the next build', () => {
    rebuilds(DECLARING, DECLARING_EDITS, true);
  });

  it('replays a function whose module names kept their bindings, and runs it again once one changed since its memo held', () => {
    const text = ['value = 1', '', 'def declarer():', '    pass', '', 'def reader():', '    return value, declared', ''].join('\n');
    rebuilds(text, [
      // Bound during the deferred work before the reader runs, then no longer.
      ['    pass', '    global declared\n    declared = 1'],
      ['    global declared\n    declared = 1', '    pass'],
      // Bound by the module's walk to another kind of binding, then unbound.
      ['value = 1', 'value: int'],
      ['value: int', 'value = 1'],
      ['value = 1', 'renamed = 1'],
    ]);
    // A method's lookups in its class, which a visit of the class makes again, are looked up again.
    const methods = ['import os', '', 'class Holder:', '    from x import y as os', '', '    def method(self):', '        for os in []:', '            pass', ''].join('\n');
    rebuilds(methods, [['as os', 'as os2'], ['as os2', 'as os']]);
  });

  it('reads the type comments edits add and remove as a fresh build does', () => {
    const text = ['from typing import List', '', 'class Holder:', '    def method(self):', '        pass', '', 'def function():', '    pass', ''].join('\n');
    const steps = [
      ['        pass', '        items = []  # type: List[int]'],
      ['    pass\n', '    items = []  # type: List[str]\n'],
      ['        items = []  # type: List[int]', '        pass'],
      ['  # type: List[str]', ''],
    ] as const;
    rebuilds(text, steps);
    // Whether `List` is read, after each step.
    const parser = new PythonParser();
    const document = new EditedText(parser, text);
    try {
      const builder = new SemanticModelBuilder();
      const options = { targetVersion: [3, 11] as const, filePath: 'module.py' };
      const unused = () => builder.build(document.units.tree, options).messages.some((message) => message.kind === 'unused-import');
      const found = [unused()];
      for (const [from, to] of steps) {
        const at = document.text.indexOf(from);
        document.edit(at, at + from.length, to);
        document.reparse();
        found.push(unused());
      }
      assert.deepStrictEqual(found, [true, false, false, false, true]);
    } finally {
      document.delete();
    }
  });

  /** Classes whose bodies read, shadow and defer names of the module, and a module whose statements change them. */
  const CLASSES = [
    'import os',
    'from typing import ClassVar',
    'base = object',
    'print(later)',
    '',
    '@decorate(os)',
    'class Holder(base):',
    '    shared: ClassVar[int] = 0',
    '    alias = os.path',
    '    names = [n for n in dir(os) if n != alias]',
    '    key = lambda self: sort_key',
    '    label: "Label"',
    '    copy: "alias"',
    '    def method(self, value=base):',
    '        return os, shared_name, self.alias, value, undefined_name',
    '    def declares(self):',
    '        global declared',
    '        declared = 1',
    '    def reads(self):',
    '        return declared, helper()',
    '    class Inner:',
    '        def inner_method(self):',
    '            return base, Label',
    '',
    'class Reader:',
    '    def first(self):',
    '        return helper(), undefined_name',
    '    def second(self):',
    '        for os in []:',
    '            pass',
    '        return base',
    '',
    'class Shadowing:',
    '    for os in range(3):',
    '        pass',
    '',
    'def decorate(x):',
    '    return lambda cls: cls',
    '',
    'def helper():',
    '    return None',
    '',
    'class Label:',
    '    pass',
    '',
  ].join('\n');
  const CLASS_EDITS = [
    // Module-level names the class reads rebound (the same kind, then another), deleted, then imported above it.
    ['base = object', 'base = None'],
    ['base = None', 'import base'],
    ['print(later)', 'del os\nprint(later)'],
    ['del os\nprint(later)', 'import later\nprint(later)'],
    // A name its methods read, undefined, then defined.
    ['print(later)', 'undefined_name = 0\nprint(later)'],
    // A name its methods read, declared `global` in an edited function, then defined at module level.
    ['def helper():\n    return None', 'def helper():\n    global shared_name\n    shared_name = 1'],
    ['class Label:\n    pass', 'class Label:\n    pass\nshared_name = 2'],
    // Its attributes and methods changed.
    ['alias = os.path', 'alias = os.sep'],
    ['        global declared\n', ''],
    ['def helper()', 'helper = lambda: None\ndef unused_helper()'],
    // Names its decorator, base and string annotation read rebound.
    ['def decorate(x):', 'decorate = None\ndef decorate_later(x):'],
    ['class Label:\n    pass', 'Label = 1'],
    // Star imports, which names no scope defines may come from, added.
    ['from typing import ClassVar', 'from typing import *'],
    ['from typing import *', 'from typing import *\nfrom os import *'],
    ['from typing import *', 'from __future__ import annotations\nfrom typing import ClassVar'],
  ] as const;

  it('replays classes as a fresh build finds them, whatever changes around them, each model released before the next build or not', () => {
    rebuilds(CLASSES, CLASS_EDITS);
    rebuilds(CLASSES, CLASS_EDITS, true);
  });

  it('replays an unchanged class rather than visiting it again, and visits it again once a name it reads changes', () => {
    const parser = new PythonParser();
    const document = new EditedText(parser, CLASSES);
    try {
      const builder = new SemanticModelBuilder();
      const options = { targetVersion: [3, 11] as const, filePath: 'module.py' };
      const holder = (model: SemanticModel) => model.scopes.find((scope) => scope.kind === 'class' && model.tree.text(model.tree.field(scope.node, F.name)) === 'Holder');
      const first = holder(builder.build(document.units.tree, options));
      builder.release();
      const edit = (from: string, to: string) => {
        const at = document.text.indexOf(from);
        document.edit(at, at + from.length, to);
        document.reparse();
        return holder(builder.build(document.units.tree, options));
      };
      assert.ok(first);
      assert.strictEqual(edit('print(later)', 'print(later, 1)'), first);
      assert.notStrictEqual(edit('base = object', 'import base'), first);
    } finally {
      document.delete();
    }
  });

  it('lets a released model go: its memos hold none of its bindings, variables and messages until the next build', async () => {
    const parser = new PythonParser();
    for (const text of [DECLARING, CLASSES]) {
      const document = new EditedText(parser, text);
      try {
        const builder = new SemanticModelBuilder();
        const options = { targetVersion: [3, 11] as const, filePath: 'module.py' };
        builder.build(document.units.tree, options);
        builder.build(document.units.tree, options);
        // The third build replays every function (those declaring names `global` too), class, and class's methods together in this build's scopes.
        const { module, held } = ((model) => {
          const module = model.scopes.at(-1)!;
          // The module scope the memos' scopes name as their parent lives on, emptied, until the next build replays them; `global` declarations' bindings are the memos'.
          const own = [...module.bindings.values()].filter((binding) => binding.kind !== 'global');
          return { module, held: [model.messages, model.scopes, ...own, ...module.variables.values()].map((value) => new WeakRef(value)) };
        })(builder.build(document.units.tree, options));
        builder.release();
        assert.strictEqual(module.bindings.size + module.variables.size, 0);
        // A WeakRef holds its target until the end of the job that made it.
        await new Promise((resolve) => setImmediate(resolve));
        collectGarbage();
        assert.deepStrictEqual(held.filter((reference) => reference.deref() !== undefined).length, 0);
        // The memos live on (the builder is used below, so kept): the next build replays them into its scopes.
        const fresh = new SemanticModelBuilder().build(parseUnits(parser, text).tree, options);
        assert.deepStrictEqual(summary(builder.build(document.units.tree, options)), summary(fresh));
      } finally {
        document.delete();
      }
    }
  });

  it('lets a released model go when its memos were opened in scopes it made other than the module (type parameters)', async () => {
    const parser = new PythonParser();
    const document = new EditedText(parser, 'def generic[T](value: T) -> T:\n    return value\n');
    try {
      const builder = new SemanticModelBuilder();
      const options = { targetVersion: [3, 12] as const, filePath: 'module.py' };
      builder.build(document.units.tree, options);
      builder.release();
      // The second build replays the function's memo in its scope of type parameters.
      const held = ((model) => new WeakRef(model.scopes.find((scope) => scope.kind === 'type-params')!))(builder.build(document.units.tree, options));
      assert.ok(held.deref());
      builder.release();
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      assert.strictEqual(held.deref(), undefined);
    } finally {
      document.delete();
    }
  });

  it('equals a fresh build after random edits', () => {
    const parser = new PythonParser();
    const options = { targetVersion: [3, 11] as const, filePath: 'module.py' };
    const edit = fc.record({ line: fc.nat(), remove: fc.boolean(), snippet: fc.constantFrom(...SNIPPETS) });
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.array(edit, { minLength: 1, maxLength: 6 }), (file, edits) => {
        const document = new EditedText(parser, fs.readFileSync(file, 'utf8'));
        const builder = new SemanticModelBuilder();
        try {
          builder.build(document.units.tree, options);
          let built = 0;
          for (const { line, remove, snippet } of edits) {
            const { text } = document;
            const lines = text.split('\n');
            const at = line % lines.length;
            if (remove) lines.splice(at, 1);
            else lines.splice(at, 0, snippet.replace(/\n$/, ''));
            const edited = lines.join('\n');
            // The edit as the server makes it of a full-text change: the span that differs.
            const { start, end } = differingSpan(text, edited);
            document.edit(start, end, edited.slice(start, edited.length - (text.length - end)));
            assert.strictEqual(document.text, edited);
            document.reparse();
            assert.deepStrictEqual(summary(builder.build(document.units.tree, options)), summary(new SemanticModelBuilder().build(parseUnits(parser, edited).tree, options)));
            // Every other model is released before the next build, as the linter releases its models.
            if (++built % 2) builder.release();
          }
        } finally {
          document.delete();
        }
      }),
      { numRuns: 40 },
    );
  });
});
