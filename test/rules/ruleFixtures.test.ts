/**
 * Rule fixtures: `test/fixtures/rules/<CODE>[-<case>].py`. Each expected
 * finding is marked on its line as `# error: CODE[, CODE]`, or for a line that
 * cannot hold a comment (inside a string) from the next comment line as
 * `# error@-N: CODE` (N lines above). Only the rule under test (the file name
 * prefix) is enabled, plus any settings given on a first line
 * `# config: {json UserSettings}`; a fixture is checked as the file it names
 * in `# path: pkg/__init__.py` on one of its first two lines, else under its
 * own name. Both directions are checked: every expected finding is reported
 * and nothing else is. The message, column and fixes of each finding are
 * compared with the fixture's snapshot, `<fixture>.py.snap`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '@pyreview/shared-rules';
import { FIXTURES } from '../helpers/paths';
import { checkText } from '../helpers/checker';
import { assertSnapshot, describeFindings, expectations, fixtureCode, fixtureConfig, fixturePath } from '../helpers/fixtures';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');

describe('rule fixtures', () => {
  const files = fs.existsSync(RULE_FIXTURES) ? fs.readdirSync(RULE_FIXTURES).filter((f) => f.endsWith('.py')).sort() : [];
  it('exist', () => assert.ok(files.length > 0, 'no rule fixtures found'));
  for (const file of files) {
    it(file, () => {
      const code = fixtureCode(file);
      assert.ok(RULES.some((rule) => rule.meta.code === code), `${file}: no rule ${code}`);
      const text = fs.readFileSync(path.join(RULE_FIXTURES, file), 'utf8');
      const config = fixtureConfig(text);
      const result = checkText(text, { ...config, select: [code] }, fixturePath(text, file));
      assert.deepStrictEqual(result.internalErrors, [], 'a rule threw');
      const actual = result.findings.map((f) => `${result.lines.lineAt(f.start) + 1}:${f.code}`).sort();
      assert.deepStrictEqual(actual, expectations(text), `${file}: findings (line:code) differ from the inline expectations`);
      assertSnapshot(path.join(RULE_FIXTURES, file), describeFindings(result));
    });
  }
});
