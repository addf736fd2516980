/**
 * The safe fixes of the pyflakes family on a copy of a standard library
 * slice: every fixed file still compiles (`python3 -m py_compile`), fixing
 * again changes nothing, and no undefined name appears.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { fixAll, RULES, resolveSettings } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';
import { CompiledCopies } from '../helpers/compiledCopies';
import { CORPUS_SLICE } from '../helpers/stdlib';

const CODES = ['F401', 'F811', 'F821', 'F822', 'F823', 'F841', 'F403', 'F405'];

function undefinedNames(findings: ReadonlyArray<{ code: string; message: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.code === 'F821') counts.set(f.message, (counts.get(f.message) ?? 0) + 1);
  return counts;
}

describe('pyflakes safe fixes on the standard library (slice)', function () {
  this.timeout(180_000);
  it('keep every file compiling, are stable and add no undefined name', () => {
    assert.ok(CORPUS_SLICE.length > 30);
    const settings = resolveSettings(RULES, { select: CODES, targetVersion: '3.11' });
    const checker = sharedChecker();
    const copies = new CompiledCopies();
    try {
      let fixedFiles = 0;
      for (const file of CORPUS_SLICE) {
        const text = fs.readFileSync(file, 'utf8');
        const check = (source: string) => checker.check({ text: source, filePath: file, settings });
        const before = check(text);
        const fixed = fixAll(text, check, { unsafe: false, codes: new Set(CODES) });
        if (fixed.text === text) continue;
        fixedFiles++;
        assert.strictEqual(fixAll(fixed.text, check, { unsafe: false }).text, fixed.text, `${file}: a second pass changed the text`);
        const beforeNames = undefinedNames(before.findings);
        for (const [message, count] of undefinedNames(fixed.final.findings)) {
          assert.ok(count <= (beforeNames.get(message) ?? 0), `${file}: new ${message}`);
        }
        copies.add(file, fixed.text);
      }
      assert.ok(fixedFiles > 5, `only ${fixedFiles} files had safe fixes`);
      assert.deepStrictEqual(copies.compileErrors(), []);
    } finally {
      copies.remove();
    }
  });
});
