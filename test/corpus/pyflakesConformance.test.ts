/**
 * pyflakes' own test suite as a conformance suite: every `self.flakes(source, *messages, **options)` call of
 * Debian's python3-pyflakes 2.5 (`pyflakes/test/`), recorded by running that suite
 * (`scripts/pyflakes-cases.py`), is checked with pyreview for the codes it implements. For each case the
 * codes pyflakes expects (its message classes, named by flake8's table) must be the codes pyreview reports,
 * as a multiset (pyflakes' harness compares message types, not positions). `filename` is the path checked;
 * no recorded case sets `builtins` (the test fails if one does). A case pyflakes checks as a segment (its
 * first statement alone) is checked as the module it is. Cases that differ on purpose are listed in
 * DOCUMENTED, each explained, with how many cases it accounts for, in docs/pyflakes-differences.md.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { checkText } from '../helpers/checker';

/** pyflakes' message classes of the codes pyreview implements, with flake8's codes for them. */
const CODES: Readonly<Record<string, string>> = {
  UnusedImport: 'F401',
  ImportStarUsed: 'F403',
  ImportStarUsage: 'F405',
  RedefinedWhileUnused: 'F811',
  UndefinedName: 'F821',
  UndefinedExport: 'F822',
  UndefinedLocal: 'F823',
  UnusedVariable: 'F841',
  IsLiteral: 'F632',
};

interface Case {
  test: string;
  index: number;
  source: string;
  expected: string[];
  options: { filename?: string; builtins?: string[] };
  segment: boolean;
  doctest: boolean;
}

/** Cases pyreview answers differently by design, with the heading of docs/pyflakes-differences.md that explains them. */
const DOCUMENTED: ReadonlyArray<{ matches: (c: Case) => boolean; heading: string }> = [
  { matches: (c) => c.doctest, heading: 'Doctests are not checked' },
];

function recordedCases(): { version: string; cases: Case[] } {
  // Debian's interpreter: the one python3-pyflakes is installed for.
  const run = spawnSync('/usr/bin/python3', [path.join(REPO_ROOT, 'scripts', 'pyflakes-cases.py')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.strictEqual(run.status, 0, `recording pyflakes' suite failed (Debian's python3-pyflakes is needed):\n${run.stderr}`);
  return JSON.parse(run.stdout) as { version: string; cases: Case[] };
}

const multiset = (codes: readonly string[]): string => [...codes].sort().join(',');

/** What pyreview reports for a case, as codes; `builtins` are extra names the check must know. */
function pyreviewCodes(c: Case): string[] {
  const result = checkText(c.source, { select: Object.values(CODES), targetVersion: '3.11' }, c.options.filename ?? 'example.py');
  assert.deepStrictEqual(result.internalErrors, [], `${c.test}#${c.index}: a rule threw`);
  return result.findings.map((f) => f.code);
}

function describeCase(c: Case, expected: string, actual: string): string {
  return `${c.test}#${c.index}: pyflakes ${expected || '(nothing)'}, pyreview ${actual || '(nothing)'}\n${c.source}`;
}

describe('pyflakes conformance: pyflakes 2.5\'s own test cases', function () {
  this.timeout(300_000);
  const { version, cases } = recordedCases();
  const differences = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'pyflakes-differences.md'), 'utf8');

  it('records the suite of pyflakes 2.5', () => {
    assert.match(version, /^2\.5\./);
    assert.ok(cases.length > 1000, `only ${cases.length} cases recorded`);
    assert.ok(cases.every((c) => !c.options.builtins), 'a case sets builtins: pass them to the check');
  });

  const byModule = new Map<string, Case[]>();
  for (const c of cases) {
    const module = c.test.split('.')[0];
    byModule.set(module, [...(byModule.get(module) ?? []), c]);
  }
  /** How many differing cases each documented difference accounts for. */
  const documentedCounts = new Map<string, number>(DOCUMENTED.map((d) => [d.heading, 0]));
  for (const [module, moduleCases] of byModule) {
    it(`${module}: every case gives pyflakes' codes, less the documented differences`, () => {
      const failures: string[] = [];
      for (const c of moduleCases) {
        const expected = multiset(c.expected.flatMap((message) => CODES[message] ?? []));
        const actual = multiset(pyreviewCodes(c));
        if (expected === actual) continue;
        const documented = DOCUMENTED.find((d) => d.matches(c));
        if (documented) documentedCounts.set(documented.heading, documentedCounts.get(documented.heading)! + 1);
        else failures.push(describeCase(c, expected, actual));
      }
      assert.deepStrictEqual(failures, []);
    });
  }

  it('documents each difference with the number of cases it accounts for', () => {
    for (const [heading, count] of documentedCounts) {
      assert.ok(count > 0, `no case differs as "${heading}" any more: remove it`);
      assert.ok(differences.includes(`### ${heading} (${count} cases)`), `docs/pyflakes-differences.md has no section "### ${heading} (${count} cases)"`);
    }
  });
});
