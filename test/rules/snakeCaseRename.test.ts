import * as assert from 'assert';
import { resolveSettings, RULES } from '@pyreview/shared-rules';
import { checkText, settlingLinter } from '../helpers/checker';
import { snakeCase } from '@pyreview/shared-rules/out/rules/pep8-naming/snakeCaseRename';

describe('naming rename fixes', () => {
  it('spell names in lower_snake_case', () => {
    const cases: Array<[string, string]> = [
      ['getUser', 'get_user'], ['HTTPResponse', 'http_response'], ['userID2', 'user_id2'], ['v2Beta', 'v2_beta'],
      ['_privateName', '_private_name'], ['__dunderName__', '__dunder_name__'], ['my_Var', 'my_var'], ['MAX', 'max'],
      ['ÉtatCivil', 'état_civil'],
    ];
    assert.deepStrictEqual(cases.map(([name]) => [name, snakeCase(name)]), cases);
  });

  it('say in the title why a fix is unsafe, and make only function locals safe', () => {
    const text = 'def getUser(userId):\n    Total = userId\n    return Total\n\n\nclass C:\n    maxSize = 1\n\n    def loadData(self):\n        pass\n';
    const result = checkText(text, { select: ['N802', 'N803', 'N806', 'N815'] });
    assert.deepStrictEqual(result.findings.map((f) => [f.code, f.fix?.safety, f.fix?.title]), [
      ['N802', 'unsafe', 'Rename `getUser` to `get_user` (unsafe: other modules may import it)'],
      ['N803', 'unsafe', 'Rename `userId` to `user_id` (unsafe: callers may pass it by keyword)'],
      ['N806', 'safe', 'Rename `Total` to `total`'],
      ['N815', 'unsafe', 'Rename `maxSize` to `max_size` (unsafe: other code may use the attribute)'],
      ['N802', 'unsafe', 'Rename `loadData` to `load_data` (unsafe: subclasses and other code may call the method)'],
    ]);
  });

  it('keep the fix in step with other units when the finding comes from the unit cache', () => {
    const lint = settlingLinter(resolveSettings(RULES, { select: ['N815'] }));
    const head = 'class C:\n    maxSize = 1\n\n    def m(self):\n';
    const taken = lint(head + '        self.max_size = 2\n');
    assert.strictEqual(taken.findings[0].fix, undefined, 'max_size is already an attribute');
    // Only the method changed: the N815 finding comes from the cache, its fix from the new text.
    const free = lint(head + '        return self.maxSize\n');
    assert.ok(free.walkedUnits < free.totalUnits);
    assert.deepStrictEqual(free.findings[0].fix?.edits.map((e) => e.newText), ['max_size', 'max_size']);
  });
});
