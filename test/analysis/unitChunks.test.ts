/**
 * The linter's chunks of module-level units, kept in step with the changes
 * `DocumentUnits` reports, must hold the units as they are after any edits,
 * and keep what was computed only for chunks none of whose units changed.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { extendDirtyRegion, PythonParser, type DirtyRegion, type NodeId, type SyntaxTree, type Unit } from '@pyreview/shared-rules';
import { UnitChunks } from '@pyreview/shared-rules/out/analysis/unitChunks';
import { EditedText } from '../helpers/editedText';
import { describeTree } from '../helpers/syntaxDump';

/** A stand-in unit: the chunks only keep and slice them. */
function unit(id: number): Unit {
  return { id } as unknown as Unit;
}

/** The module's statements from the last, by the links back (what `describeTree` does not follow). */
function backwards(tree: SyntaxTree): string[] {
  const statements: string[] = [];
  for (let node = tree.lastChild(tree.root); node; node = tree.previousSibling(node)) statements.push(`${tree.start(node)}-${tree.end(node)}`);
  return statements;
}

const spliceArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 300 }), insert: fc.nat({ max: 300 }) });

describe('unit chunks', () => {
  it('hold the units after any changes, and keep the state of the chunks no change reached', () => {
    fc.assert(
      fc.property(fc.nat({ max: 3000 }), fc.array(fc.array(spliceArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (initial, syncs) => {
        let next = 0;
        const units = Array.from({ length: initial }, () => unit(next++));
        const chunks = new UnitChunks<{ units: readonly Unit[] }>();
        chunks.sync(units, 'all');
        for (const splices of syncs) {
          for (const chunk of chunks.chunks) chunk.state ??= { units: [...chunk.units] };
          const fresh = new Set<Unit>();
          let change: DirtyRegion | undefined;
          for (const { at, remove, insert } of splices) {
            const start = at % (units.length + 1);
            const removed = Math.min(remove, units.length - start);
            const inserted = Array.from({ length: insert }, () => unit(next++));
            for (const added of inserted) fresh.add(added);
            units.splice(start, removed, ...inserted);
            change = extendDirtyRegion(change, { start, oldEnd: start + removed, newEnd: start + insert });
          }
          chunks.sync(units, change);
          assert.deepStrictEqual(chunks.chunks.flatMap((chunk) => chunk.units), units);
          for (const chunk of chunks.chunks) {
            assert.ok(chunk.units.length > 0 && chunk.units.length <= 512, `a chunk of ${chunk.units.length} units`);
            if (chunk.state) {
              assert.deepStrictEqual(chunk.state.units, chunk.units, 'a chunk kept holds the units it held');
              assert.ok(!chunk.units.some((held) => fresh.has(held)), 'a chunk holding a new unit is made again');
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('document units updated in a range', () => {
  const parser = new PythonParser();
  const SNIPPETS = ['x', '\n', '(', ')', ':', '"""', '    ', 'class A:\n    def f(self):\n        pass\n', '# c\n', 'import os\n', 'def g():\n'];
  const editArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.constantFrom(...SNIPPETS) });
  const source = Array.from({ length: 60 }, (_, i) => (i % 10 === 5 ? `class C${i}:\n    a = 1\n\n    def f(self):\n        return 1\n` : `x${i} = ${i}\n`)).join('');

  it('leave outside the range they report the units that were there, their findings kept, and hold and link the copies a fresh read does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (bursts) => {
        const document = new EditedText(parser, source);
        try {
          const { units } = document;
          units.takeModuleChange();
          for (const edits of bursts) {
            const previous = [...units.current];
            for (const unit of previous) unit.found ??= { findings: [], multilineStrings: [], bindings: [] };
            for (const { at, remove, insert } of edits) {
              const start = at % (document.text.length + 1);
              document.edit(start, Math.min(document.text.length, start + remove), insert);
            }
            document.reparse();
            // Only the units of the range are freed and linked again: the tree is still a fresh one's, and nothing more.
            const fresh = document.freshUnits();
            assert.deepStrictEqual(describeTree(units.tree), describeTree(fresh.tree));
            assert.deepStrictEqual(backwards(units.tree), backwards(fresh.tree));
            assert.strictEqual(units.tree.size.live, fresh.tree.size.live, 'every copy no unit holds is freed');
            assert.strictEqual(units.lastStats.units, fresh.lastStats.units);
            const change = units.takeModuleChange();
            assert.notStrictEqual(change, undefined, 'an edit changes something');
            if (change === 'all' || change === undefined) continue;
            const current = units.current;
            assert.strictEqual(current.length - change.newEnd, previous.length - change.oldEnd);
            for (let i = 0; i < change.start; i++) assert.strictEqual(current[i], previous[i]);
            for (let i = change.newEnd, j = change.oldEnd; i < current.length; i++, j++) {
              assert.strictEqual(current[i], previous[j]);
              // Units with syntax errors are copied again, without their findings, wherever they are.
              assert.ok(current[i].found || units.tree.hasError(current[i].segment.first as NodeId), 'a unit after the range keeps its findings');
            }
          }
        } finally {
          document.delete();
        }
      }),
      { numRuns: 150 },
    );
  });
});
