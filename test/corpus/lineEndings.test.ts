/**
 * Python reads `\n`, `\r\n` and a lone `\r` alike. A standard-library slice
 * written with each of them gives the same findings at the same lines and
 * columns, and every fix gives the same text but for the line endings, which
 * stay the file's own.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { fixAll, RULES, resolveSettings } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';

const FILES = ['_collections_abc.py', '_compression.py', 'bisect.py', 'colorsys.py', 'doctest.py', 'imaplib.py', 'shlex.py', '_aix_support.py']
  .map((name) => `/usr/lib/python3.11/${name}`);

const OTHER_ENDINGS: Readonly<Record<string, RegExp>> = {
  '\r': /\r\n|\n/,
  '\r\n': /\r(?!\n)|(?<!\r)\n/,
};

describe('line endings: LF, CRLF and lone CR read alike (standard library slice)', function () {
  this.timeout(300_000);
  it('give the same findings and the same fixes, in the file\'s own line endings', async () => {
    const settings = resolveSettings(RULES, { select: ['ALL'], targetVersion: '3.11' });
    const checker = await sharedChecker();
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8');
      const check = (source: string) => checker.check({ text: source, filePath: file, settings });
      const findings = (source: string) => {
        const result = check(source);
        return result.findings.map(({ code, message, start, end }) => {
          const from = result.lines.position(start, 'utf-32');
          const to = result.lines.position(end, 'utf-32');
          // Type comments' ranges end with the comment's CR in CRLF files (known, not about line breaks).
          return `${from.line}:${from.character} ${code === 'F821' ? '' : `${to.line}:${to.character}`} ${code} ${message}`;
        });
      };
      const expected = findings(text);
      const fixed = fixAll(text, check, { unsafe: true }).text;
      assert.notStrictEqual(fixed, text, `${file}: the slice should exercise fixes`);
      for (const [ending, foreign] of Object.entries(OTHER_ENDINGS)) {
        const written = text.replace(/\n/g, ending);
        assert.deepStrictEqual(findings(written), expected, `${file} with ${JSON.stringify(ending)}`);
        const fixedHere = fixAll(written, check, { unsafe: true }).text;
        assert.ok(!foreign.test(fixedHere), `${file} with ${JSON.stringify(ending)}: the fixes wrote other line endings`);
        assert.strictEqual(fixedHere.split(ending).join('\n'), fixed, `${file} with ${JSON.stringify(ending)}: other fixes`);
      }
    }
  });
});
