/** The extension's contributed settings: generated from the catalog, never edited by hand, and editable in the Settings editor. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, type Rule } from '@pyreview/shared-rules';
import { configurationContribution, contributedSettings } from '@pyreview/client/out/settings/configurationContribution';
import { REPO_ROOT } from '../helpers/paths';

function fakeRule(code: string, options: NonNullable<Rule['meta']['options']>): Rule {
  const base = RULES[0];
  return { ...base, meta: { ...base.meta, code, name: `fake-${code.toLowerCase()}`, options } } as Rule;
}

const settings = contributedSettings(configurationContribution(RULES));

describe('contributed settings', () => {
  it('match package.json (run `npm run generate:settings` after changing the catalog)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(configurationContribution(RULES))));
  });

  it('come in three sections, each in a fixed order: the editor, the rules, the rule options', () => {
    const categories = configurationContribution(RULES);
    assert.deepStrictEqual(categories.map((category) => category.title), ['pyreview', 'Rules', 'Rule options']);
    const general = Object.keys(categories[0].properties);
    assert.deepStrictEqual(general.slice(0, 3), ['pyreview.enable', 'pyreview.run', 'pyreview.diagnosticMode']);
    for (const category of categories) {
      assert.deepStrictEqual(Object.values(category.properties).map((setting) => setting.order), Object.keys(category.properties).map((_, i) => i));
    }
    assert.ok(Object.keys(categories[2].properties).every((key) => !general.includes(key)), 'no rule option among the editor settings');
  });

  it('can all be edited in the Settings editor, none only in settings.json', () => {
    for (const [key, setting] of Object.entries(settings)) {
      const types = ([] as string[]).concat(setting.type);
      // VS Code's Settings editor renders these; a nullable list, string or boolean without an enum gets "Edit in settings.json".
      const editable = setting.enum !== undefined
        || (types.length === 1 && ['boolean', 'string', 'integer', 'number', 'object'].includes(types[0]))
        || (types.length === 1 && types[0] === 'array' && (setting.items as { type?: string } | undefined)?.type === 'string')
        || (types.length === 2 && types.includes('null') && (types.includes('integer') || types.includes('number')));
      assert.ok(editable, `${key}: ${JSON.stringify(setting.type)}`);
      if (setting.enum?.includes(null)) {
        assert.match(setting.enumItemLabels?.[setting.enum.indexOf(null)] ?? '', /^Not set/, `${key} labels its null "Not set"`);
      }
    }
  });

  it('offer the settings ruff-vscode users look for', () => {
    for (const key of ['configuration', 'configurationPreference', 'exclude', 'fixAll', 'organizeImports', 'logLevel', 'logFile', 'enable', 'trace.server']) {
      assert.ok(`pyreview.${key}` in settings, key);
    }
  });

  it('offer a severity for every rule and for prefixes of several rules, each with its name', () => {
    const severity = settings['pyreview.severity'].properties ?? {};
    const codes = RULES.map((rule) => rule.meta.code);
    assert.deepStrictEqual(Object.keys(severity).filter((key) => codes.includes(key)).sort(), [...codes].sort());
    for (const { meta } of RULES) {
      assert.strictEqual(severity[meta.code].default, meta.severity);
      assert.strictEqual(severity[meta.code].description, `${meta.code} ${meta.name}: ${meta.summary}`);
    }
    assert.match(severity.D1?.description ?? '', /^D1: every rule whose code starts with D1 \(\d+: D100, /);
    assert.ok(severity.ANN && severity.E && severity.PLR, 'family prefixes');
    assert.ok(Object.keys(severity).indexOf('D1') < Object.keys(severity).indexOf('B012'), 'prefixes first');
  });

  it('turn each rule option into one camelCase setting naming the rules that read it, unset by default', () => {
    const integer = { name: 'max-complexity', type: 'integer' as const, default: 10, description: 'How many branches a function may have.' };
    const choice = { name: 'docstring-convention', type: 'string' as const, default: 'google', values: ['google', 'pep257'], description: 'Docstring style.' };
    const flag = { name: 'check-typed-exception', type: 'boolean' as const, default: false, description: 'Also typed exceptions.' };
    const text = { name: 'known-first-party', type: 'string' as const, default: '', description: 'Packages of the project.' };
    const properties = contributedSettings(configurationContribution([fakeRule('X1', [integer, choice, flag, text]), fakeRule('X2', [integer])]));
    assert.deepStrictEqual([properties['pyreview.maxComplexity'].type, properties['pyreview.maxComplexity'].default], [['integer', 'null'], null]);
    assert.match(properties['pyreview.maxComplexity'].markdownDescription, /X1, X2/);
    assert.deepStrictEqual(properties['pyreview.docstringConvention'].enum, [null, 'google', 'pep257']);
    assert.deepStrictEqual(properties['pyreview.checkTypedException'].enum, [null, true, false]);
    assert.deepStrictEqual([properties['pyreview.knownFirstParty'].type, properties['pyreview.knownFirstParty'].default], ['string', '']);
  });

  it('describe every setting for users', () => {
    for (const [key, setting] of Object.entries(settings)) assert.ok(setting.markdownDescription.length > 20, key);
  });
});
