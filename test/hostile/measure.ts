/**
 * Time and peak memory of the real CLI and the real server on one input,
 * with a deadline and a memory cap past which the process is killed (a
 * runaway must not take the machine with it). Used by the hostile-input
 * tests and `bench/hostile.js`.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { CLI } from '../cli/cliHarness';
import { LspClient, type ReceivedDiagnostics } from '../helpers/lspClient';

/**
 * What the issue asks of every input. The CLI's time and the time to first
 * diagnostics are checked in CPU time: on a shared machine, wall time also
 * counts the wait for a core (both are reported).
 */
export const LIMITS = { cliMs: 3000, firstDiagnosticsMs: 3000, peakRssMiB: 500, keystrokeMs: 50, shutdownMs: 3000 };

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system, all threads) a process has used so far. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface Guard {
  /** Killed past this many milliseconds. */
  deadlineMs: number;
  /** Killed past this resident memory. */
  memoryCapMiB: number;
}

/** What stopped a process that was killed. */
export type Killed = 'deadline' | 'memory cap' | undefined;

function status(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Watches a process: its peak resident memory so far, and a kill past the guard's limits. */
class Watchdog {
  peakMiB = 0;
  /** CPU time at the last sample. */
  cpuMs = 0;
  killed: Killed;
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor(private readonly pid: number, guard: Guard, kill: () => void) {
    this.timer = setInterval(() => {
      this.sample();
      if (this.killed) return;
      if (this.peakMiB > guard.memoryCapMiB) this.killed = 'memory cap';
      else if (performance.now() - this.started > guard.deadlineMs) this.killed = 'deadline';
      if (this.killed) kill();
    }, 50);
  }

  sample(): void {
    this.peakMiB = Math.max(this.peakMiB, status(this.pid, 'VmHWM') ?? 0);
    this.cpuMs = cpuMs(this.pid) ?? this.cpuMs;
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

export interface CliMeasurement {
  /** Wall time. */
  ms: number;
  /** CPU time, sampled up to 50 ms before the end. */
  cpuMs: number;
  peakMiB: number;
  status: number | null;
  stdout: string;
  stderr: string;
  killed: Killed;
}

/** `pyreview check --no-cache ARGS FILE` in `cwd`. */
export function measureCli(file: string, args: readonly string[], guard: Guard, cwd: string): Promise<CliMeasurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'check', '--no-cache', ...args, file], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const watchdog = new Watchdog(child.pid!, guard, () => child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      watchdog.stop();
      resolve({ ms: performance.now() - started, cpuMs: watchdog.cpuMs, peakMiB: watchdog.peakMiB, status: code, stdout, stderr, killed: watchdog.killed });
    });
  });
}

export interface ServerMeasurement {
  /** From didOpen to the first publishDiagnostics (undefined: none before the deadline). */
  firstDiagnosticsMs?: number;
  /** The server's CPU time over the same span. */
  firstDiagnosticsCpuMs?: number;
  first?: ReceivedDiagnostics;
  /** didChange to publishDiagnostics of each keystroke typed (when asked for). */
  keystrokeMs: number[];
  /** From the shutdown request to its answer (undefined: no answer before the deadline). */
  shutdownMs?: number;
  exitCode?: number | null;
  peakMiB: number;
  killed: Killed;
  /** What the server wrote on stderr and logged. */
  log: string;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Opens `text` in the real server (default settings unless given), then types `keystrokes`
 * characters at the start of `typingLine` (each waiting for its
 * diagnostics), then asks it to shut down right after the last keystroke.
 */
export async function measureServer(
  fileName: string,
  text: string,
  guard: Guard,
  options: { settings?: Record<string, unknown>; typing?: { line: number; keystrokes: number } } = {},
): Promise<ServerMeasurement> {
  const { settings, typing } = options;
  const client = await LspClient.start({ retainDiagnostics: 'latest', settings });
  const watchdog = new Watchdog(client.pid, guard, () => client.kill());
  const started = performance.now();
  const deadline = () => Math.max(0, guard.deadlineMs - (performance.now() - started));
  const measurement: ServerMeasurement = { keystrokeMs: [], peakMiB: 0, killed: undefined, log: '' };
  try {
    const uri = pathToFileURL(`/tmp/pyreview-hostile/${fileName}`).href;
    const opened = performance.now();
    const cpuAtOpen = cpuMs(client.pid) ?? 0;
    client.open(uri, text, 1);
    measurement.first = await withDeadline(client.waitForDiagnostics(uri, 1, guard.deadlineMs), deadline());
    if (!measurement.first) return measurement;
    measurement.firstDiagnosticsMs = measurement.first.receivedAt - opened;
    measurement.firstDiagnosticsCpuMs = (cpuMs(client.pid) ?? cpuAtOpen) - cpuAtOpen;
    for (let i = 0; i < (typing?.keystrokes ?? 0) && !watchdog.killed; i++) {
      const at = { line: typing!.line, character: i };
      const sent = performance.now();
      client.change(uri, i + 2, [{ range: { start: at, end: at }, text: 'x' }]);
      const published = await withDeadline(client.waitForDiagnostics(uri, i + 2, guard.deadlineMs), deadline());
      if (!published) return measurement;
      measurement.keystrokeMs.push(published.receivedAt - sent);
    }
    const asked = performance.now();
    const answered = await withDeadline(client.request('shutdown', null).then(() => true, () => false), Math.min(deadline(), LIMITS.shutdownMs * 3));
    if (answered) {
      measurement.shutdownMs = performance.now() - asked;
      watchdog.stop();
      client.notify('exit', null);
      measurement.exitCode = await withDeadline(client.exited, 5000);
    }
    return measurement;
  } finally {
    watchdog.stop();
    measurement.peakMiB = watchdog.peakMiB;
    measurement.killed = watchdog.killed;
    measurement.log = client.stderr + client.logMessages.map((m) => m.message).join('\n');
    client.kill();
  }
}
