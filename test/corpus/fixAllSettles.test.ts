/**
 * "Fix all" must settle what it touches: on a sample of the standard library,
 * the safe fixes of the default rules create no finding the file did not
 * have (a finding they create would be left for the user, its fix unsafe or
 * absent), and fixing again changes nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { fixAll, RULES, resolveSettings, type Finding } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';
import { decodePythonSource, pythonFiles } from '../../scripts/pythonCorpus';

const STDLIB = '/usr/lib/python3.11';
const SAMPLE_EVERY = 3;

function countsByCode(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { code } of findings) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

describe('fix all on the standard library (every third file)', function () {
  this.timeout(300_000);
  it('creates no finding and is stable', async () => {
    assert.ok(fs.existsSync(STDLIB), `no standard library at ${STDLIB}`);
    const files = pythonFiles(STDLIB).filter((_, index) => index % SAMPLE_EVERY === 0);
    const settings = resolveSettings(RULES, {});
    const checker = await sharedChecker();
    const problems: string[] = [];
    let fixedFiles = 0;
    for (const file of files) {
      const text = decodePythonSource(fs.readFileSync(file));
      const check = (source: string) => checker.check({ text: source, filePath: file, settings });
      const fixed = fixAll(text, check, { unsafe: false });
      if (fixed.syntaxError || fixed.text === text) continue;
      fixedFiles++;
      const before = countsByCode(check(text).findings);
      for (const [code, count] of countsByCode(fixed.final.findings)) {
        if (count > (before.get(code) ?? 0)) problems.push(`${file}: ${count - (before.get(code) ?? 0)} new ${code} after ${[...fixed.applied.keys()].join(', ')} fixes`);
      }
      if (fixAll(fixed.text, check, { unsafe: false }).text !== fixed.text) problems.push(`${file}: fixing again changed the text`);
    }
    assert.ok(fixedFiles > 20, `only ${fixedFiles} files had safe fixes: the sample no longer exercises them`);
    assert.deepStrictEqual(problems, []);
  });
});
