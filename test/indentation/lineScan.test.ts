/**
 * The line scanner behind the indentation rules, checked against Python's own
 * tokenizer on the standard library (which lines start inside strings, where
 * logical lines start, which end with `:`), and on Python 3.12 f-strings,
 * which Python 3.11's tokenizer cannot read.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { LineIndex } from '@pyreview/shared-rules';
import { CODE, scanLines } from '@pyreview/shared-rules/out/rules/pycodestyle/indentation/lineScan';
import { pythonFiles } from '../../scripts/pythonCorpus';
import { STDLIB } from '../helpers/stdlib';

/** For each file on stdin: JSON of 0-based lines inside strings, logical starts and starts ending with `:`. */
const TOKENIZE = `
import io, json, sys, tokenize
SKIP = {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE, tokenize.ENDMARKER}
result = {}
for name in sys.stdin.read().split("\\n"):
    if not name:
        continue
    lines = io.StringIO(open(name, encoding="utf-8", newline="").read(), newline="").readlines()
    inside, starts, colons = set(), [], []
    start, last = None, None
    for token in tokenize.generate_tokens(iter(lines).__next__):
        if token.type == tokenize.STRING:
            inside.update(range(token.start[0], token.end[0]))
        if token.type == tokenize.NEWLINE:
            if start is not None and last.type == tokenize.OP and last.string == ":":
                colons.append(start)
            start = None
        elif token.type not in SKIP:
            if start is None:
                start = token.start[0] - 1
                starts.append(start)
            last = token
    result[name] = {"inside": sorted(inside), "starts": starts, "colons": colons}
print(json.dumps(result))
`;

function scanOf(text: string) {
  return scanLines(text, new LineIndex(text));
}

function ones(array: Uint8Array | Int32Array, predicate: (value: number, index: number) => boolean): number[] {
  const found: number[] = [];
  array.forEach((value, index) => {
    if (predicate(value, index)) found.push(index);
  });
  return found;
}

describe('indentation line scan', function () {
  this.timeout(120_000);

  it("agrees with Python's tokenizer on the standard library", () => {
    const files = pythonFiles(STDLIB);
    const run = spawnSync('python3', ['-c', TOKENIZE], { input: files.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.strictEqual(run.status, 0, run.stderr);
    const expected = JSON.parse(run.stdout) as Record<string, { inside: number[]; starts: number[]; colons: number[] }>;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const scan = scanOf(text);
      const python = expected[file];
      assert.deepStrictEqual(ones(scan.inString, (v) => v === 1), python.inside, `${file}: lines inside strings`);
      const starts = ones(scan.logicalEnd, (v, i) => v >= 0 && scan.kind[i] === CODE);
      assert.deepStrictEqual(starts, python.starts, `${file}: logical line starts`);
      assert.deepStrictEqual(ones(scan.endsWithColon, (v) => v === 1), python.colons, `${file}: logical lines ending with a colon`);
    }
  });

  it('reads Python 3.12 f-strings: nested quotes, format specs and fields over lines', () => {
    const text = [
      'x = f"{a["key"]:>{width}}" + f\'{b!r}\'',
      'y = f"""{',
      '    value',
      '}"""',
      'z = f"{c:{d}.{e}f} {{literal}} \\N{BULLET}"',
      'if x:',
      '    pass',
    ].join('\n');
    const scan = scanOf(text);
    // Line 2 (0-based) is inside a field's expression, not string text; line 3 starts in it too.
    assert.deepStrictEqual(ones(scan.inString, (v) => v === 1), []);
    assert.deepStrictEqual(ones(scan.logicalEnd, (v, i) => v >= 0 && scan.kind[i] === CODE), [0, 1, 4, 5, 6]);
    assert.deepStrictEqual(ones(scan.endsWithColon, (v) => v === 1), [5]);
  });

  it('follows `\\` continuations, CRLF line ends and comments containing quotes', () => {
    const text = 'if a and \\\r\n        b:  # it\'s\r\n    s = """\r\n  text\r\n"""\r\n';
    const scan = scanOf(text);
    assert.deepStrictEqual(Array.from(scan.continued.slice(0, 5)), [0, 1, 0, 0, 0]);
    assert.deepStrictEqual(Array.from(scan.endsWithBackslash.slice(0, 5)), [1, 0, 0, 0, 0]);
    assert.deepStrictEqual(ones(scan.inString, (v) => v === 1), [3, 4]);
    assert.deepStrictEqual(ones(scan.endsWithColon, (v) => v === 1), [0]);
  });
});
