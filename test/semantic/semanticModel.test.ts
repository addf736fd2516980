import * as assert from 'assert';
import { collectUnitTree, createPythonParser, SemanticModelBuilder, type SemanticMessage } from '@pyreview/shared-rules';
import { checkText } from '../helpers/checker';

function describeMessages(messages: readonly SemanticMessage[]): string[] {
  return messages.map((m) => `${m.kind}:${'name' in m ? m.name : ''}`).sort();
}

describe('semantic model', () => {
  it('makes the F401 fix unsafe in __init__.py and skips F822 there', async () => {
    const text = 'import os\n__all__ = ["missing"]\n';
    const init = await checkText(text, { select: ['F401', 'F822'] }, 'pkg/__init__.py');
    assert.deepStrictEqual(init.findings.map((f) => [f.code, f.fix?.safety]), [['F401', 'unsafe']]);
    const module = await checkText(text, { select: ['F401', 'F822'] }, 'pkg/module.py');
    assert.deepStrictEqual(module.findings.map((f) => [f.code, f.fix?.safety]), [['F401', 'safe'], ['F822', undefined]]);
  });

  it('knows the builtins of the target version', async () => {
    const text = 'try:\n    pass\nexcept* ExceptionGroup:\n    pass\nprint(aiter)\n';
    const old = await checkText(text, { select: ['F821'], targetVersion: '3.9' });
    assert.deepStrictEqual(old.findings.map((f) => f.message).sort(), ["undefined name 'ExceptionGroup'", "undefined name 'aiter'"]);
    const current = await checkText(text, { select: ['F821'], targetVersion: '3.11' });
    assert.deepStrictEqual(current.findings, []);
  });

  it('reports each unused name of a multi-line import at the name', async () => {
    const text = 'from os import (\n    path,\n    sep,\n)\n';
    const result = await checkText(text, { select: ['F401'] });
    assert.deepStrictEqual(result.findings.map((f) => result.lines.lineAt(f.start)), [1, 2]);
  });

  it('gives F811 related information pointing at the first definition', async () => {
    const text = 'def f():\n    pass\n\n\ndef f():\n    pass\n';
    const result = await checkText(text, { select: ['F811'] });
    assert.strictEqual(result.findings.length, 1);
    const related = result.findings[0].related?.[0];
    assert.ok(related);
    assert.strictEqual(text.slice(related.start, related.end), 'f');
    assert.strictEqual(result.lines.lineAt(related.start), 0);
  });

  it('builds no model for a file with syntax errors', async () => {
    const result = await checkText('import os\ndef broken(:\n', { select: ['F401'] });
    assert.deepStrictEqual(result.findings, []);
  });

  it('copies only the edited units again and resolves as a fresh build does', async () => {
    const parser = await createPythonParser();
    const options = { targetVersion: [3, 12] as const, filePath: 'example.py' };
    const before = 'import os\nimport sys\n\n\ndef one():\n    return os.sep\n\n\nclass Two:\n    def method(self):\n        return 1\n\n\ndef three():\n    return 3\n';
    const after = before.replace('        return 1', '        value = sys.argv\n        return 1');
    const builder = new SemanticModelBuilder();
    const first = parser.parse(before)!;
    const firstModel = builder.build(first, before, collectUnitTree(first.rootNode, before), options);
    assert.deepStrictEqual(describeMessages(firstModel.messages), ['unused-import:sys']);
    assert.strictEqual(builder.lastStats.copied, builder.lastStats.units);

    const second = parser.parse(after)!;
    const incremental = builder.build(second, after, collectUnitTree(second.rootNode, after), options);
    // The class header unit and its edited method are copied again; the other statements are reused.
    assert.strictEqual(builder.lastStats.copied, 2);
    assert.ok(builder.lastStats.units > 4);
    const fresh = new SemanticModelBuilder().build(second, after, collectUnitTree(second.rootNode, after), options);
    assert.deepStrictEqual(describeMessages(incremental.messages), describeMessages(fresh.messages));
    assert.deepStrictEqual(describeMessages(incremental.messages), ['unused-variable:value']);
    first.delete();
    second.delete();
  });
});
