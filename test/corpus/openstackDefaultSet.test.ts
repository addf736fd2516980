/**
 * The default rule set on real OpenStack code: Debian 12's `python3-nova`, downloaded and unpacked, not
 * installed, by `bash scripts/debian-inputs.sh python3-nova` (scripts/test.sh runs it), checked by the real
 * `pyreview check` with its workspace index, as a user would run it. The findings per code and per
 * thousand lines must be the "after" columns of the table in docs/default-set-on-openstack.md, where
 * the "before" columns are those of the default set before unused arguments were limited to signatures
 * the author controls, and a judged sample of what went away is discussed.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI } from '../cli/cliHarness';
import { NOVA_SOURCES, REPO_ROOT } from '../helpers/paths';
import { pythonFiles } from '../../scripts/pythonCorpus';

const DOC = path.join(REPO_ROOT, 'docs', 'default-set-on-openstack.md');

/** Lines as `wc -l` counts them, with a last line that has no line break counted too. */
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const perThousand = (count: number, lines: number): string => ((1000 * count) / lines).toFixed(2);

/** The table's rows: code → [before, before per thousand lines, after, after per thousand lines], as written. */
function documentedRows(doc: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const match of doc.matchAll(/^\| (\w+) \| ([\d,]+) \| ([\d.]+) \| ([\d,]+) \| ([\d.]+) \|$/gm)) rows.set(match[1], match.slice(2));
  return rows;
}

describe('the default rule set on OpenStack nova (Debian\'s python3-nova)', function () {
  this.timeout(900_000);
  let copy: string;

  before(() => {
    assert.ok(fs.existsSync(NOVA_SOURCES), 'python3-nova is not unpacked: run bash scripts/debian-inputs.sh python3-nova');
    // The CLI skips hidden directories such as .debian-inputs: check a copy, as a project of its own.
    copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-nova-')));
    fs.cpSync(NOVA_SOURCES, path.join(copy, 'nova'), { recursive: true });
  });

  after(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('reports the counts per code and per thousand lines that docs/default-set-on-openstack.md gives', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--exit-zero', '--format', 'json', 'nova'], {
      cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    });
    assert.strictEqual(run.status, 0, run.stderr);
    const findings = JSON.parse(run.stdout) as Array<{ code: string }>;
    const counts = new Map<string, number>();
    for (const { code } of findings) counts.set(code, (counts.get(code) ?? 0) + 1);
    const lines = pythonFiles(path.join(copy, 'nova')).reduce((sum, file) => sum + lineCount(fs.readFileSync(file, 'utf8')), 0);

    const doc = fs.readFileSync(DOC, 'utf8');
    assert.ok(doc.includes(`${lines.toLocaleString('en-US')} lines`), `the document should count ${lines.toLocaleString('en-US')} lines`);
    const rows = documentedRows(doc);
    const actual = [...rows.keys()].map((code) => {
      const count = code === 'all' ? findings.length : counts.get(code) ?? 0;
      return `${code}: ${count.toLocaleString('en-US')} ${perThousand(count, lines)}`;
    });
    const documented = [...rows].map(([code, [, , count, rate]]) => `${code}: ${count} ${rate}`);
    assert.deepStrictEqual(actual, documented, 'the "after" columns differ from this run');
    const missing = [...counts.keys()].filter((code) => !rows.has(code));
    assert.deepStrictEqual(missing, [], 'codes this run reports that the table lacks');

    // What the change is for: unused arguments no longer bury the other findings.
    const signatures = ['ARG001', 'ARG002', 'ARG003', 'ARG004', 'ARG005', 'PLR6301'];
    const share = signatures.reduce((sum, code) => sum + (counts.get(code) ?? 0), 0) / findings.length;
    assert.ok(share < 0.4, `ARG00x and PLR6301 are ${(100 * share).toFixed(1)}% of the findings`);
  });
});
