/**
 * Rule fixtures: `test/fixtures/rules/<CODE>[-<case>].py`. Each expected
 * finding is marked on its line as `# error: CODE[, CODE]`, or for a line that
 * cannot hold a comment (inside a string) from the next comment line as
 * `# error@-N: CODE` (N lines above). Only the rule under test (the file name
 * prefix) is enabled, plus any settings given on a first line
 * `# config: {json UserSettings}`. Both directions are checked: every expected
 * finding is reported and nothing else is.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '@pyreview/shared-rules';
import { FIXTURES } from '../helpers/paths';
import { checkText } from '../helpers/checker';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');
const EXPECTATION = /#\s*error(?:@(-\d+))?:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)/g;

export function fixtureConfig(text: string): Record<string, unknown> {
  const first = text.split('\n', 1)[0];
  const match = /^#\s*config:\s*(\{.*\})\s*$/.exec(first);
  return match ? JSON.parse(match[1]) : {};
}

function expectations(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECTATION)) {
      const target = index + 1 + (match[1] ? Number(match[1]) : 0);
      for (const code of match[2].split(',')) expected.push(`${target}:${code.trim()}`);
    }
  });
  return expected.sort();
}

export function fixtureCode(fileName: string): string {
  return path.basename(fileName, '.py').split('-')[0];
}

describe('rule fixtures', () => {
  const files = fs.existsSync(RULE_FIXTURES) ? fs.readdirSync(RULE_FIXTURES).filter((f) => f.endsWith('.py')).sort() : [];
  it('exist', () => assert.ok(files.length > 0, 'no rule fixtures found'));
  for (const file of files) {
    it(file, async () => {
      const code = fixtureCode(file);
      assert.ok(RULES.some((rule) => rule.meta.code === code), `${file}: no rule ${code}`);
      const text = fs.readFileSync(path.join(RULE_FIXTURES, file), 'utf8');
      const config = fixtureConfig(text);
      const result = await checkText(text, { ...config, select: [code] }, file);
      assert.deepStrictEqual(result.internalErrors, [], 'a rule threw');
      const actual = result.findings.map((f) => `${result.lines.lineAt(f.start) + 1}:${f.code}`).sort();
      assert.deepStrictEqual(actual, expectations(text), `${file}: findings (line:code) differ from the inline expectations`);
    });
  }
});
