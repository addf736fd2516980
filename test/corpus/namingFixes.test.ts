/**
 * Every naming rename fix, safe and unsafe, applied to a copy of a sample of
 * the standard library: each fixed file still compiles, the fixes remove
 * exactly the findings that had one, and the other rules' findings (the
 * pyflakes family among them, which would notice a use resolving elsewhere)
 * stay the same, names and numbers left out.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixAll, RULES, resolveSettings, type Finding } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';
import { CompiledCopies } from '../helpers/compiledCopies';
import { decodePythonSource, pythonFiles } from '../../scripts/pythonCorpus';

const STDLIB = '/usr/lib/python3.11';
const SAMPLE_EVERY = 6;
const RENAMED = new Set(['N802', 'N803', 'N806', 'N815', 'N816']);

/** `code message` with quoted names and numbers left out (a renamed name appears in other rules' messages). */
function signature(findings: readonly Finding[], keep: (finding: Finding) => boolean): string[] {
  return findings.filter(keep).map((f) => `${f.code} ${f.message.replace(/'[^']*'|`[^`]*`/g, 'NAME').replace(/\d+/g, 'N')}`).sort();
}

describe('naming rename fixes on the standard library (sample)', function () {
  this.timeout(180_000);
  it('leave every file compiling and change only the findings they fix', async function () {
    assert.ok(fs.existsSync(STDLIB), `no standard library at ${STDLIB}`);
    const files = pythonFiles(STDLIB).filter((_, index) => index % SAMPLE_EVERY === 0);
    const checker = await sharedChecker();
    const settings = resolveSettings(RULES, { extendSelect: ['N8'] });
    const copies = new CompiledCopies();
    const problems: string[] = [];
    let applied = 0;
    try {
      for (const file of files) {
        const text = decodePythonSource(fs.readFileSync(file));
        const check = (source: string) => checker.check({ text: source, filePath: file, relativePath: path.relative(STDLIB, file), settings });
        const before = check(text);
        if (before.hasSyntaxError || !before.findings.some((f) => RENAMED.has(f.code) && f.fix)) continue;
        const fixed = fixAll(text, check, { unsafe: true, codes: RENAMED });
        for (const count of fixed.applied.values()) applied += count;
        const after = fixed.final.findings;
        const other = (f: Finding) => !RENAMED.has(f.code);
        if (JSON.stringify(signature(after, other)) !== JSON.stringify(signature(before.findings, other))) {
          problems.push(`${file}: other rules' findings changed`);
        }
        const unfixable = (f: Finding) => RENAMED.has(f.code) && !f.fix;
        if (JSON.stringify(signature(after, (f) => RENAMED.has(f.code))) !== JSON.stringify(signature(before.findings, unfixable))) {
          problems.push(`${file}: the remaining naming findings are not exactly those without a fix`);
        }
        copies.add(file, fixed.text);
      }
      problems.push(...copies.compileErrors());
      assert.ok(copies.count > 20, `only ${copies.count} files fixed`);
      assert.ok(applied > 200, `only ${applied} fixes applied: the sample no longer exercises the fixes`);
    } finally {
      copies.remove();
    }
    assert.deepStrictEqual(problems, []);
  });
});
