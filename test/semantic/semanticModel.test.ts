import * as assert from 'assert';
import { parseUnits, PythonParser, SemanticModelBuilder, type SemanticMessage } from '@pyreview/shared-rules';
import { checkText } from '../helpers/checker';
import { EditedText } from '../helpers/editedText';

function describeMessages(messages: readonly SemanticMessage[]): string[] {
  return messages.map((m) => `${m.kind}:${'name' in m ? m.name : ''}`).sort();
}

describe('semantic model', () => {
  it('makes the F401 fix unsafe in __init__.py and skips F822 there', () => {
    const text = 'import os\n__all__ = ["missing"]\n';
    const init = checkText(text, { select: ['F401', 'F822'] }, 'pkg/__init__.py');
    assert.deepStrictEqual(init.findings.map((f) => [f.code, f.fix?.safety]), [['F401', 'unsafe']]);
    const module = checkText(text, { select: ['F401', 'F822'] }, 'pkg/module.py');
    assert.deepStrictEqual(module.findings.map((f) => [f.code, f.fix?.safety]), [['F401', 'safe'], ['F822', undefined]]);
  });

  it('passes over assigned values without names, and only those (tables of literals)', () => {
    const text = [
      'import os',
      'import re',
      'from typing import TypeAlias',
      'TABLE = {"a": (1, 2.0, None), "b": [True, ..., -3], "c": {"d": "e"}}',
      'PATHS = {"sep": f"{os.sep}"}',
      'CALLBACKS = [(lambda: 1), 2]',
      'Pattern: TypeAlias = "re.Pattern"',
      'ANNOTATED: "undefined_in_hint" = 1',
      '',
    ].join('\n');
    const result = checkText(text, { select: ['F401', 'F821'] });
    assert.deepStrictEqual(result.findings.map((f) => f.message), ["undefined name 'undefined_in_hint'"]);
    const parser = new PythonParser();
    const model = new SemanticModelBuilder().build(parseUnits(parser, text).tree, { targetVersion: [3, 12], filePath: 'table.py' });
    assert.deepStrictEqual(model.scopes.map((scope) => scope.kind).sort(), ['lambda', 'module']);
  });

  it('knows the builtins of the target version', () => {
    const text = 'try:\n    pass\nexcept* ExceptionGroup:\n    pass\nprint(aiter)\n';
    const old = checkText(text, { select: ['F821'], targetVersion: '3.9' });
    assert.deepStrictEqual(old.findings.map((f) => f.message).sort(), ["undefined name 'ExceptionGroup'", "undefined name 'aiter'"]);
    const current = checkText(text, { select: ['F821'], targetVersion: '3.11' });
    assert.deepStrictEqual(current.findings, []);
  });

  it('reports each unused name of a multi-line import at the name', () => {
    const text = 'from os import (\n    path,\n    sep,\n)\n';
    const result = checkText(text, { select: ['F401'] });
    assert.deepStrictEqual(result.findings.map((f) => result.lines.lineAt(f.start)), [1, 2]);
  });

  it('gives F811 related information pointing at the first definition', () => {
    const text = 'def f():\n    pass\n\n\ndef f():\n    pass\n';
    const result = checkText(text, { select: ['F811'] });
    assert.strictEqual(result.findings.length, 1);
    const related = result.findings[0].related?.[0];
    assert.ok(related);
    assert.strictEqual(text.slice(related.start, related.end), 'f');
    assert.strictEqual(result.lines.lineAt(related.start), 0);
  });

  it('builds no model for a file with syntax errors', () => {
    const result = checkText('import os\ndef broken(:\n', { select: ['F401'] });
    assert.deepStrictEqual(result.findings, []);
  });

  it('copies only the edited units again and resolves as a fresh build does', () => {
    const parser = new PythonParser();
    const options = { targetVersion: [3, 12] as const, filePath: 'example.py' };
    const before = 'import os\nimport sys\n\n\ndef one():\n    return os.sep\n\n\nclass Two:\n    def method(self):\n        return 1\n\n\ndef three():\n    return 3\n';
    const builder = new SemanticModelBuilder();
    const document = new EditedText(parser, before);
    try {
      const { units } = document;
      const firstModel = builder.build(units.tree, options);
      assert.deepStrictEqual(describeMessages(firstModel.messages), ['unused-import:sys']);
      assert.strictEqual(units.lastStats.copied, units.lastStats.units);

      const at = before.indexOf('        return 1');
      document.edit(at, at, '        value = sys.argv\n');
      assert.strictEqual(document.text, before.replace('        return 1', '        value = sys.argv\n        return 1'));
      document.reparse();
      const incremental = builder.build(units.tree, options);
      // The class header unit and its edited method are copied again; the other statements are reused.
      assert.strictEqual(units.lastStats.copied, 2);
      assert.ok(units.lastStats.units > 4);
      const fresh = new SemanticModelBuilder().build(document.freshUnits().tree, options);
      assert.deepStrictEqual(describeMessages(incremental.messages), describeMessages(fresh.messages));
      assert.deepStrictEqual(describeMessages(incremental.messages), ['unused-variable:value']);
    } finally {
      document.delete();
    }
  });
});
