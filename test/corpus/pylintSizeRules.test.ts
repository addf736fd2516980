/**
 * PLR0912, PLR0913 and PLR0915 against Ruff on a sample of the standard
 * library; `npm run compare:ruff-limits` runs all of it.
 */
import * as assert from 'assert';
import { pythonFiles } from '../../scripts/pythonCorpus';
import { compareWithRuff } from '../../scripts/ruffLimitsComparison';
import { STDLIB } from '../helpers/stdlib';

const SAMPLE_EVERY = 6;

describe('PLR0912, PLR0913, PLR0915 against Ruff', () => {
  it('report the same functions with the same counts on a sample of the standard library', async () => {
    const files = pythonFiles(STDLIB).filter((_, index) => index % SAMPLE_EVERY === 0);
    const { agreed, differences } = await compareWithRuff(files);
    assert.deepStrictEqual(differences, []);
    assert.ok(agreed > 1000, `only ${agreed} findings compared`);
  });
});
