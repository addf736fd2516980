/** The noqa injection grammar, checked with vscode-tmgrammar-test against the assertions in test/grammar/*.py. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

const GRAMMAR_TEST_BIN = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
/**
 * The Python grammar the injection is tested against: a stand-in with the same scope names, or VS Code's
 * own grammars when PYREVIEW_PYTHON_GRAMMARS lists them (test/e2e/run.sh does, from code-server).
 */
const PYTHON_GRAMMARS = process.env.PYREVIEW_PYTHON_GRAMMARS?.split(path.delimiter) ?? [
  path.join(REPO_ROOT, 'test', 'grammar', 'python-stub.tmLanguage.json'),
];
const GRAMMARS = [...PYTHON_GRAMMARS, path.join(REPO_ROOT, 'syntaxes', 'noqa.tmLanguage.json')];

function runGrammarTests(testFiles: string): { status: number | null; output: string } {
  const args = [GRAMMAR_TEST_BIN, '--compact', ...GRAMMARS.flatMap((grammar) => ['-g', grammar]), testFiles];
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('noqa grammar', () => {
  it('scopes every asserted token in test/grammar/*.py', () => {
    const { status, output } = runGrammarTests(path.join('test', 'grammar', '*.py'));
    assert.strictEqual(status, 0, output);
  });

  it('reports a wrong scope (the harness can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-grammar-'));
    const file = path.join(dir, 'wrong.py');
    fs.writeFileSync(file, '# SYNTAX TEST "source.python"\nimport os  # noqa: F401\n#                  ^^^^ keyword.other.noqa.pyreview\n');
    try {
      const { status, output } = runGrammarTests(file);
      assert.notStrictEqual(status, 0, output);
      assert.match(output, /keyword\.other\.noqa\.pyreview/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
