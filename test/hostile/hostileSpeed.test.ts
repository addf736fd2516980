/**
 * The inputs that once hung the CLI and the server for minutes and took
 * gigabytes: each must be answered within the issue's limits by the real CLI
 * and the real server, typing in the large ones must stay fast, and shutdown
 * must be honoured right after. What makes them pass is the analysis engine
 * (iterative traversals, a flat tree, CPython's nesting limits as E999); the
 * figures of each run are printed by `node bench/hostile.js`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { HOSTILE_INPUTS } from './inputs';
import { LIMITS, measureCli, measureServer, type Guard, type Killed } from './measure';

// The benchmark's percentile, one definition for both.
const { percentile } = require(path.join(REPO_ROOT, 'bench', 'stats.js')) as { percentile(values: readonly number[], p: number): number };

/** Far past the limits: a runaway is stopped there rather than taking minutes and gigabytes. */
const GUARD: Guard = { deadlineMs: 15_000, memoryCapMiB: 1500 };
const KEYSTROKES = 20;

function stopped(killed: Killed): string {
  return killed ? ` (killed at the ${killed === 'deadline' ? `${GUARD.deadlineMs / 1000} s deadline` : `${GUARD.memoryCapMiB} MiB memory cap`})` : '';
}

describe('hostile inputs: deep nesting, huge lines and literals, long files (CLI and server)', function () {
  this.timeout(120_000);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-hostile-'));
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  for (const input of HOSTILE_INPUTS.filter((candidate) => candidate.engineBound)) {
    it(`${input.name}: the CLI answers in ≤ ${LIMITS.cliMs / 1000} s and ≤ ${LIMITS.peakRssMiB} MiB, without internal errors`, async () => {
      fs.writeFileSync(path.join(directory, input.name), input.bytes);
      const run = await measureCli(input.name, [], GUARD, directory);
      assert.ok(!run.killed && run.cpuMs <= LIMITS.cliMs, `${Math.round(run.cpuMs)} ms of CPU, ${Math.round(run.ms)} ms${stopped(run.killed)}`);
      assert.ok(run.peakMiB <= LIMITS.peakRssMiB, `${Math.round(run.peakMiB)} MiB`);
      assert.doesNotMatch(run.stderr, /internal error|^\s+at /m, run.stderr.slice(0, 500));
      assert.ok(run.status === 0 || run.status === 1, `exit status ${run.status}`);
    });

    const typing = input.typingLine === undefined ? undefined : { line: input.typingLine, keystrokes: KEYSTROKES };
    const typed = typing ? `, keystrokes ≤ ${LIMITS.keystrokeMs} ms (p95 of ${KEYSTROKES})` : '';
    it(`${input.name}: the server's first diagnostics in ≤ ${LIMITS.firstDiagnosticsMs / 1000} s and ≤ ${LIMITS.peakRssMiB} MiB${typed}, shutdown honoured`, async () => {
      const server = await measureServer(input.name, input.bytes.toString('utf8'), GUARD, { typing });
      const first = server.firstDiagnosticsMs === undefined ? `none within ${GUARD.deadlineMs / 1000} s` : `${Math.round(server.firstDiagnosticsCpuMs!)} ms of CPU, ${Math.round(server.firstDiagnosticsMs)} ms`;
      assert.ok(server.firstDiagnosticsCpuMs !== undefined && server.firstDiagnosticsCpuMs <= LIMITS.firstDiagnosticsMs, `first diagnostics: ${first}${stopped(server.killed)}`);
      assert.ok(server.peakMiB <= LIMITS.peakRssMiB, `${Math.round(server.peakMiB)} MiB`);
      if (typing) {
        assert.strictEqual(server.keystrokeMs.length, KEYSTROKES, `${server.keystrokeMs.length} of ${KEYSTROKES} keystrokes answered${stopped(server.killed)}`);
        const p95 = percentile(server.keystrokeMs, 95);
        assert.ok(p95 <= LIMITS.keystrokeMs, `keystroke p95 ${Math.round(p95)} ms`);
      }
      assert.ok(server.shutdownMs !== undefined && server.shutdownMs <= LIMITS.shutdownMs, `shutdown: ${server.shutdownMs === undefined ? 'no answer' : `${Math.round(server.shutdownMs)} ms`}`);
      assert.strictEqual(server.exitCode, 0);
      assert.doesNotMatch(server.log, /internal error|RangeError/, server.log.slice(0, 500));
    });
  }
});
