/** The extension's contributed settings: generated from the catalog, never edited by hand. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, type Rule } from '@pyreview/shared-rules';
import { configurationContribution } from '@pyreview/client/out/settings/configurationContribution';
import { REPO_ROOT } from '../helpers/paths';

function fakeRule(code: string, options: NonNullable<Rule['meta']['options']>): Rule {
  const base = RULES[0];
  return { ...base, meta: { ...base.meta, code, name: `fake-${code.toLowerCase()}`, options } } as Rule;
}

describe('contributed settings', () => {
  it('match package.json (run `npm run generate:settings` after changing the catalog)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(configurationContribution(RULES))));
  });

  it('offer a severity for every rule in the catalog, with a description', () => {
    const severity = configurationContribution(RULES).properties['pyreview.severity'].properties ?? {};
    assert.deepStrictEqual(Object.keys(severity).sort(), RULES.map((rule) => rule.meta.code).sort());
    for (const { meta } of RULES) {
      assert.strictEqual(severity[meta.code].default, meta.severity);
      assert.ok(severity[meta.code].markdownDescription.includes(meta.summary), meta.code);
    }
  });

  it('turn each rule option into one camelCase setting naming the rules that read it', () => {
    const option = { name: 'max-complexity', type: 'integer' as const, default: 10, description: 'How many branches a function may have.' };
    const properties = configurationContribution([fakeRule('X1', [option]), fakeRule('X2', [option])]).properties;
    const setting = properties['pyreview.maxComplexity'];
    assert.deepStrictEqual(setting.type, ['integer', 'null']);
    assert.strictEqual(setting.default, null);
    assert.match(setting.markdownDescription, /X1, X2/);
  });

  it('let a catalog option replace the built-in setting of the same name', () => {
    const option = { name: 'docstring-convention', type: 'string' as const, default: 'google', values: ['google', 'pep257'], description: 'Docstring style.' };
    const setting = configurationContribution([fakeRule('X1', [option])]).properties['pyreview.docstringConvention'];
    assert.deepStrictEqual(setting.enum, ['google', 'pep257']);
  });

  it('describe every setting for users', () => {
    for (const [key, setting] of Object.entries(configurationContribution(RULES).properties)) {
      assert.ok(setting.markdownDescription.length > 20, key);
    }
  });
});
