'use strict';
// Times the real language server over stdio: initialize → first diagnostics,
// then didChange → publishDiagnostics for single-character edits typed into
// the middle of a function, and the server's peak resident memory.
const fs = require('fs');
const { performance } = require('perf_hooks');
const { pathToFileURL } = require('url');
// The protocol tests' client, compiled by `npm run build`.
const { LspClient } = require('../out/test/helpers/lspClient');
const { peakRssKiB } = require('./stats');

const TYPED_NAME = 'bench_name';
const TYPED_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIAGNOSTICS_TIMEOUT_MS = 120_000;

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) the process has used so far. On a
 * loaded machine latency includes waiting for a core; this does not.
 */
function cpuMs(pid) {
  // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function lineStartOffset(text, line) {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

function insertion(line, character, text) {
  const position = { line, character };
  return { range: { start: position, end: position }, text };
}

/** Spawns the server and initializes it with the workspace folder as root. */
function startClient({ serverCommand, workspaceDir, env }) {
  return LspClient.start({
    command: serverCommand[0],
    args: serverCommand.slice(1),
    cwd: workspaceDir,
    env,
    rootUri: pathToFileURL(workspaceDir).href,
    initializeTimeout: DIAGNOSTICS_TIMEOUT_MS,
    // Keeping every publication's diagnostics would make this process' GC pauses part of the latencies.
    retainDiagnostics: 'latest',
  });
}

/**
 * The latency of each edit: from sending it to the first publication of its
 * version or a later one (a server may lint a burst of edits once).
 */
function latencies(sent, published) {
  return sent.map(({ version, at }) => {
    const answer = published.find((p) => typeof p.version === 'number' && p.version >= version);
    return answer.receivedAt - at;
  });
}

/**
 * @param {object} options
 * @param {string[]} options.serverCommand node and its arguments
 * @param {{path: string, text: string, lines: number, site: {line: number, column: number}}} options.document
 * @param {number} options.edits measured edits
 * @param {number} options.warmupEdits edits typed first and not measured (JIT warm-up, as in a running editor)
 * @param {number} options.intervalMs time between two edits
 */
async function measureServer({ serverCommand, document, edits, warmupEdits, intervalMs, workspaceDir }) {
  const uri = pathToFileURL(document.path).href;
  const started = performance.now();
  const client = await startClient({ serverCommand, workspaceDir });
  let finished = false;
  try {
    const initialized = performance.now();
    client.open(uri, document.text, 1);
    const first = await client.waitForDiagnostics(uri, 1, DIAGNOSTICS_TIMEOUT_MS);

    // Open a line of our own in the middle of the function, then type into its name.
    const { line, column } = document.site;
    const lineStart = lineStartOffset(document.text, line);
    const indentation = document.text.slice(lineStart, lineStart + column);
    let version = 2;
    client.change(uri, version, [insertion(line - 1, column, `${TYPED_NAME} = 0\n${indentation}`)]);
    await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);

    const sent = [];
    const cpuBefore = cpuMs(client.pid);
    for (let i = 0; i < warmupEdits + edits; i++) {
      version++;
      const at = performance.now();
      client.change(uri, version, [insertion(line - 1, column + TYPED_NAME.length + i, TYPED_CHARACTERS[i % TYPED_CHARACTERS.length])]);
      if (i >= warmupEdits) sent.push({ version, at });
      await delay(Math.max(0, at + intervalMs - performance.now()));
    }
    // The last edit is always linted, whatever the server skipped before it.
    const last = await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);
    const typingCpuMs = cpuMs(client.pid) - cpuBefore;
    const published = client.diagnosticsFor(uri);
    // A server may lint a burst of edits once: CPU time is divided by the lints it ran.
    const lints = published.filter((p) => p.version > 2).length;
    const result = {
      lines: document.lines,
      initializeToFirstMs: first.receivedAt - started,
      initializeMs: initialized - started,
      openToFirstMs: first.receivedAt - initialized,
      finalDiagnostics: last.diagnostics.length,
      publications: published.length,
      lints,
      cpuPerLintMs: typingCpuMs / lints,
      latencies: latencies(sent, published),
      peakRssKiB: peakRssKiB(client.pid),
    };
    finished = true;
    return result;
  } finally {
    // A server that failed or hung gets no polite shutdown.
    if (finished) await client.stop();
    else client.kill();
  }
}

/** One start of the server that opens the document; with `waitForCodeCache`, it stops once the launcher has written its code cache. */
async function openOnce({ serverCommand, document, workspaceDir, env, waitForCodeCache }) {
  const uri = pathToFileURL(document.path).href;
  const started = performance.now();
  const client = await startClient({ serverCommand, workspaceDir, env });
  try {
    client.open(uri, document.text, 1);
    const first = await client.waitForDiagnostics(uri, 1, DIAGNOSTICS_TIMEOUT_MS);
    // The launcher logs `code cache missing|rejected` at start, and `code cache written` a moment after the first lint.
    const logged = (pattern) => client.logMessages.some((m) => pattern.test(m.message));
    if (waitForCodeCache && logged(/^pyreview: code cache (missing|rejected)/)) {
      const deadline = performance.now() + DIAGNOSTICS_TIMEOUT_MS;
      while (!logged(/^pyreview: code cache written/)) {
        if (performance.now() > deadline) throw new Error('the server did not write its code cache');
        await delay(20);
      }
    }
    return first.receivedAt - started;
  } finally {
    await client.stop();
  }
}

/**
 * The first start of a build, which leaves the launcher's V8 code cache
 * behind for the measured starts. The benchmark's own client code is cold in
 * its first session, so one unmeasured start (without code cache) comes first.
 */
async function measureFirstStart({ serverCommand, document, workspaceDir }) {
  await openOnce({ serverCommand, document, workspaceDir, env: { ...process.env, PYREVIEW_CODE_CACHE_DIR: '' } });
  return { initializeToFirstMs: await openOnce({ serverCommand, document, workspaceDir, waitForCodeCache: true }) };
}

module.exports = { measureServer, measureFirstStart, cpuMs };
