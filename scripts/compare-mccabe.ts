/**
 * `npm run compare:mccabe [dir-or-files…]`: pyreview's C901 figures against
 * Debian's mccabe over the standard library (default /usr/lib/python3.11).
 * Prints the agreement and every disagreement; exits 1 on any disagreement.
 */
import * as fs from 'fs';
import { compareFiles, describeDisagreement, pythonFiles, summarize } from './mccabeComparison';

async function main(): Promise<number> {
  const targets = process.argv.slice(2);
  const files = (targets.length ? targets : ['/usr/lib/python3.11']).flatMap((target) =>
    fs.statSync(target).isDirectory() ? pythonFiles(target) : [target],
  );
  const started = Date.now();
  const summary = summarize(await compareFiles(files));
  for (const d of summary.disagreements) console.log(`DISAGREE ${describeDisagreement(d)}`);
  for (const r of summary.unreadable) console.log(`SKIPPED ${r.file}: mccabe cannot analyse it (${r.mccabeError})`);
  const percent = summary.graphs ? ((100 * summary.agreed) / summary.graphs).toFixed(3) : '100.000';
  console.log(
    `${summary.files} files (${summary.unreadable.length} that mccabe cannot analyse), ${summary.graphs} graphs: ` +
      `${summary.agreed} agree (${percent}%), ${summary.disagreements.length} disagree; ` +
      `${summary.shadowed} pyreview graphs shadowed by a later one of the same name (mccabe reports only the last); ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return summary.disagreements.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
