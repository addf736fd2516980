import * as assert from 'assert';
import { checkText } from '../helpers/checker';

// Each file also has an unused import: whether the other rules ran shows in F401.
const PREFIX = 'import os\nx = a = 1\n';
const nestedIfs = (levels: number): string =>
  `${PREFIX}${Array.from({ length: levels }, (_, i) => `${'    '.repeat(i)}if x:\n`).join('')}${'    '.repeat(levels)}pass\n`;
const nestedParentheses = (levels: number): string => `${PREFIX}y = ${'('.repeat(levels)}1${')'.repeat(levels)}\n`;
const additions = (terms: number): string => `${PREFIX}y = ${Array.from({ length: terms }, () => 'a').join(' + ')}\n`;

describe('nesting past what Python accepts', () => {
  it('is E999 with CPython\'s message where CPython reports it, and no other rule runs', () => {
    // Lines and columns (1-based) as `compile()` of CPython 3.11 gives them for each text.
    const inClass = `${PREFIX}class C:\n    def f(self):\n${Array.from({ length: 98 }, (_, i) => `${'    '.repeat(i + 2)}if x:\n`).join('')}${'    '.repeat(100)}pass\n`;
    const stringBrackets = `${PREFIX}y = ${'('.repeat(150)}"${'('.repeat(65)}", ${'['.repeat(51)}1${']'.repeat(51)}${')'.repeat(150)}\n`;
    const acrossLines = `${PREFIX}y = (\n${'[\n'.repeat(250)}1${']'.repeat(250)})\n`;
    const cases: Array<[string, string, number, number?]> = [
      [nestedIfs(100), 'IndentationError: too many levels of indentation', 103, 1],
      [inClass, 'IndentationError: too many levels of indentation', 103, 1],
      [nestedParentheses(201), 'SyntaxError: too many nested parentheses', 3, 205],
      [stringBrackets, 'SyntaxError: too many nested parentheses', 3, 274],
      [acrossLines, 'SyntaxError: too many nested parentheses', 203, 1],
      // CPython gives no position for this one.
      [additions(5000), 'RecursionError: maximum recursion depth exceeded during compilation', 3],
    ];
    for (const [text, message, line, column] of cases) {
      const result = checkText(text);
      assert.deepStrictEqual(result.internalErrors, []);
      const found = result.findings.map((f) => [f.code, f.message, result.lines.lineAt(f.start) + 1]);
      assert.deepStrictEqual(found, [['E999', message, line]]);
      if (column !== undefined) {
        const start = result.findings[0].start;
        assert.strictEqual(start - result.lines.lineStart(result.lines.lineAt(start)) + 1, column, message);
      }
    }
  });

  it('leaves code at CPython\'s limits to the rules', () => {
    for (const text of [nestedIfs(99), nestedParentheses(200), additions(2000)]) {
      const result = checkText(text);
      assert.deepStrictEqual(result.internalErrors, []);
      const codes = result.findings.map((f) => f.code);
      assert.ok(codes.includes('F401') && !codes.includes('E999'), codes.join());
    }
  });

  it('checks chains nested just inside the depth limit with every rule, without exhausting the stack', () => {
    const chains = [
      additions(2990),
      `${PREFIX}y = a${'.b()'.repeat(1490)}\n`,
      `${PREFIX}y = a${'[0]'.repeat(2990)}\n`,
      `${PREFIX}y = ${'not '.repeat(2990)}a\n`,
      `${PREFIX}y = ${'a if a else '.repeat(1400)}a\n`,
    ];
    for (const text of chains) {
      const result = checkText(text, { select: ['ALL'] });
      assert.deepStrictEqual(result.internalErrors, []);
      assert.ok(result.findings.some((f) => f.code === 'F401'));
    }
  });

  it('answers 10,000 nested parentheses without exhausting the stack', () => {
    const result = checkText(nestedParentheses(10_000));
    assert.deepStrictEqual(result.internalErrors, []);
    assert.deepStrictEqual(result.findings.map((f) => f.code), ['E999']);
  });
});
