/** IPython syntax in a notebook cell, masked by Python of the same length: never E999, and what IPython runs as Python stays visible. */
import * as assert from 'assert';
import { maskIPython, RULES, resolveSettings } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';

/** The masked text, checked to keep the length and every line break. */
function masked(source: string): string {
  const { text } = maskIPython(source);
  assert.strictEqual(text.length, source.length, `length of ${JSON.stringify(text)}`);
  assert.deepStrictEqual([...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index), [...source.matchAll(/\r\n|\r|\n/g)].map((m) => m.index));
  return text;
}

describe('IPython syntax in a notebook cell', () => {
  const cases: Array<[string, string, string]> = [
    ['a line magic', '%matplotlib inline\nimport os', 'pass              \nimport os'],
    ['a cell magic of another language, body and all', '%%bash\necho hi\n  ls -la', 'pass  \n       \n        '],
    ['a Python cell magic, only its first line', '%%time\nx = f()\n', 'pass  \nx = f()\n'],
    ['`%%capture NAME`, which binds NAME', '%%capture out\nprint(1)', 'out=0        \nprint(1)'],
    ['a shell escape, indented in a block', 'if x:\n    !ls -la\n', 'if x:\n    pass   \n'],
    ['a short shell escape', '!l', '0 '],
    ['a timed statement, which stays Python', '%time y = f(x)', 'pass; y = f(x)'],
    ['`%timeit` options', '%timeit -n 10 -r 3 f(x)', 'pass;              f(x)'],
    ['a timed compound statement, hidden', '%time for i in x: f(i)', 'pass                  '],
    ['a shell assignment, which binds its target', 'files = !ls *.py', 'files = 0       '],
    ['a magic assignment', 'names = %who_ls', 'names = 0      '],
    ['help after a name, which reads it', 'np.sum?', 'np.sum '],
    ['detailed help after a name', 'np.sum??', 'np.sum  '],
    ['help before a name', '??np.sum', 'pass    '],
    ['an autocall escape', '/print x', 'pass    '],
    ['a continued line magic', '%config A = \\\n    1\nx = 1', 'pass         \n     \nx = 1'],
    ['automagic alone in a cell', 'pip install numpy\n', 'pass             \n'],
    ['automagic with a path', 'cd ..', 'pass '],
  ];
  for (const [what, source, expected] of cases) {
    it(`masks ${what}`, () => assert.strictEqual(masked(source), expected));
  }

  const untouched: Array<[string, string]> = [
    ['a name alone, which is Python', 'ls'],
    ['automagic among other lines (IPython runs it only in a one-line cell)', 'x = 1\npip install numpy'],
    ['a magic name used as Python', 'cd = 1'],
    ['a keyword after a magic name', 'time if x else y'],
    ['`%` continuing an expression in brackets', 'total = (a\n         % b)'],
    ['`!` and `?` in strings', 's = """\n!not a command\n"""\nt = "what?"'],
    ['`!=` and comparisons after `=`', 'x = a != b\ny = (c == !d)'],
    ['a `?` in a comment', 'x = 1  # why?'],
  ];
  for (const [what, source] of untouched) {
    it(`leaves ${what}`, () => assert.strictEqual(masked(source), source));
  }

  it('keeps CRLF line breaks', () => {
    assert.strictEqual(masked('%%bash\r\necho hi\r\n'), 'pass  \r\n       \r\n');
  });

  it('lists the masked spans', () => {
    assert.deepStrictEqual(maskIPython('import os\n!ls\nx = !pwd').masked, [{ start: 10, end: 13 }, { start: 18, end: 22 }]);
  });

  it('leaves no syntax error behind in a cell full of IPython syntax', async () => {
    const source = [
      '%load_ext autoreload',
      '%autoreload 2',
      'import numpy as np',
      '!pip install -q numpy',
      'files = !ls',
      'if files:',
      '    %time total = np.sum([1, 2])',
      '    !echo {total}',
      'np.sum?',
      '??np.mean',
      'print(files)',
    ].join('\n');
    const checker = await sharedChecker();
    const result = checker.check({ text: maskIPython(source).text, filePath: 'nb.ipynb', settings: resolveSettings(RULES, { select: ['E999', 'F'] }) });
    assert.deepStrictEqual(result.findings.map((f) => f.code), []);
    assert.strictEqual(result.hasSyntaxError, false);
  });
});
