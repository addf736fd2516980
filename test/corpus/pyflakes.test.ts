/**
 * Precision against flake8's pyflakes plugin on a slice of the standard
 * library (the full run is `npm run compare:pyflakes`): each target code must
 * agree on at least 99.5% of the union of both tools' findings, the
 * differences documented in docs/pyflakes-differences.md set aside.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CORPUS_SLICE, STDLIB } from '../helpers/stdlib';
import { REPO_ROOT } from '../helpers/paths';

interface Agreement {
  agreed: number;
  onlyPyreview: unknown[];
  onlyReference: unknown[];
}
interface Comparison {
  TARGET_CODES: string[];
  runFlake8(files: readonly string[]): { findings: Array<{ file: string }>; unparsable: Set<string> };
  runPyreview(files: readonly string[], skip: ReadonlySet<string>): unknown[];
  compareFindings(ours: readonly unknown[], theirs: readonly unknown[]): Map<string, Agreement>;
  withoutDocumented(byCode: Map<string, Agreement>): Map<string, Agreement>;
}

describe('pyflakes agreement on the standard library (slice)', function () {
  this.timeout(180_000);
  it('reaches 99.5% for F401, F821, F822, F823 and F841', function () {
    assert.ok(CORPUS_SLICE.length > 30, `no standard library at ${STDLIB}`);
    assert.strictEqual(spawnSync('flake8', ['--version']).status, 0, 'flake8 is not installed');
    const comparison = require(path.join(REPO_ROOT, 'out', 'scripts', 'pyflakesComparison.js')) as Comparison;
    const reference = comparison.runFlake8(CORPUS_SLICE);
    const ours = comparison.runPyreview(CORPUS_SLICE, reference.unparsable);
    const raw = comparison.compareFindings(ours, reference.findings.filter((f) => !reference.unparsable.has(f.file)));
    // Differences documented in docs/pyflakes-differences.md count as agreement.
    const byCode = comparison.withoutDocumented(raw);
    for (const code of comparison.TARGET_CODES) {
      const { agreed, onlyPyreview, onlyReference } = byCode.get(code)!;
      const union = agreed + onlyPyreview.length + onlyReference.length;
      const percent = union ? (100 * agreed) / union : 100;
      assert.ok(percent >= 99.5, `${code}: ${percent.toFixed(2)}% (${JSON.stringify({ onlyPyreview, onlyReference })})`);
    }
    const total = [...byCode.values()].reduce((sum, a) => sum + a.agreed, 0);
    assert.ok(total > 100, `only ${total} findings agreed: the slice no longer exercises the rules`);
  });
});
