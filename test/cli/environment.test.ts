import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, pyreview, TempProject } from './cliHarness';
import { poisonResults, readResults, RESULTS_FILE, writeResults, type ReportedItem, type ResultsEntry } from './resultsFile';

const UNUSED_IMPORT = 'import os\n';
const FIXED = '';
/** What a stack trace looks like in Node's output. */
const STACK_FRAME = /^\s+at .+[:(]/m;

describe('pyreview check: the environment says no', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'a.py': UNUSED_IMPORT, 'b.py': UNUSED_IMPORT });
  });
  afterEach(() => project.cleanup());

  it('ends quietly when the reader closes the pipe (`| head -1`), with the exit status of the run', () => {
    // Far more output than a pipe holds, so that writing meets the closed pipe.
    project.write('many.py', Array.from({ length: 5000 }, (_, i) => `import module_${i}\n`).join(''));
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" check --no-cache --select F401 . | head -1`], { cwd: project.root, encoding: 'utf8' });
    assert.strictEqual(run.stdout.split('\n').length, 2, run.stdout);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
    assert.doesNotMatch(run.stderr, /EPIPE/);
    assert.strictEqual(run.status, 1, 'findings: status 1, as without the pipe');
  });

  it('reports a file it cannot write, fixes the others and exits 2', () => {
    // Root writes read-only files: the run is then made as an unprivileged user.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    fs.chmodSync(project.root, 0o777);
    fs.chmodSync(project.path('a.py'), 0o444);
    fs.chmodSync(project.path('b.py'), 0o666);
    const run = pyreview(['check', '--no-cache', '--select', 'F401', '--fix'], project.root, user);
    assert.match(run.stderr, /^error: a\.py was left unchanged: it cannot be written: EACCES/m);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
    assert.strictEqual(project.read('a.py'), UNUSED_IMPORT);
    assert.strictEqual(project.read('b.py'), FIXED, 'the run went on');
    assert.match(run.stdout, /1 fixed/);
    assert.strictEqual(run.status, 2);
  });

  it('reports an --output-file it cannot write in one line', () => {
    project.write('blocker', '');
    const run = project.run('check', '--no-cache', '--output-file', 'blocker/report.txt');
    assert.match(run.stderr, /^error: .*blocker/m);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
    assert.strictEqual(run.status, 2);
  });

  it('checks and fixes a file whose name is not UTF-8', () => {
    const latin1Name = Buffer.concat([Buffer.from(project.root + path.sep), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('.py')]);
    fs.writeFileSync(latin1Name, UNUSED_IMPORT);
    const run = project.run('check', '--no-cache', '--select', 'F401', '--format', 'json');
    const reported = (JSON.parse(run.stdout) as Array<{ filename: string }>).map((item) => path.basename(item.filename));
    assert.deepStrictEqual(reported, ['a.py', 'b.py', 'caf\udce9.py'], run.stderr);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.match(project.run('check', '--no-cache', '--select', 'F401').stdout, /^caf\ufffd\.py:1:8: F401 /m);
    assert.strictEqual(project.run('check', '--no-cache', '--select', 'F401', '--fix').status, 0);
    assert.strictEqual(fs.readFileSync(latin1Name, 'utf8'), FIXED);
    assert.deepStrictEqual(fs.readdirSync(project.root).sort(), ['a.py', 'b.py', 'caf\ufffd.py'], 'no file of another name was written');
  });

  it('does not check a file longer than the editor would, and says so', () => {
    project.write('generated.py', `x = 1\n${'#'.repeat(8_000_000)}\n`);
    const started = Date.now();
    const run = project.run('check', '--no-cache', '--select', 'F401');
    assert.ok(Date.now() - started < 20_000);
    assert.match(run.stderr, /^error: generated\.py was not checked: it has 8,000,007 characters, more than the 8,000,000 pyreview checks/m);
    assert.match(run.stdout, /^a\.py:1:8: F401/m);
    assert.strictEqual(run.status, 2);
  });
});

