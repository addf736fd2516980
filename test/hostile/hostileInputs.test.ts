/**
 * Inputs that are hostile to more than speed: sizes past the limit, binary
 * content, encodings and line endings. Each is checked by the real CLI and
 * the real server, within the issue's limits, with the answer Python would
 * give. (The inputs whose time depends on the analysis engine's speed are
 * measured by bench/hostile.js: speed is a benchmark's to judge, not a test's.)
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeSource } from 'pyreview-server/out/project/sourceFile';
import { HOSTILE_INPUTS } from './inputs';
import { LIMITS, measureCli, measureServer, type Guard } from './measure';

const SELECTION = ['F401', 'F821', 'E999'];
const GUARD: Guard = { deadlineMs: 20_000, memoryCapMiB: 1500 };
const NUL_BYTES = 'E999 SyntaxError: source code cannot contain null bytes';

/** What each input gets: the CLI's exit status and lines (`row:column CODE` or a stderr line), the server's `line:character CODE`. */
const EXPECTED: Record<string, { status: number; cli: string[]; server: string[] }> = {
  'over_limit_8m.py': { status: 2, cli: ['error: over_limit_8m.py was not checked: it has 8,000,001 characters, more than the 8,000,000 pyreview checks'], server: [] },
  'binary.py': { status: 2, cli: ['error: binary.py is not valid UTF-8 and declares no other encoding (PEP 263)'], server: [`1:4 ${NUL_BYTES}`] },
  'nul_bytes.py': { status: 1, cli: [`2:7 ${NUL_BYTES}`], server: [`1:6 ${NUL_BYTES}`] },
  'utf16.py': { status: 2, cli: ['error: utf16.py is not valid UTF-8 and declares no other encoding (PEP 263)'], server: [`0:3 ${NUL_BYTES}`] },
  'latin1_declared.py': { status: 1, cli: ['2:8 F401'], server: ['1:7 F401'] },
  'bom.py': { status: 1, cli: ['1:8 F401', '2:5 F821'], server: ['0:7 F401', '1:4 F821'] },
  'lone_cr.py': { status: 1, cli: ['1:8 F401', '3:12 F821'], server: ['0:7 F401', '2:11 F821'] },
  'crlf.py': { status: 1, cli: ['1:8 F401', '3:12 F821'], server: ['0:7 F401', '2:11 F821'] },
  'mixed_endings.py': { status: 1, cli: ['1:8 F401', '4:12 F821'], server: ['0:7 F401', '3:11 F821'] },
  'emoji_cjk.py': { status: 1, cli: ['1:19 F401', '2:7 F821'], server: ['0:19 F401', '1:6 F821'] },
  'empty.py': { status: 0, cli: [], server: [] },
};

/** The text an editor would send: as Python decodes the file, else the bytes as Latin-1 (what an editor shows of binary). */
function editorText(bytes: Buffer): string {
  const source = decodeSource(bytes);
  return typeof source === 'string' ? bytes.toString('latin1') : source.text;
}

describe('hostile inputs: sizes, binary content, encodings, line endings (CLI and server)', function () {
  this.timeout(120_000);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-hostile-'));
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  for (const input of HOSTILE_INPUTS.filter((candidate) => !candidate.engineBound)) {
    const expected = EXPECTED[input.name];

    it(`${input.name}: the CLI answers as Python would, within the limits`, async () => {
      const file = path.join(directory, input.name);
      fs.writeFileSync(file, input.bytes);
      const run = await measureCli(input.name, ['--select', SELECTION.join(',')], GUARD, directory);
      const lines = [
        ...run.stderr.split('\n').filter((line) => line.startsWith('error:')).map((line) => line.replace(/ \(add it to `extend-exclude`\)$/, '')),
        ...run.stdout.split('\n').flatMap((line) => {
          const finding = /^[^:]+:(\d+):(\d+): (\w+)( SyntaxError: source code cannot contain null bytes)?/.exec(line);
          return finding ? [`${finding[1]}:${finding[2]} ${finding[3]}${finding[4] ?? ''}`] : [];
        }),
      ];
      assert.deepStrictEqual(lines, expected.cli, run.stdout + run.stderr);
      assert.strictEqual(run.status, expected.status);
      assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
      assert.ok(run.cpuMs <= LIMITS.cliMs, `${Math.round(run.cpuMs)} ms of CPU (${Math.round(run.ms)} ms) > ${LIMITS.cliMs} ms`);
      assert.ok(run.peakMiB <= LIMITS.peakRssMiB, `${Math.round(run.peakMiB)} MiB > ${LIMITS.peakRssMiB} MiB`);
    });

    it(`${input.name}: the server answers as Python would, within the limits`, async () => {
      const server = await measureServer(input.name, editorText(input.bytes), GUARD, { settings: { select: SELECTION } });
      assert.ok(server.first, `no diagnostics (${server.killed ?? 'no answer'}): ${server.log}`);
      const published = server.first.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}${d.code === 'E999' ? ` ${d.message.split(' (')[0]}` : ''}`);
      assert.deepStrictEqual(published, expected.server);
      if (input.overLimit) assert.match(server.log, /was not checked: it has 8,000,001 characters/);
      assert.ok(server.firstDiagnosticsCpuMs! <= LIMITS.firstDiagnosticsMs, `${Math.round(server.firstDiagnosticsCpuMs!)} ms of CPU (${Math.round(server.firstDiagnosticsMs!)} ms) to first diagnostics`);
      assert.ok(server.peakMiB <= LIMITS.peakRssMiB, `${Math.round(server.peakMiB)} MiB`);
      assert.ok(server.shutdownMs !== undefined && server.shutdownMs <= LIMITS.shutdownMs, `shutdown: ${server.shutdownMs} ms`);
      assert.strictEqual(server.exitCode, 0);
    });
  }
});
