/**
 * The safe fixes of the pyflakes family on a copy of a standard library
 * slice: every fixed file still compiles (`python3 -m py_compile`), fixing
 * again changes nothing, and no undefined name appears.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixAll, RULES, resolveSettings } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';
import { CORPUS_SLICE } from './pyflakes.test';

const CODES = ['F401', 'F811', 'F821', 'F822', 'F823', 'F841', 'F403', 'F405'];

function undefinedNames(findings: ReadonlyArray<{ code: string; message: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.code === 'F821') counts.set(f.message, (counts.get(f.message) ?? 0) + 1);
  return counts;
}

describe('pyflakes safe fixes on the standard library (slice)', function () {
  this.timeout(180_000);
  it('keep every file compiling, are stable and add no undefined name', async () => {
    assert.ok(CORPUS_SLICE.length > 30);
    const settings = resolveSettings(RULES, { select: CODES, targetVersion: '3.11' });
    const checker = await sharedChecker();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-fixes-'));
    try {
      let fixedFiles = 0;
      const written: string[] = [];
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
        const target = path.join(directory, path.basename(file));
        fs.writeFileSync(target, fixed.text);
        written.push(target);
      }
      assert.ok(fixedFiles > 5, `only ${fixedFiles} files had safe fixes`);
      const compile = spawnSync('python3', ['-m', 'py_compile', ...written], { encoding: 'utf8' });
      assert.strictEqual(compile.status, 0, compile.stderr);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
