/**
 * The reindent fix on real code. (1) fixAll of the indentation rules on every
 * standard-library file: files without findings come back byte-identical,
 * fixed files still compile, and a second run changes nothing. (2) A round
 * trip: files are re-indented with tabs by Python's own tokenizer (string
 * contents untouched), and fixAll must give the original bytes back.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixAll, RULES, resolveSettings } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';
import { CompiledCopies } from '../helpers/compiledCopies';
import { pythonFiles } from '../../scripts/pythonCorpus';
import { STDLIB } from '../helpers/stdlib';

const CODES = ['W191', 'E101', 'E111', 'E114', 'E117'];

/**
 * Replaces each leading run of eight spaces by a tab on every line that does
 * not start inside a string token, as Python's tokenize sees strings. Reads
 * the files named on stdin, writes `<out>/<index>.py`. Nothing is executed.
 */
const TABIFY = `
import io, sys, tokenize
out = sys.argv[1]
for index, name in enumerate(sys.stdin.read().split("\\n")):
    if not name:
        continue
    # Lines end at LF, CR or CRLF only, as for the tokenizer (str.splitlines knows more).
    lines = io.StringIO(open(name, encoding="utf-8", newline="").read(), newline="").readlines()
    inside = set()
    for token in tokenize.generate_tokens(iter(lines).__next__):
        if token.type == tokenize.STRING:
            inside.update(range(token.start[0] + 1, token.end[0] + 1))
    for number, line in enumerate(lines, start=1):
        body = line.lstrip(" ")
        width = len(line) - len(body)
        if number in inside or width < 8 or not body.strip():
            continue
        lines[number - 1] = "\\t" * (width // 8) + " " * (width % 8) + body
    with open(f"{out}/{index}.py", "w", encoding="utf-8") as handle:
        handle.write("".join(lines))
`;

describe('reindent on the standard library', function () {
  this.timeout(600_000);
  const settings = resolveSettings(RULES, { select: CODES });
  const options = { unsafe: false, codes: new Set(CODES) };

  it('leaves clean files alone, keeps fixed files compiling, and is stable', () => {
    const checker = sharedChecker();
    const copies = new CompiledCopies();
    try {
      for (const file of pythonFiles(STDLIB)) {
        const text = fs.readFileSync(file, 'utf8');
        const check = (source: string) => checker.check({ text: source, filePath: file, settings });
        const findings = check(text).findings.length;
        const fixed = fixAll(text, check, options);
        if (findings === 0) {
          assert.strictEqual(fixed.text, text, `${file}: changed although it has no indentation finding`);
          continue;
        }
        assert.strictEqual(fixAll(fixed.text, check, options).text, fixed.text, `${file}: a second run changed the text`);
        copies.add(file, fixed.text);
      }
      assert.ok(copies.count >= 10, `only ${copies.count} files had indentation findings`);
      assert.deepStrictEqual(copies.compileErrors(), []);
    } finally {
      copies.remove();
    }
  });

  it('restores files re-indented with tabs byte for byte', () => {
    const checker = sharedChecker();
    const files = pythonFiles(STDLIB).filter((_, index) => index % 8 === 0).filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      // Only files that are clean to begin with can come back identical, and
      // a `# noqa` would rightly keep its lines' tabs.
      return !/noqa/i.test(text) && checker.check({ text, filePath: file, settings }).findings.length === 0;
    });
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-tabified-'));
    try {
      const run = spawnSync('python3', ['-c', TABIFY, directory], { input: files.join('\n'), encoding: 'utf8' });
      assert.strictEqual(run.status, 0, run.stderr);
      let changed = 0;
      files.forEach((file, index) => {
        const original = fs.readFileSync(file, 'utf8');
        const tabbed = fs.readFileSync(path.join(directory, `${index}.py`), 'utf8');
        if (tabbed === original) return;
        changed++;
        const check = (source: string) => checker.check({ text: source, filePath: file, settings });
        const fixed = fixAll(tabbed, check, options);
        assert.strictEqual(fixed.text, original, `${file}: the tab-indented copy did not come back identical`);
      });
      assert.ok(changed > 20, `only ${changed} files had lines to re-indent with tabs`);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
