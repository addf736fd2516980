/**
 * Fix fixtures: `test/fixtures/fixes/<CODE>[-<case>].py` with the expected
 * result beside it as `<same name>.fixed.py`. Every fix of the rule, safe and
 * unsafe, is applied until stable; the result must equal the expected file,
 * parse without errors, and not change when fixed again.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixAll, RULES, resolveSettings } from '@pyreview/shared-rules';
import { FIXTURES } from '../helpers/paths';
import { sharedChecker } from '../helpers/checker';
import { fixtureCode, fixtureConfig, fixturePath } from '../helpers/fixtures';

const FIX_FIXTURES = path.join(FIXTURES, 'fixes');

describe('fix fixtures', () => {
  const files = fs.existsSync(FIX_FIXTURES)
    ? fs.readdirSync(FIX_FIXTURES).filter((f) => f.endsWith('.py') && !f.endsWith('.fixed.py')).sort()
    : [];
  it('exist', () => assert.ok(files.length > 0, 'no fix fixtures found'));
  for (const file of files) {
    it(file, () => {
      const code = fixtureCode(file);
      const before = fs.readFileSync(path.join(FIX_FIXTURES, file), 'utf8');
      const expectedFile = path.join(FIX_FIXTURES, file.replace(/\.py$/, '.fixed.py'));
      assert.ok(fs.existsSync(expectedFile), `${file}: missing ${path.basename(expectedFile)}`);
      const settings = resolveSettings(RULES, { ...fixtureConfig(before), select: [code] });
      const checker = sharedChecker();
      const check = (text: string) => checker.check({ text, filePath: fixturePath(before, file), settings });
      const options = { unsafe: true, codes: new Set([code]) };
      const fixed = fixAll(before, check, options);
      assert.ok((fixed.applied.get(code) ?? 0) > 0, `${file}: no ${code} fix was applied`);
      assert.strictEqual(fixed.text, fs.readFileSync(expectedFile, 'utf8'));
      assert.strictEqual(fixed.final.hasSyntaxError, false, 'the fixed text has syntax errors');
      assert.strictEqual(fixAll(fixed.text, check, options).text, fixed.text, 'fixing again changed the text');
    });
  }
});
