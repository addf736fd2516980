/**
 * Each reindent quick fix applied on its own (as a user picks one in the
 * editor) must leave a file that Python still compiles with the same
 * nesting: the fix rewrites a whole block whose header is already right.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { applyEdits } from '@pyreview/shared-rules';
import { checkText } from '../helpers/checker';

const CODES = ['W191', 'E101', 'E111', 'E114', 'E117'];

const SOURCES: Record<string, string> = {
  'dirty header, clean inner statement': [
    'def f(a, b, c):',
    '    if a:',
    '          if b:',
    '            if c:',
    '              return (a,',
    '                      b)',
    '            return c',
    '          return b',
    '    return a',
    '',
  ].join('\n'),
  'tabs and spaces in one function': ['def g(x):', '\tif x:', '\t\treturn [x,', '\t\t        x]', '    # note', '\treturn None', ''].join('\n'),
  'two-space class with a docstring': ['class C:', '  """Text', '     kept as it is."""', '  def m(self):', '    return 1', ''].join('\n'),
};

/** Python's verdict on a source: compiles, and its AST dump (to compare nesting). */
function pythonAst(source: string): string {
  const run = spawnSync('python3', ['-c', 'import ast, sys; print(ast.dump(ast.parse(sys.stdin.read())))'], { input: source, encoding: 'utf8' });
  assert.strictEqual(run.status, 0, `does not compile:\n${source}\n${run.stderr}`);
  return run.stdout;
}

describe('reindent quick fixes, one at a time', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    it(name, () => {
      const expected = pythonAst(source.replace(/\t/g, '        '));
      const result = checkText(source, { select: CODES });
      const fixes = result.findings.filter((f) => f.fix);
      assert.ok(fixes.length > 0, 'no finding with a fix');
      for (const finding of fixes) {
        assert.strictEqual(finding.fix!.safety, 'safe');
        const fixed = applyEdits(source, finding.fix!.edits);
        assert.strictEqual(pythonAst(fixed), expected, `the ${finding.code} fix on line ${result.lines.lineAt(finding.start) + 1} changed the program`);
      }
    });
  }
});
