/**
 * A statement copied again after an edit takes the room of its old copy:
 * a file that is mostly one large statement (a data literal) must not
 * allocate a new record array at each keystroke, nor at each settle, and
 * the tree must stay what a fresh parse gives.
 */
import * as assert from 'assert';
import { parseUnits, PythonParser } from '@pyreview/shared-rules';
import { EditedText } from '../helpers/editedText';
import { describeTree, wrongParents } from '../helpers/syntaxDump';

describe('record space of an edited document', () => {
  const parser = new PythonParser();

  it("copies a large statement again into its old copy's room", () => {
    const entries = Array.from({ length: 2000 }, (_, i) => `    "key_${i}": "value ${i}",\n`).join('');
    const document = new EditedText(parser, `import os\n\n\nclass A:\n    x = 1\n\n\ndata = {\n${entries}}\n\ny = 2\n`);
    try {
      const at = document.text.indexOf('"key_1000"') + 1;
      const capacities: number[] = [];
      for (let i = 0; i < 6; i++) {
        // Every other keystroke breaks the statement, so that its copy's size changes.
        document.edit(at, at, i % 2 ? '"' : 'x');
        document.reparse();
        if (i % 3 === 2) document.settle();
        capacities.push(document.units.tree.size.capacity);
        assert.deepStrictEqual(describeTree(document.units.tree), describeTree(parseUnits(parser, document.text).tree));
      }
      assert.deepStrictEqual(capacities.slice(1), capacities.slice(1).map(() => capacities[0]), `capacities ${capacities.join(', ')}`);
    } finally {
      document.delete();
    }
  });

  it('keeps the parents of the statements outside an edit when making room moves their records', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => `    "key_${i}": "value ${i}",\n`).join('');
    const classes = Array.from({ length: 20 }, (_, i) => `class C${i}:\n    def f(self):\n        return ${i}\n\n\n`).join('');
    const document = new EditedText(parser, `${classes}data = {\n${entries}}\n\n\n${classes}`);
    try {
      const at = document.text.indexOf('    "key_1000"');
      const compactions = document.units.tree.compactions;
      for (let i = 0; i < 12; i++) {
        // Each edit adds an entry to the dict: its copy needs more room than its old copy left.
        document.edit(at, at, `    ${i}: ${i},\n`);
        document.reparse();
        assert.deepStrictEqual(wrongParents(document.units.tree), [], `after keystroke ${i + 1}`);
      }
      assert.ok(document.units.tree.compactions > compactions, 'no keystroke made room by compacting');
    } finally {
      document.delete();
    }
  });
});
