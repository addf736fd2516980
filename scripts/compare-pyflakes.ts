/**
 * `npm run compare:pyflakes [dir-or-files…]`: pyreview's pyflakes rules
 * against `flake8 --select F` over the standard library (default
 * /usr/lib/python3.11). Files flake8 cannot parse (E999: Python 2 test data)
 * are left out on both sides. Prints every disagreement and the agreement
 * per code; exits 1 when a target code is below 99.5% once the
 * differences documented in docs/pyflakes-differences.md are set aside.
 */
import * as fs from 'fs';
import { printAgreement } from './findingComparison';
import { pythonFiles } from './mccabeComparison';
import { compareFindings, PYFLAKES_CODES, runFlake8, runPyreview, TARGET_CODES, withoutDocumented } from './pyflakesComparison';

async function main(): Promise<number> {
  const targets = process.argv.slice(2);
  const files = (targets.length ? targets : ['/usr/lib/python3.11']).flatMap((target) =>
    fs.statSync(target).isDirectory() ? pythonFiles(target) : [target],
  );
  const started = Date.now();
  const reference = runFlake8(files);
  const flake8Seconds = (Date.now() - started) / 1000;
  const ours = runPyreview(files, reference.unparsable);
  const pyreviewSeconds = (Date.now() - started) / 1000 - flake8Seconds;
  const theirs = reference.findings.filter((f) => !reference.unparsable.has(f.file));
  const byCode = compareFindings(ours, theirs);
  printAgreement(`pyflakes agreement, ${files.length} files (${reference.unparsable.size} unparsable by Python, skipped)`, byCode, PYFLAKES_CODES, 0);
  const ok = printAgreement(
    'target codes (99.5%), counting the documented differences (docs/pyflakes-differences.md) as agreement',
    withoutDocumented(byCode),
    TARGET_CODES,
    99.5,
  );
  console.log(`flake8 ${flake8Seconds.toFixed(1)} s, pyreview ${pyreviewSeconds.toFixed(1)} s`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
