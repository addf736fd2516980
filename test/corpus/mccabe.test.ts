/**
 * C901 against Debian's python3-mccabe (a declared test dependency) on a
 * sample of the standard library; `npm run compare:mccabe` runs all of it.
 */
import * as assert from 'assert';
import {
  compareFigures,
  compareFiles,
  describeDisagreement,
  pythonFiles,
  summarize,
  type GraphFigure,
} from '../../scripts/mccabeComparison';
import { STDLIB } from '../helpers/stdlib';

/** Files with the constructs where mccabe's graph is least obvious. */
const TRICKY = ['typing.py', 'traceback.py', 'dataclasses.py', 'subprocess.py', 'os.py', 'tomllib/_parser.py', 'asyncio/__init__.py'];
const SAMPLE_EVERY = 8;

describe('C901 against mccabe 0.7', () => {
  it('gives the same graphs, lines and complexities on a sample of the standard library', async () => {
    const all = pythonFiles(STDLIB);
    const sample = [...new Set([...all.filter((_, index) => index % SAMPLE_EVERY === 0), ...TRICKY.map((file) => `${STDLIB}/${file}`)])];
    const summary = summarize(await compareFiles(sample));
    assert.deepStrictEqual(summary.unreadable.map((r) => `${r.file}: ${r.mccabeError}`), [], 'mccabe (python3-mccabe) failed on some files');
    assert.deepStrictEqual(summary.disagreements.map(describeDisagreement), []);
    assert.ok(summary.agreed > 1000, `only ${summary.agreed} graphs compared`);
  });

  describe('the comparison itself', () => {
    const figure = (label: string, line: number, complexity: number): GraphFigure => ({ label, line, complexity });

    it('flags a different number, a missing graph and an extra graph', () => {
      const result = compareFigures(
        'x.py',
        [figure('f', 1, 2), figure('g', 5, 1), figure('If 9', 9, 3)],
        [figure('f', 1, 3), figure('If 9', 9, 3), figure('h', 12, 1)],
      );
      assert.strictEqual(result.agreed, 1);
      assert.deepStrictEqual(result.disagreements.map((d) => d.label).sort(), ['f', 'g', 'h']);
    });

    it('compares only the last of several functions with one name, as mccabe keeps only that one', () => {
      const result = compareFigures('x.py', [figure('A.p', 7, 1)], [figure('A.p', 3, 4), figure('A.p', 7, 1)]);
      assert.strictEqual(result.agreed, 1);
      assert.strictEqual(result.shadowed, 1);
      assert.deepStrictEqual(result.disagreements, []);
    });
  });
});
