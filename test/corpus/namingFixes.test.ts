/**
 * Every naming rename fix, safe and unsafe, applied to a copy of a sample of
 * the standard library: each fixed file still compiles, the fixes remove
 * exactly the findings that had one, and the other rules' findings (the
 * pyflakes family among them, which would notice a use resolving elsewhere)
 * stay the same, names and numbers left out.
 */
import { RULES, resolveSettings, type Finding } from '@pyreview/shared-rules';
import { checkFamilyFixesOnStdlib } from '../helpers/stdlibFixes';

const RENAMED = new Set(['N802', 'N803', 'N806', 'N815', 'N816']);

/** `code message` with quoted names and numbers left out (a renamed name appears in other rules' messages). */
function signature(findings: readonly Finding[], keep: (finding: Finding) => boolean): string[] {
  return findings.filter(keep).map((f) => `${f.code} ${f.message.replace(/'[^']*'|`[^`]*`/g, 'NAME').replace(/\d+/g, 'N')}`).sort();
}

describe('naming rename fixes on the standard library (sample)', function () {
  this.timeout(180_000);
  it('leave every file compiling and change only the findings they fix', () =>
    checkFamilyFixesOnStdlib({
      sampleEvery: 6,
      settings: resolveSettings(RULES, { extendSelect: ['N8'] }),
      codes: RENAMED,
      family: 'naming',
      signature,
      worthFixing: (findings) => findings.some((f) => RENAMED.has(f.code) && f.fix),
      minFiles: 20,
      minApplied: 200,
    }));
});
