/** The catalog's own guarantees: what every rule must have. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '@pyreview/shared-rules';
import { FIXTURES, REPO_ROOT } from '../helpers/paths';

const RULE_SOURCES = path.join(REPO_ROOT, 'shared-rules', 'src', 'rules');

function ruleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? ruleFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

describe('rule catalog', () => {
  const sources = ruleFiles(RULE_SOURCES);
  const fixtures = fs.readdirSync(path.join(FIXTURES, 'rules'));

  it('has unique codes and names', () => {
    const codes = RULES.map((r) => r.meta.code);
    const names = RULES.map((r) => r.meta.name);
    assert.deepStrictEqual(codes.filter((c, i) => codes.indexOf(c) !== i), []);
    assert.deepStrictEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  });

  for (const rule of RULES) {
    const { code, name, docs, summary } = rule.meta;
    describe(`${code} ${name}`, () => {
      it('has a code in the flake8 form and a kebab-case name', () => {
        assert.match(code, /^[A-Z]+[0-9]+$/);
        assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(summary.length > 10, 'summary too short');
      });
      it('lives in a file named after it', () => {
        const file = sources.find((f) => path.basename(f, '.ts') === name);
        assert.ok(file, `no shared-rules/src/rules/**/${name}.ts`);
        assert.ok(fs.readFileSync(file!, 'utf8').includes(`'${code}'`), `${file} does not define ${code}`);
      });
      it('has docs with the required sections', () => {
        for (const section of ['## What it does', '## Why is this bad?', '## Example', '## Fix safety']) {
          assert.ok(docs.includes(section), `docs lack "${section}"`);
        }
      });
      it('has a fixture', () => {
        assert.ok(fixtures.some((f) => f === `${code}.py` || f.startsWith(`${code}-`)), `no test/fixtures/rules/${code}*.py`);
      });
      if (rule.meta.fix !== 'none') {
        it('has a fix fixture', () => {
          const fixFixtures = fs.readdirSync(path.join(FIXTURES, 'fixes'));
          assert.ok(fixFixtures.some((f) => f.startsWith(code)), `no test/fixtures/fixes/${code}*.py`);
        });
      }
    });
  }
});
