/**
 * Every ANN and D fix, safe and unsafe, applied to a copy of a sample of the
 * standard library: each fixed file still compiles (`python3 -m py_compile`),
 * the fixes remove exactly the findings that had one, and the other rules'
 * findings stay the same.
 */
import { RULES, resolveSettings, type Finding } from '@pyreview/shared-rules';
import { checkFamilyFixesOnStdlib } from '../helpers/stdlibFixes';

const FAMILY = /^(ANN|D)\d/;

/**
 * Findings as a sorted list of `code message`, numbers left out: line numbers
 * in messages move when fixes insert lines, and statement counts (PLR0915)
 * include a new docstring, as Ruff and pylint count it.
 */
function signature(findings: readonly Finding[], keep: (finding: Finding) => boolean): string[] {
  return findings.filter(keep).map((f) => `${f.code} ${f.message.replace(/\d+/g, 'N')}`).sort();
}

describe('ANN and D fixes on the standard library (sample)', function () {
  this.timeout(120_000);
  it('leave every file compiling and change only the findings they fix', () =>
    checkFamilyFixesOnStdlib({
      sampleEvery: 8,
      settings: resolveSettings(RULES, { extendSelect: ['ANN', 'D1', 'D419'] }),
      codes: new Set(RULES.map((r) => r.meta.code).filter((code) => FAMILY.test(code))),
      family: 'ANN/D',
      signature,
      minFiles: 40,
      minApplied: 1000,
    }));
});
