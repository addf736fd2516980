/**
 * The semantic model built incrementally (unit copies and function memos
 * reused across edits) must equal a model built from scratch, whatever the
 * edits: random line insertions and deletions in real standard library code.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import { parseUnits, PythonParser, SemanticModelBuilder, type NodeId, type SemanticModel } from '@pyreview/shared-rules';
import { differingSpan } from 'pyreview-server/out/documents';
import { EditedText } from '../helpers/editedText';

const FILES = ['/usr/lib/python3.11/shlex.py', '/usr/lib/python3.11/fnmatch.py', '/usr/lib/python3.11/glob.py'];

/** Lines that add, remove or shadow names at module level, in classes and in functions. */
const SNIPPETS = [
  'import os\n', 'import re as shlex_re\n', 'from os import path\n', 'sys = None\n', 'del os\n',
  'def split(s):\n    return undefined_name\n', 'class Extra:\n    def method(self, unused):\n        return os\n',
  '    global counter\n', '        nonlocal value\n', '    value = 1\n', '    return re\n', '__all__ = ["split", "nothing"]\n',
  'from collections import *\n', '    print(escape, translate)\n', 'x = [y for y in range(3)]\n',
];

function summary(model: SemanticModel): string[] {
  const { tree } = model;
  const at = (node: NodeId | undefined) => (node ? tree.start(node) : 'none');
  const messages = model.messages.map((m) => {
    const node = 'node' in m ? m.node : m.binding.nameNode || m.binding.source;
    const original = 'original' in m ? at(m.original.source) : '';
    return `${m.kind}:${'name' in m ? m.name : ''}@${at(node)}:${original}`;
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

  /** Builds `text`, then each replacement in turn (first occurrence), comparing every build with a fresh one. */
  function rebuilds(text: string, steps: ReadonlyArray<readonly [string, string]>): void {
    const parser = new PythonParser();
    const options = { targetVersion: [3, 11] as const, filePath: 'module.py' };
    const document = new EditedText(parser, text);
    const builder = new SemanticModelBuilder();
    try {
      builder.build(document.units.tree, options);
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
      }
    } finally {
      document.delete();
    }
  }

  it('replays functions declaring names global or nonlocal as a fresh build finds them', () => {
    const text = [
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
    rebuilds(text, [
      ['return cache, held, value', 'return cache, held'],
      ['counter = 0', 'counter = 1'],
      ['print(cache, undefined_first)', 'print(cache)'],
      ['counter = 1', 'import counter'],
      ['return cache, held', 'return held'],
      ['def reader(self):', 'def reader2(self):'],
      ['import counter', 'cache = None'],
    ]);
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
          }
        } finally {
          document.delete();
        }
      }),
      { numRuns: 40 },
    );
  });
});
