import * as assert from 'assert';
import { spawnSync } from 'child_process';
import Ajv from 'ajv-draft-04';
import { ONLY_E722_E999, BARE_EXCEPT, TempProject } from './cliHarness';

// The SARIF 2.1.0 schema (draft-04), as Microsoft's SARIF SDK ships it on npm.
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

describe('pyreview check: CI output formats', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({
      'app/bad.py': BARE_EXCEPT,
      'app/broken.py': 'print("é😀") )\n',
      'app/weird, name.py': BARE_EXCEPT,
    });
  });
  afterEach(() => project.cleanup());

  it('github: one workflow command per finding, error level for errors, escaped properties', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'github');
    assert.strictEqual(run.status, 1);
    assert.strictEqual(
      run.stdout,
      [
        '::warning file=app/bad.py,line=3,col=1,endLine=3,endColumn=8,title=E722::Do not use bare `except`',
        '::error file=app/broken.py,line=1,col=13,endLine=1,endColumn=14,title=E999::SyntaxError: unexpected `)`',
        '::warning file=app/weird%2C name.py,line=3,col=1,endLine=3,endColumn=8,title=E722::Do not use bare `except`',
        '',
      ].join('\n'),
    );
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rule metadata, regions and fixes', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'sarif');
    assert.strictEqual(run.status, 1);
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);
    assert.ok(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors, null, 2));
    const log = JSON.parse(run.stdout);

    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules as Array<{
      id: string; name: string; helpUri: string; help: { text: string; markdown: string }; defaultConfiguration: { level: string };
    }>;
    const e722 = rules.find((rule) => rule.id === 'E722');
    assert.ok(e722);
    assert.strictEqual(e722.name, 'bare-except');
    assert.strictEqual(e722.defaultConfiguration.level, 'warning');
    assert.match(e722.helpUri, /E722/);
    assert.match(e722.help.markdown, /## Why is this bad\?/);
    assert.strictEqual(rules.find((rule) => rule.id === 'E999')?.defaultConfiguration.level, 'error');

    const results = sarifRun.results;
    assert.strictEqual(results.length, 3);
    const [bare, broken] = results;
    assert.strictEqual(bare.ruleId, 'E722');
    assert.strictEqual(rules[bare.ruleIndex].id, 'E722');
    assert.deepStrictEqual(bare.locations[0].physicalLocation, {
      artifactLocation: { uri: 'app/bad.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 8 },
    });
    assert.deepStrictEqual(bare.fixes[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 7 }, insertedContent: { text: ' Exception' } },
    ]);
    assert.strictEqual(broken.level, 'error');
    assert.strictEqual(broken.locations[0].physicalLocation.region.startColumn, 13);
    assert.strictEqual(sarifRun.columnKind, 'unicodeCodePoints');
    assert.strictEqual(results[2].locations[0].physicalLocation.artifactLocation.uri, 'app/weird%2C%20name.py');
  });

  it('sarif: a clean run is a valid log with no results', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'sarif', '--ignore', 'E');
    assert.strictEqual(run.status, 0);
    assert.ok(new Ajv({ strict: false, unicodeRegExp: false }).validate(SARIF_SCHEMA, JSON.parse(run.stdout)));
    const log = JSON.parse(run.stdout);
    assert.deepStrictEqual(log.runs[0].results, []);
  });

  it('junit: well-formed XML with one failing test case per finding', () => {
    const run = project.run('check', ...ONLY_E722_E999, '--format', 'junit');
    assert.strictEqual(run.status, 1);
    // Python's own XML parser judges well-formedness (no XML parser is a dependency of ours).
    const parsed = spawnSync(
      'python3',
      ['-c', [
        'import json, sys, xml.etree.ElementTree as ET',
        'root = ET.fromstring(sys.stdin.read())',
        'print(json.dumps({"tag": root.tag, "failures": root.get("failures"), "suites": [',
        '  {"name": s.get("name"), "cases": [[c.get("name"), c.get("line"), c.find("failure").get("message")] for c in s]}',
        '  for s in root]}))',
      ].join('\n')],
      { input: run.stdout, encoding: 'utf8' },
    );
    assert.strictEqual(parsed.status, 0, parsed.stderr);
    assert.deepStrictEqual(JSON.parse(parsed.stdout), {
      tag: 'testsuites',
      failures: '3',
      suites: [
        { name: 'app/bad.py', cases: [['org.pyreview.E722', '3', 'Do not use bare `except`']] },
        { name: 'app/broken.py', cases: [['org.pyreview.E999', '1', 'SyntaxError: unexpected `)`']] },
        { name: 'app/weird, name.py', cases: [['org.pyreview.E722', '3', 'Do not use bare `except`']] },
      ],
    });
  });
});
