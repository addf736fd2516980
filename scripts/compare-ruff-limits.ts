/**
 * `npm run compare:ruff-limits [dir-or-files…]`: pyreview's PLR0912, PLR0913
 * and PLR0915 against Ruff over the standard library (default
 * /usr/lib/python3.11). Prints every difference; exits 1 if there is one.
 */
import * as fs from 'fs';
import { pythonFiles } from './pythonCorpus';
import { compareWithRuff } from './ruffLimitsComparison';

async function main(): Promise<number> {
  const targets = process.argv.slice(2);
  const files = (targets.length ? targets : ['/usr/lib/python3.11']).flatMap((target) =>
    fs.statSync(target).isDirectory() ? pythonFiles(target) : [target],
  );
  const started = Date.now();
  const { agreed, differences } = await compareWithRuff(files);
  for (const difference of differences) console.log(`DIFFER ${difference}`);
  const total = agreed + differences.length;
  console.log(
    `${files.length} files, ${total} findings: ${agreed} identical (${total ? ((100 * agreed) / total).toFixed(3) : '100.000'}%), ` +
      `${differences.length} different; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return differences.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
