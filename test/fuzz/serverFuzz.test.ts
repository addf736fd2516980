import * as assert from 'assert';
import { realFiles, runFuzz } from './serverFuzz';

/** A short seeded pass of `npm run fuzz` (see serverFuzz.ts): the server's settled results equal fresh checks. */
describe('fuzz: random edits of real files through the real server (short seeded pass)', function () {
  this.timeout(300_000);
  // Files of every size up to 60 kB, a few of them: each gets 150 edits.
  const files = realFiles('/usr/lib/python3.11', 60_000).filter((_, index) => index % 37 === 5);

  for (const [encoding, seed] of [['utf-16', 15], ['utf-8', 16]] as const) {
    it(`${encoding}, seed ${seed}: every settled result equals a fresh check, and no rule throws`, async () => {
      assert.ok(files.length >= 3, 'the standard library is installed');
      const log: string[] = [];
      const report = await runFuzz({ edits: 300, seed, files, editsPerFile: 150, encoding, log: (line) => log.push(line) });
      assert.ok(report.comparisons >= 30, `${report.comparisons} comparisons`);
      assert.deepStrictEqual(report.differences.map((d) => `${d.file} edit ${d.edit}`), [], log.join('\n'));
      assert.deepStrictEqual(report.internalErrors, []);
    });
  }
});
