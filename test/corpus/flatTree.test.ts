import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { coverRange, DocumentUnits, parseUnits, PythonParser, type DirtyRegion } from '@pyreview/shared-rules';
import { describeTree } from '../helpers/syntaxDump';
import { STDLIB } from '../helpers/stdlib';

/**
 * The flat tree the rules read is checked node for node against the parse
 * of the published web-tree-sitter runtime and grammar, read through its
 * public cursor: type, field, extent and flags, in document order. Both
 * parse the text with the same grammar; the flat copy must lose nothing.
 */

function pythonFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory() && entry.name !== '__pycache__') visit(full);
      else if (entry.isFile() && entry.name.endsWith('.py')) files.push(full);
    }
  };
  visit(root);
  return files;
}

/** What is compared of each node, as `describeTree` writes it: type, field, start, end and flags. */
function describeReference(tree: Tree): string[] {
  const lines: string[] = [];
  const cursor = tree.walk();
  for (;;) {
    const node = cursor.currentNode;
    lines.push(`${node.type} ${cursor.currentFieldName ?? ''} ${node.startIndex} ${node.endIndex} ${+node.isNamed}${+node.isMissing}${+node.isExtra}${+node.hasError}`);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return lines;
      }
    }
  }
}

function firstDifference(expected: string[], actual: string[]): string | undefined {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (expected[i] !== actual[i]) return `node ${i}: expected ${expected[i]}, got ${actual[i]}`;
  }
  return undefined;
}

describe('flat syntax tree', function () {
  let reference: Parser;
  const ours = new PythonParser();

  before(async () => {
    await Parser.init();
    reference = new Parser();
    reference.setLanguage(await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
  });

  const sameAsReference = (text: string, label: string): void => {
    const tree = reference.parse(text)!;
    try {
      const difference = firstDifference(describeReference(tree), describeTree(parseUnits(ours, text).tree));
      assert.strictEqual(difference, undefined, `${label}: ${difference}`);
    } finally {
      tree.delete();
    }
  };

  it('copies every node of every standard-library module as the published parser reads it', function () {
    this.timeout(600_000);
    const files = pythonFiles(STDLIB);
    assert.ok(files.length > 600, `expected the standard library in ${STDLIB}`);
    for (const file of files) sameAsReference(fs.readFileSync(file, 'latin1'), file);
  });

  it('copies broken code, odd characters and line endings as the published parser reads them', () => {
    const samples = [
      'def f(:\n    return (1,\n',
      'x = "unterminated\nclass A:\n    def m(self\n        pass\n',
      'if x:\n  a\n    b\n c\n',
      'é = "😀"; 中 = é\n',
      'x = 1\r\ny = 2\r\n',
      'print "python 2"\nexec "code"\n',
      'def f[T = int](): pass\n',
      '',
      '\n\n# only a comment',
      'class A:\n    # comment\n    x = 1\n    # trailing\n\n# after\n',
    ];
    samples.forEach((text, i) => sameAsReference(text, `sample ${i}`));
  });

  it('keeps the copies of unchanged statements through edits, and equals a fresh copy after each', () => {
    const units = new DocumentUnits();
    let text = 'import os\n\nclass A:\n    def m(self):\n        return os\n\n    def n(self):\n        return 2\n\nx = 1\n';
    let parse = ours.parse(text);
    units.update(parse, text);
    const edit = (at: number, removed: number, inserted: string): void => {
      const next = text.slice(0, at) + inserted + text.slice(at + removed);
      const point = (offset: number, source: string) => {
        const before = source.slice(0, offset).split('\n');
        return { row: before.length - 1, column: before[before.length - 1].length };
      };
      parse.edit({
        start: at, oldEnd: at + removed, newEnd: at + inserted.length,
        startPoint: point(at, text), oldEndPoint: point(at + removed, text), newEndPoint: point(at + inserted.length, next),
      });
      const reparsed = ours.parse(next, parse);
      let region: DirtyRegion = { start: at, oldEnd: at + removed, newEnd: at + inserted.length };
      for (const range of parse.changedRanges(reparsed)) region = coverRange(region, range.start, range.end);
      parse.delete();
      parse = reparsed;
      text = next;
      units.update(parse, text, region);
    };
    edit(text.indexOf('return 2'), 'return 2'.length, 'return 3');
    // The edited method is copied again, and its class's header (the class with its body left out); nothing else.
    assert.strictEqual(units.lastStats.copied, 2);
    assert.deepStrictEqual(describeTree(units.tree), describeTree(parseUnits(ours, text).tree));
    edit(0, 0, '# header\n');
    assert.deepStrictEqual(describeTree(units.tree), describeTree(parseUnits(ours, text).tree));
    parse.delete();
  });
});
