/**
 * Rule fixtures: `test/fixtures/rules/<CODE>[-<case>].py`. Each expected
 * finding is marked on its line as `# error: CODE[, CODE]`, or for a line that
 * cannot hold a comment (inside a string) from the next comment line as
 * `# error@-N: CODE` (N lines above). Only the rule under test (the file name
 * prefix) is enabled, plus any settings given on a first line
 * `# config: {json UserSettings}`; a fixture is checked as the file it names
 * in `# path: pkg/__init__.py` on one of its first two lines, else under its
 * own name. Both directions are checked: every expected finding is reported
 * and nothing else is.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '@pyreview/shared-rules';
import { FIXTURES } from '../helpers/paths';
import { checkText } from '../helpers/checker';
import { expectations } from '../helpers/expectations';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');

/** The path a fixture is checked as: its name, or `# path: pkg/__init__.py` on one of its first two lines. */
export function fixturePath(text: string, fileName: string): string {
  const match = /^#\s*path:\s*(\S+)\s*$/m.exec(text.split('\n', 2).join('\n'));
  return match ? match[1] : fileName;
}

export function fixtureConfig(text: string): Record<string, unknown> {
  const first = text.split('\n', 1)[0];
  const match = /^#\s*config:\s*(\{.*\})\s*$/.exec(first);
  return match ? JSON.parse(match[1]) : {};
}

export function fixtureCode(fileName: string): string {
  return path.basename(fileName, '.py').split('-')[0];
}

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
    });
  }
});
