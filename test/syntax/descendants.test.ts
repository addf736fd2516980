/**
 * `SyntaxTree.descendantsOfType` scans records segment by segment instead of
 * walking node to node: it must find what the node-to-node walk finds, in the
 * same order, from any node, in trees whose units were updated by edits.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { DocumentUnits, PythonParser, T, type NodeId, type SyntaxTree } from '@pyreview/shared-rules';

/** The walk through `following` (what the scan replaces). */
function walked(tree: SyntaxTree, root: NodeId, types: ReadonlySet<number>): NodeId[] {
  const found: NodeId[] = [];
  for (let node = root; node !== 0; node = tree.following(node, root)) if (types.has(tree.type(node))) found.push(node);
  return found;
}

const TYPES = [
  new Set<number>([T.identifier]),
  new Set<number>([T.function_definition, T.class_definition]),
  new Set<number>([T.block, T.comment, T.decorated_definition]),
  new Set<number>([T.import_statement, T.import_from_statement, T.string]),
];

function assertSameAsWalk(tree: SyntaxTree): void {
  const roots = [tree.root, ...tree.descendantsOfType(tree.root, new Set<number>([T.class_definition, T.block, T.function_definition]))];
  for (const root of roots) {
    for (const types of TYPES) assert.deepStrictEqual(tree.descendantsOfType(root, types), walked(tree, root, types), `from ${tree.typeName(root)} at ${tree.start(root)}`);
  }
}

describe('SyntaxTree.descendantsOfType', () => {
  const parser = new PythonParser();

  it('finds what a node-to-node walk finds, before and after edits that copy some units again', () => {
    let text = fs.readFileSync('/usr/lib/python3.11/argparse.py', 'utf8');
    const units = new DocumentUnits();
    let parse = parser.parse(text);
    units.update(parse, text);
    assertSameAsWalk(units.tree);
    // Edits inside a method of a long class, at module level and in a nested class, each copying a few units.
    for (const [anchor, inserted] of [['    def _get_formatter(self):\n', '        unused = 1\n'], ['import sys as _sys\n', 'import os\n'], ['class _ActionsContainer(object):\n', '    class Inner:\n        pass\n']]) {
      const at = text.indexOf(anchor) + anchor.length;
      assert.ok(at >= anchor.length, anchor);
      const next = text.slice(0, at) + inserted + text.slice(at);
      const lines = text.slice(0, at).split('\n');
      const point = { row: lines.length - 1, column: lines[lines.length - 1].length };
      const newLines = inserted.split('\n');
      const newEndPoint = { row: point.row + newLines.length - 1, column: newLines[newLines.length - 1].length };
      parse.edit({ start: at, oldEnd: at, newEnd: at + inserted.length, startPoint: point, oldEndPoint: point, newEndPoint });
      const reparsed = parser.parse(next, parse);
      parse.delete();
      parse = reparsed;
      text = next;
      units.update(parse, text, { start: at, oldEnd: at, newEnd: at + inserted.length });
      assertSameAsWalk(units.tree);
    }
    parse.delete();
  });
});
