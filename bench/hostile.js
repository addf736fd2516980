#!/usr/bin/env node
'use strict';
// `node bench/hostile.js` (after `npm run build`): generates the hostile inputs of
// test/hostile/inputs.ts and prints, for each, the CLI's time and peak memory, the
// server's time to first diagnostics, peak memory, keystroke latency (in the files
// typed into) and time to answer shutdown, against the limits the tests check.
// A process past the deadline or the memory cap is killed and reported so; a rule that
// throws (an internal error) counts as over a limit too.
//
// Options: --deadline 60 (seconds)  --cap 2000 (MiB)  --keystrokes 20  --only NAME,NAME
const fs = require('fs');
const os = require('os');
const path = require('path');
const { HOSTILE_INPUTS } = require('../out/test/hostile/inputs');
const { LIMITS, measureCli, measureServer } = require('../out/test/hostile/measure');
const { percentile } = require('./stats');

function parseArgs(argv) {
  const options = { deadline: 60, cap: 2000, keystrokes: 20, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--deadline': options.deadline = Number(value()); break;
      case '--cap': options.cap = Number(value()); break;
      case '--keystrokes': options.keystrokes = Number(value()); break;
      case '--only': options.only = value().split(','); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

const seconds = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const mib = (value) => `${Math.round(value)} MiB`;
const mark = (ok) => (ok ? 'ok' : 'OVER');
const killedNote = (killed, options) => (killed === 'deadline' ? ` (killed at ${options.deadline} s)` : killed ? ` (killed at ${options.cap} MiB)` : '');

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const guard = { deadlineMs: options.deadline * 1000, memoryCapMiB: options.cap };
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-hostile-bench-'));
  const rows = [];
  try {
    for (const input of HOSTILE_INPUTS) {
      if (options.only && !options.only.includes(input.name)) continue;
      fs.writeFileSync(path.join(directory, input.name), input.bytes);
      const cli = await measureCli(input.name, [], guard, directory);
      const typing = input.typingLine === undefined ? undefined : { line: input.typingLine, keystrokes: options.keystrokes };
      const server = await measureServer(input.name, input.bytes.toString('utf8'), guard, { typing });
      const cliErrors = /internal error/.test(cli.stderr) ? ', internal errors' : '';
      const serverErrors = /internal error/.test(server.log) ? ', internal errors' : '';
      const keystrokes = server.keystrokeMs.length ? `p50 ${Math.round(percentile(server.keystrokeMs, 50))} ms, p95 ${Math.round(percentile(server.keystrokeMs, 95))} ms (${server.keystrokeMs.length}/${options.keystrokes})` : typing ? 'none answered' : '';
      const row = {
        input: `${input.name} (${(input.bytes.length / 1e6).toFixed(1)} MB)`,
        cli: `${seconds(cli.ms)} (CPU ${seconds(cli.cpuMs)})${killedNote(cli.killed, options)}, ${mib(cli.peakMiB)}, exit ${cli.status ?? 'killed'}${cliErrors}`,
        cliOk: !cli.killed && !cliErrors && cli.cpuMs <= LIMITS.cliMs && cli.peakMiB <= LIMITS.peakRssMiB,
        server: `${seconds(server.firstDiagnosticsMs)}${server.firstDiagnosticsCpuMs === undefined ? '' : ` (CPU ${seconds(server.firstDiagnosticsCpuMs)})`}${killedNote(server.killed, options)}, ${mib(server.peakMiB)}${serverErrors}`,
        serverOk: !serverErrors && server.firstDiagnosticsCpuMs !== undefined && server.firstDiagnosticsCpuMs <= LIMITS.firstDiagnosticsMs && server.peakMiB <= LIMITS.peakRssMiB,
        keystrokes,
        keystrokesOk: !typing || (server.keystrokeMs.length === options.keystrokes && percentile(server.keystrokeMs, 95) <= LIMITS.keystrokeMs),
        shutdown: server.shutdownMs === undefined ? 'no answer' : seconds(server.shutdownMs),
        shutdownOk: server.shutdownMs !== undefined && server.shutdownMs <= LIMITS.shutdownMs,
      };
      rows.push(row);
      console.log(`${row.input}\n  CLI: ${row.cli} [${mark(row.cliOk)}]\n  server: first diagnostics ${row.server} [${mark(row.serverOk)}]${keystrokes ? `\n  keystrokes: ${keystrokes} [${mark(row.keystrokesOk)}]` : ''}\n  shutdown: ${row.shutdown} [${mark(row.shutdownOk)}]`);
    }
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  console.log(`\nLimits: CLI ≤ ${LIMITS.cliMs / 1000} s, first diagnostics ≤ ${LIMITS.firstDiagnosticsMs / 1000} s (both in CPU time), peak RSS ≤ ${LIMITS.peakRssMiB} MiB, keystroke p95 ≤ ${LIMITS.keystrokeMs} ms, shutdown ≤ ${LIMITS.shutdownMs / 1000} s.`);
  console.log('\n| input | CLI: time, peak RSS | server: first diagnostics, peak RSS | keystrokes | shutdown |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) {
    console.log(`| ${row.input} | ${row.cli}${row.cliOk ? '' : ' **over**'} | ${row.server}${row.serverOk ? '' : ' **over**'} | ${row.keystrokes}${row.keystrokesOk ? '' : ' **over**'} | ${row.shutdown}${row.shutdownOk ? '' : ' **over**'} |`);
  }
  const over = rows.filter((row) => !(row.cliOk && row.serverOk && row.keystrokesOk && row.shutdownOk)).length;
  console.log(`\n${over} of ${rows.length} inputs over a limit.`);
  process.exitCode = over ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 2;
});
