/**
 * The findings of a block share its reindent fix: the CLI's reports give its
 * edits once, so that their size grows with the file, not with its square.
 */
import * as assert from 'assert';
import Ajv from 'ajv-draft-04';
import { applyEdits, LineIndex } from '@pyreview/shared-rules';
import { TempProject } from './cliHarness';
import { spaceIndented, tabIndentedFunction } from '../helpers/tabIndented';

const MAX_REPORT_BYTES = 2_000_000;

// The SARIF 2.1.0 schema (draft-04), as Microsoft's SARIF SDK ships it on npm.
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

interface JsonEdit {
  content: string;
  location: { row: number; column: number };
  end_location: { row: number; column: number };
}

interface JsonFinding {
  code: string;
  location: { row: number; column: number };
  fix: { applicability: string; message: string; edits: JsonEdit[]; shared_with?: { code: string; location: { row: number; column: number } } } | null;
}

/** Applies edits given in 1-based rows and columns (the text is ASCII: columns are offsets in the line). */
function applyJsonEdits(text: string, edits: readonly JsonEdit[]): string {
  const lines = new LineIndex(text);
  const offset = ({ row, column }: { row: number; column: number }) => lines.lineStart(row - 1) + column - 1;
  return applyEdits(text, edits.map((edit) => ({ start: offset(edit.location), end: offset(edit.end_location), newText: edit.content })));
}

describe('pyreview check: a tab-indented function of 1,700 lines', function () {
  this.timeout(120_000);
  const source = tabIndentedFunction(1700);
  let project: TempProject;
  before(() => {
    project = new TempProject({ 'handler.py': source });
  });
  after(() => project.cleanup());

  it('json: each W191 is fixable, the first lists the block fix, the others name it; under 2 MB', () => {
    const run = project.run('check', '--no-cache', '--format', 'json', 'handler.py');
    assert.strictEqual(run.status, 1, run.stderr);
    assert.ok(Buffer.byteLength(run.stdout) <= MAX_REPORT_BYTES, `${Buffer.byteLength(run.stdout)} bytes`);
    const findings = (JSON.parse(run.stdout) as JsonFinding[]).filter((finding) => finding.code === 'W191');
    assert.strictEqual(findings.length, 1700);
    const [first, ...others] = findings;
    assert.strictEqual(first.fix?.edits.length, 1700);
    assert.strictEqual(applyJsonEdits(source, first.fix.edits), spaceIndented(source));
    for (const finding of others) {
      assert.deepStrictEqual(finding.fix, {
        applicability: 'safe',
        message: 'Reindent with four spaces per level',
        edits: [],
        shared_with: { code: 'W191', location: first.location },
      });
    }
  });

  it('sarif: the first W191 result carries the block fix, the others point at it; under 2 MB', () => {
    const run = project.run('check', '--no-cache', '--format', 'sarif', 'handler.py');
    assert.strictEqual(run.status, 1, run.stderr);
    assert.ok(Buffer.byteLength(run.stdout) <= MAX_REPORT_BYTES, `${Buffer.byteLength(run.stdout)} bytes`);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown[] }> };
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0].results as Array<{ ruleId: string; fixes?: Array<{ artifactChanges: Array<{ replacements: unknown[] }> }>; properties?: { fixInResult: number } }>;
    const w191 = results.flatMap((result, index) => (result.ruleId === 'W191' ? [index] : []));
    assert.strictEqual(w191.length, 1700);
    const [first, ...others] = w191;
    assert.strictEqual(results[first].fixes?.[0].artifactChanges[0].replacements.length, 1700);
    for (const index of others) {
      assert.strictEqual(results[index].fixes, undefined);
      assert.deepStrictEqual(results[index].properties, { fixInResult: first });
    }
  });

  it('--fix reindents the function, counts 1,700 findings fixed, and a second run finds nothing to fix', () => {
    const fixed = project.run('check', '--no-cache', '--select', 'W191', '--fix', 'handler.py');
    assert.strictEqual(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stdout, /^Found 1700 errors \(1700 fixed, 0 remaining\)\.$/m);
    assert.strictEqual(project.read('handler.py'), spaceIndented(source));
    assert.strictEqual(project.run('check', '--no-cache', '--select', 'W191', '--fix', 'handler.py').stdout, 'All checks passed!\n');
  });
});