describe('pyreview check: source encodings as Python reads them', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject();
  });
  afterEach(() => project.cleanup());

  it('decodes a PEP 263 declaration and writes fixes back in that encoding and line endings', () => {
    const source = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
    fs.writeFileSync(project.path('latin.py'), source(['# -*- coding: latin-1 -*-', 'import os', 'name = "café"  # é', '']));
    const run = project.run('check', '--no-cache', '--select', 'F401,E999', '--format', 'json');
    assert.deepStrictEqual((JSON.parse(run.stdout) as Array<{ code: string; location: unknown }>).map((d) => [d.code, d.location]), [['F401', { row: 2, column: 8 }]], run.stderr);
    assert.strictEqual(run.status, 1);
    assert.strictEqual(project.run('check', '--no-cache', '--select', 'F401', '--fix').status, 0);
    assert.deepStrictEqual(fs.readFileSync(project.path('latin.py')), source(['# -*- coding: latin-1 -*-', 'name = "café"  # é', '']));
  });

  it('reads the declaration on line 2 after a shebang, and a byte-order mark', () => {
    fs.writeFileSync(project.path('second.py'), Buffer.from('#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = "\x80"\nimport os\n', 'latin1'));
    fs.writeFileSync(project.path('bom.py'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# coding: utf-8\nx = "é"\n')]));
    const run = project.run('check', '--no-cache', '--select', 'F401,E999');
    assert.strictEqual(run.stderr, '');
    assert.match(run.stdout, /^second\.py:4:8: F401 /m);
    assert.strictEqual(run.status, 1);
  });

  it('reports, as Python refuses them, unknown encodings, bytes the encoding lacks and a declaration contradicting the BOM', () => {
    fs.writeFileSync(project.path('unknown.py'), '# coding: klingon\nx = 1\n');
    fs.writeFileSync(project.path('ascii.py'), Buffer.from('# coding: ascii\nx = "\xe9"\n', 'latin1'));
    fs.writeFileSync(project.path('bom.py'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# coding: latin-1\nx = 1\n')]));
    fs.writeFileSync(project.path('ok.py'), 'import os\n');
    const run = project.run('check', '--no-cache', '--select', 'F401');
    assert.match(run.stderr, /^error: unknown\.py declares an unknown encoding: klingon$/m);
    assert.match(run.stderr, /^error: ascii\.py is not valid ascii, the encoding it declares$/m);
    assert.match(run.stderr, /^error: bom\.py declares the encoding iso-8859-1 after a UTF-8 byte-order mark$/m);
    assert.match(run.stdout, /^ok\.py:1:8: F401 /m);
    assert.strictEqual(run.status, 2);
  });
});

describe('pyreview check: a cache it cannot trust', () => {
  let project: TempProject;
  let outside: string;
  beforeEach(() => {
    project = new TempProject({ 'a.py': UNUSED_IMPORT });
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-outside-'));
  });
  afterEach(() => {
    project.cleanup();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const findings = (format = 'json') => project.run('check', '--select', 'F401', '--format', format);
  const codes = (run: { stdout: string }) => (JSON.parse(run.stdout) as Array<{ code: string }>).map((d) => d.code);

  // A results file written whole (its hash matches) whose findings' text is not what pyreview writes: read when the
  // report needs the findings as objects (the JSON report copies the text as it is).
  for (const [name, corrupt] of [
    ['findings of another shape', (entry: ResultsEntry) => (entry.findings = [{ code: 7 } as unknown as ReportedItem])],
    ['findings that are not JSON', (entry: ResultsEntry) => (entry.findings = '"length": 1}')],
    ['a shared fix that names no finding', (entry: ResultsEntry) => ((entry.findings as ReportedItem[])[0].fix!.shared_with = 'F401')],
  ] as const) {
    it(`ignores and rewrites an entry with ${name}`, () => {
      assert.deepStrictEqual(codes(findings()), ['F401']);
      const written = project.readBytes(RESULTS_FILE);
      const results = readResults(project);
      for (const entry of Object.values(results.entries)) corrupt(entry);
      writeResults(project, results);
      const run = findings('text');
      assert.match(run.stdout, /^a\.py:1:8: F401 /, run.stderr);
      assert.strictEqual(run.status, 1);
      assert.doesNotMatch(run.stderr, STACK_FRAME);
      assert.ok(project.readBytes(RESULTS_FILE).equals(written), 'the entry is written again as it was');
    });
  }

  const SUMMARIES_FILE = '.pyreview_cache/summaries.json';
  for (const [name, corrupt] of [
    ['of another shape', (summary: Record<string, unknown>) => Object.assign(summary, { path: 1, tables: 'x' })],
    ['without its import bindings', (summary: Record<string, unknown>) => delete summary.importBindings],
    ['without its classes', (summary: Record<string, unknown>) => delete summary.classes],
    ['edited after it was written', (summary: Record<string, unknown>) => (summary.names as string[]).push('edited')],
  ] as const) {
    it(`ignores and rewrites a summary ${name}`, () => {
      assert.deepStrictEqual(codes(findings()), ['F401']);
      const written = project.read(SUMMARIES_FILE);
      const data = JSON.parse(written) as { summaries: Record<string, Record<string, unknown>> };
      for (const summary of Object.values(data.summaries)) corrupt(summary);
      project.write(SUMMARIES_FILE, JSON.stringify(data));
      // Another file: the workspace index is built, from the summaries file.
      project.write('b.py', 'x = 1\n');
      const run = findings();
      assert.deepStrictEqual(codes(run), ['F401'], run.stderr);
      assert.doesNotMatch(run.stderr, STACK_FRAME);
      const rewritten = JSON.parse(project.read(SUMMARIES_FILE)) as { summaries: Record<string, unknown> };
      for (const [hash, summary] of Object.entries((JSON.parse(written) as { summaries: Record<string, unknown> }).summaries)) {
        assert.deepStrictEqual(rewritten.summaries[hash], summary, 'the summary is written again as it was');
      }
    });
  }

  it('ignores an entry whose workspace question would change the index', () => {
    project.write('b.py', 'from a import os\nprint(os)\n');
    const fixTitle = () => (JSON.parse(findings().stdout) as Array<{ filename: string; fix: { message: string } }>).map((d) => [path.basename(d.filename), d.fix.message]);
    const expected = [['a.py', 'Remove unused import `os` (`b.py` imports it from this module)']];
    assert.deepStrictEqual(fixTitle(), expected);
    const results = readResults(project);
    const entry = results.entries[project.path('a.py')];
    entry.workspaceQueries = [{ member: 'removeBelow', args: [project.root], answer: '' }, ...(entry.workspaceQueries ?? [])];
    writeResults(project, results);
    assert.deepStrictEqual(fixTitle(), expected, 'checked with the whole workspace');
  });

  it('ignores a cache file of another shape altogether', () => {
    findings();
    for (const data of ['[]', '{"version": 1, "entries": []}', 'null', '"text"']) {
      project.write(RESULTS_FILE, data);
      assert.deepStrictEqual(codes(findings()), ['F401'], data);
      // The same, under a line that is its hash.
      project.write(RESULTS_FILE, `${createHash('sha256').update(`${data}\n`).digest('hex')}\n${data}\n`);
      assert.deepStrictEqual(codes(findings()), ['F401'], data);
    }
  });

  it('neither uses nor writes through a cache directory that is a symbolic link', () => {
    fs.symlinkSync(outside, project.path('.pyreview_cache'));
    const run = findings();
    assert.deepStrictEqual(codes(run), ['F401']);
    assert.match(run.stderr, /^warning: .*\.pyreview_cache is a symbolic link: the cache is not used$/m);
    assert.deepStrictEqual(fs.readdirSync(outside), []);
  });

  it('does not write through links planted in the cache directory', () => {
    fs.mkdirSync(project.path('.pyreview_cache'));
    const victim = path.join(outside, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    fs.symlinkSync(path.join(outside, 'created-by-pyreview'), project.path('.pyreview_cache/.gitignore'));
    fs.symlinkSync(victim, project.path(RESULTS_FILE));
    fs.symlinkSync(victim, project.path(SUMMARIES_FILE));
    assert.deepStrictEqual(codes(findings()), ['F401']);
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious\n');
    assert.deepStrictEqual(fs.readdirSync(outside), ['victim.txt'], 'nothing created outside the project');
    assert.ok(fs.lstatSync(project.path(RESULTS_FILE)).isFile(), 'the link was replaced by the cache');
    assert.ok(fs.lstatSync(project.path(SUMMARIES_FILE)).isFile(), 'and the summaries');
  });

  it('does not read a cache file that links to a device', () => {
    fs.mkdirSync(project.path('.pyreview_cache'));
    fs.symlinkSync('/dev/zero', project.path(RESULTS_FILE));
    assert.deepStrictEqual(codes(findings()), ['F401']);
  });

  it('does not read summaries through a link', () => {
    assert.deepStrictEqual(codes(findings()), ['F401']);
    const copy = path.join(outside, 'summaries.json');
    fs.renameSync(project.path(SUMMARIES_FILE), copy);
    fs.symlinkSync(copy, project.path(SUMMARIES_FILE));
    // Findings that name the summaries they were checked with: the linked summaries are not read, so the file is checked again.
    poisonResults(project);
    project.write('b.py', 'x = 1\n');
    const run = findings();
    assert.doesNotMatch(run.stdout, /FROM CACHE/);
    assert.ok(fs.lstatSync(project.path(SUMMARIES_FILE)).isFile(), 'the link was replaced');
  });

  it('does not read summaries from a device', () => {
    assert.deepStrictEqual(codes(findings()), ['F401']);
    fs.rmSync(project.path(SUMMARIES_FILE));
    fs.symlinkSync('/dev/zero', project.path(SUMMARIES_FILE));
    project.write('b.py', 'x = 1\n');
    assert.deepStrictEqual(codes(findings()), ['F401']);
  });

  it("does not use a cache directory that is another user's", () => {
    const directory = project.path('.pyreview_cache');
    fs.mkdirSync(directory);
    if (process.getuid?.() !== 0) {
      // Only root can give a directory away; the check itself is the same.
      assert.strictEqual(require('pyreview-server/out/safeFiles').untrustedDirectory('/'), 'belongs to another user');
      return;
    }
    fs.chownSync(directory, 65534, 65534);
    const run = findings();
    assert.deepStrictEqual(codes(run), ['F401']);
    assert.match(run.stderr, /^warning: .*\.pyreview_cache belongs to another user: the cache is not used$/m);
    assert.deepStrictEqual(fs.readdirSync(directory), []);
  });
});
