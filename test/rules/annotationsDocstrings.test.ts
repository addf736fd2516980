/** What the fixtures cannot show: module privacy by path, fix safety, CRLF files, `__all__` edits. */
import * as assert from 'assert';
import { applyEdits, resolveSettings, RULES } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';

function codes(text: string, select: string[], filePath: string, relativePath?: string): string[] {
  const settings = resolveSettings(RULES, { select });
  const result = sharedChecker().check({ text, filePath, relativePath, settings });
  return result.findings.map((f) => `${result.lines.lineAt(f.start) + 1}:${f.code}`).sort();
}

describe('annotation and docstring rules', () => {
  const source = 'def run():\n    pass\n';

  it('treat a private module as Ruff (all private: ANN202) and pydocstyle (no D100, its functions still public) do', () => {
    assert.deepStrictEqual(codes(source, ['ANN2', 'D100', 'D103'], 'lib/_impl.py'), ['1:ANN202', '1:D103']);
    assert.deepStrictEqual(codes(source, ['ANN2', 'D100', 'D103'], '/abs/lib/impl.py', '_vendor/impl.py'), ['1:ANN202', '1:D103']);
    assert.deepStrictEqual(codes(source, ['ANN2', 'D100', 'D103'], '/abs/lib/impl.py', 'pkg/__main__.py'), ['1:ANN201', '1:D100', '1:D103']);
  });

  it('judge absolute paths by the file name only', () => {
    assert.deepStrictEqual(codes(source, ['ANN2', 'D100'], '/home/_user/project/impl.py'), ['1:ANN201', '1:D100']);
  });

  it('offer `-> None` on `__init__` as a safe fix and the other annotations as unsafe ones', () => {
    const text = 'class A:\n    def __init__(self):\n        pass\n\n    def __len__(self):\n        return 0\n';
    const settings = resolveSettings(RULES, { select: ['ANN204'] });
    const result = sharedChecker().check({ text, filePath: 'a.py', settings });
    assert.deepStrictEqual(result.findings.map((f) => [f.fix?.title, f.fix?.safety]), [
      ['Add return type annotation `-> None`', 'safe'],
      ['Add return type annotation `-> int`', 'unsafe'],
    ]);
  });

  it('follow `__all__` as the text changes (file rules see the whole file every time)', () => {
    const before = '__all__ = ["a"]\n\ndef a():\n    pass\n\ndef b():\n    pass\n';
    assert.deepStrictEqual(codes(before, ['ANN201', 'ANN202', 'D103'], 'm.py'), ['3:ANN201', '3:D103', '6:ANN202']);
    const after = before.replace('["a"]', '["a", "b"]');
    assert.deepStrictEqual(codes(after, ['ANN201', 'ANN202', 'D103'], 'm.py'), ['3:ANN201', '3:D103', '6:ANN201', '6:D103']);
  });

  it('insert docstring stubs with the file\'s CRLF line ends', () => {
    const text = 'def area(width):\r\n    return width\r\n';
    const settings = resolveSettings(RULES, { select: ['D103'] });
    const [finding] = sharedChecker().check({ text, filePath: 'a.py', settings }).findings;
    assert.strictEqual(
      applyEdits(text, finding.fix!.edits),
      'def area(width):\r\n    """TODO: Summarize what `area` does.\r\n\r\n    :param width: Describe `width`.\r\n' +
        '    :returns: Describe the return value.\r\n    """\r\n    return width\r\n',
    );
  });

  it('offer no stub after a backslash continuation', () => {
    const text = 'def f(): \\\n    pass\n';
    const settings = resolveSettings(RULES, { select: ['D103'] });
    const result = sharedChecker().check({ text, filePath: 'a.py', settings });
    assert.deepStrictEqual(result.findings.map((f) => [f.code, f.fix]), [['D103', undefined]]);
  });
});
