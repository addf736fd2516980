import * as assert from 'assert';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

// The benchmark is plain JavaScript run by node; its corpus must be what RESULTS.md says it is.
const corpus = require(path.join(REPO_ROOT, 'bench', 'corpus.js')) as {
  stdlibFiles(): Array<{ path: string; lines: number }>;
  concatenatedSource(files: Array<{ path: string; lines: number }>, target: number): { text: string; lines: number; sources: string[] };
  editSiteInMiddleFunction(text: string, lines: number): { name: string; line: number; column: number };
  countLines(text: string): number;
};
const { percentile } = require(path.join(REPO_ROOT, 'bench', 'stats.js')) as { percentile(values: number[], p: number): number };

describe('benchmark corpus', () => {
  const files = corpus.stdlibFiles();

  it('lists library modules only, in the same order every time', () => {
    assert.ok(files.length > 500, `only ${files.length} files`);
    assert.ok(files.every((f) => f.path.endsWith('.py') && !/\/(test|tests|idle_test)\//.test(f.path)));
    assert.deepStrictEqual(corpus.stdlibFiles(), files);
  });

  for (const target of [1000, 5000, 20000]) {
    it(`builds a ${target}-line file within 5 %, the same every time, without __future__ imports`, () => {
      const built = corpus.concatenatedSource(files, target);
      assert.ok(Math.abs(built.lines - target) <= target * 0.05, `${built.lines} lines`);
      assert.strictEqual(corpus.countLines(built.text), built.lines);
      assert.ok(!/^from __future__ import/m.test(built.text));
      assert.strictEqual(corpus.concatenatedSource(files, target).text, built.text);
    });
  }

  it('types inside a function body near the middle of the file', () => {
    const built = corpus.concatenatedSource(files, 5000);
    const site = corpus.editSiteInMiddleFunction(built.text, built.lines);
    const line = built.text.split('\n')[site.line - 1];
    assert.ok(site.column > 0 && line.slice(0, site.column).trim() === '', `line ${site.line}: ${line}`);
    assert.ok(Math.abs(site.line - built.lines / 2) < built.lines / 4, `line ${site.line} of ${built.lines}`);
  });

  it('takes nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    assert.strictEqual(percentile(values, 50), 5);
    assert.strictEqual(percentile(values, 95), 10);
    assert.strictEqual(percentile([7], 95), 7);
  });
});
