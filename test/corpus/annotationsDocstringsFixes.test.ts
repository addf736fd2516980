/**
 * Every ANN and D fix, safe and unsafe, applied to a copy of a sample of the
 * standard library: each fixed file still compiles (`python3 -m py_compile`),
 * the fixes remove exactly the findings that had one, and the other rules'
 * findings stay the same.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixAll, RULES, resolveSettings, type Finding } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';
import { CompiledCopies } from '../helpers/compiledCopies';
import { decodePythonSource, pythonFiles } from '../../scripts/pythonCorpus';

const STDLIB = '/usr/lib/python3.11';
const SAMPLE_EVERY = 8;
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
  it('leave every file compiling and change only the findings they fix', async function () {
    assert.ok(fs.existsSync(STDLIB), `no standard library at ${STDLIB}`);
    const files = pythonFiles(STDLIB).filter((_, index) => index % SAMPLE_EVERY === 0);
    const checker = await sharedChecker();
    const settings = resolveSettings(RULES, { extendSelect: ['ANN', 'D1', 'D419'] });
    const familyCodes = new Set(RULES.map((r) => r.meta.code).filter((code) => FAMILY.test(code)));
    const copies = new CompiledCopies();
    const problems: string[] = [];
    let applied = 0;
    try {
      for (const file of files) {
        const text = decodePythonSource(fs.readFileSync(file));
        const check = (source: string) => checker.check({ text: source, filePath: file, relativePath: path.relative(STDLIB, file), settings });
        const before = check(text);
        if (before.hasSyntaxError) continue;
        const fixed = fixAll(text, check, { unsafe: true, codes: familyCodes });
        for (const count of fixed.applied.values()) applied += count;
        const after = fixed.final.findings;
        const other = (f: Finding) => !familyCodes.has(f.code);
        const unfixable = (f: Finding) => familyCodes.has(f.code) && !f.fix;
        if (JSON.stringify(signature(after, other)) !== JSON.stringify(signature(before.findings, other))) {
          problems.push(`${file}: other rules' findings changed`);
        }
        if (JSON.stringify(signature(after, (f) => familyCodes.has(f.code))) !== JSON.stringify(signature(before.findings, unfixable))) {
          problems.push(`${file}: the remaining ANN/D findings are not exactly those without a fix`);
        }
        copies.add(file, fixed.text);
      }
      problems.push(...copies.compileErrors());
      assert.ok(copies.count > 40, `only ${copies.count} files checked`);
      assert.ok(applied > 1000, `only ${applied} fixes applied: the sample no longer exercises the fixes`);
    } finally {
      copies.remove();
    }
    assert.deepStrictEqual(problems, []);
  });
});
