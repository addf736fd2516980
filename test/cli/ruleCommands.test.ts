import * as assert from 'assert';
import { RULES } from '@pyreview/shared-rules';
import { TempProject } from './cliHarness';

describe('pyreview rule / rules', () => {
  let project: TempProject;
  before(() => {
    project = new TempProject();
  });
  after(() => project.cleanup());

  it("`rule CODE` prints the rule's documentation (any case)", () => {
    const run = project.run('rule', 'e722');
    assert.strictEqual(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.strictEqual(lines[0], '# E722 bare-except');
    for (const section of ['## What it does', '## Why is this bad?', '## Example', '## Fix safety']) {
      assert.ok(run.stdout.includes(section), section);
    }
    assert.match(run.stdout, /Default severity \| warning/);
    assert.match(run.stdout, /Fix \| always available/);
  });

  it('`rule` with an unknown code exits 2', () => {
    const run = project.run('rule', 'XYZ123');
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /unknown rule code 'XYZ123'/);
  });

  it('`rules` lists every rule of the catalog, as a table or as JSON', () => {
    const table = project.run('rules');
    assert.strictEqual(table.status, 0);
    for (const { meta } of RULES) assert.match(table.stdout, new RegExp(`\\| \\[${meta.code}\\]\\([^)]*\\) \\| ${meta.name} \\|`));
    const json = JSON.parse(project.run('rules', '--format', 'json').stdout) as Array<{ code: string; name: string; fix: string }>;
    assert.deepStrictEqual(json.map((rule) => rule.code), RULES.map((rule) => rule.meta.code));
    assert.deepStrictEqual(json.find((rule) => rule.code === 'E722'), { ...json.find((rule) => rule.code === 'E722'), name: 'bare-except', fix: 'always' });
  });

  it('--version prints the version', () => {
    const run = project.run('--version');
    assert.strictEqual(run.status, 0);
    assert.match(run.stdout, /^\d+\.\d+\.\d+/);
  });
});
