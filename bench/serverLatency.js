'use strict';
// Times the real language server over stdio: initialize → first diagnostics,
// then didChange → publishDiagnostics for single-character edits typed at
// one edit site (corpus.js: `editSites`), the server CPU time of the lint
// that settles the diagnostics once typing pauses, and the server's peak
// resident memory.
const { pathToFileURL } = require('url');
// The protocol tests' client, compiled by `npm run build`.
const { LspClient } = require('../out/test/helpers/lspClient');
const { peakRssKiB, cpuMs, mainThreadCpuMs } = require('./stats');

const TYPED_NAME = 'bench_name';
const TYPED_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIAGNOSTICS_TIMEOUT_MS = 120_000;
/** The server settles this long after a keystroke's lint (server.ts: SETTLE_DELAY_MS). */
const SETTLE_DELAY_MS = 250;
/** The settle's CPU time is counted from this long after the keystroke's publication… */
const QUIET_BEFORE_SETTLE_MS = 150;
/** …if that moment came this much before the settle's timer, else from the publication. */
const LATE_MARGIN_MS = 50;
/**
 * How long to wait for the settling publication after a keystroke's: the
 * server does not settle when the keystroke lint already ran every rule
 * (files up to about 2,500 lines).
 */
const SETTLE_TIMEOUT_MS = 3_000;

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function insertion(line, character, text) {
  const position = { line, character };
  return { range: { start: position, end: position }, text };
}

/**
 * How typing goes at a site (corpus.js `editSites`, 1-based lines): an
 * optional first edit that makes room (unmeasured), then characters typed
 * one after another from `typeAt` (0-based line, UTF-16 column). In a
 * function or method a new line `bench_name = 0` is opened before the
 * site's statement and its name typed into; an import gets a new name
 * `, bench_name` typed into; a dict key, an assignment's name and a
 * decorator's name are typed into where they end.
 */
function typingPlan(site) {
  const line = site.line - 1;
  switch (site.kind) {
    case 'function':
    case 'method':
      return { setup: insertion(line, site.column, `${TYPED_NAME} = 0\n${site.indent}`), typeAt: { line, character: site.column + TYPED_NAME.length } };
    case 'import': {
      const added = `, ${TYPED_NAME}`;
      return { setup: insertion(line, site.column, added), typeAt: { line, character: site.column + added.length } };
    }
    default:
      return { typeAt: { line, character: site.column } };
  }
}

/** The edit typing the `index`-th character of a plan. */
function keystroke(plan, index) {
  return insertion(plan.typeAt.line, plan.typeAt.character + index, TYPED_CHARACTERS[index % TYPED_CHARACTERS.length]);
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

/** Runs `measure` with a started client and stops it; a server that failed or hung gets no polite shutdown. */
async function withClient(options, measure) {
  const client = await startClient(options);
  let finished = false;
  try {
    const result = await measure(client);
    finished = true;
    return result;
  } finally {
    if (finished) await client.stop();
    else client.kill();
  }
}

/** The offset where 1-based `line` of `text` starts. */
function lineStartOffset(text, line) {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

/**
 * Opens a line of our own at `site` (1-based line, 0-based column of a
 * statement in a function) of a document's `text`, then types into its name,
 * one character per edit from version 3 on. `change(version, line, character,
 * text)` sends an insertion; `uri` is where its diagnostics are published.
 */
async function typeIntoNewName({ client, uri, text, site, change, edits, warmupEdits, intervalMs }) {
  const { line, column } = site;
  const lineStart = lineStartOffset(text, line);
  const indentation = text.slice(lineStart, lineStart + column);
  let version = 2;
  change(version, line - 1, column, `${TYPED_NAME} = 0\n${indentation}`);
  await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);

  const sent = [];
  const cpuBefore = cpuMs(client.pid);
  for (let i = 0; i < warmupEdits + edits; i++) {
    version++;
    const at = performance.now();
    change(version, line - 1, column + TYPED_NAME.length + i, TYPED_CHARACTERS[i % TYPED_CHARACTERS.length]);
    if (i >= warmupEdits) sent.push({ version, at });
    await delay(Math.max(0, at + intervalMs - performance.now()));
  }
  // The last edit is always linted, whatever the server skipped before it.
  const last = await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);
  const typingCpuMs = cpuMs(client.pid) - cpuBefore;
  const published = client.diagnosticsFor(uri);
  // A server may lint a burst of edits once: CPU time is divided by the lints it ran.
  const lints = published.filter((p) => p.version > 2).length;
  return { last, publications: published.length, lints, cpuPerLintMs: typingCpuMs / lints, latencies: latencies(sent, published) };
}

/**
 * The server CPU time of each settling lint, of all its threads (`cpu`) and
 * of its main thread (`mainCpu`): from a moment before it starts to its
 * publication, the next of the same version after the keystroke lint's. The
 * first follows the typing's last keystroke; each further one follows one
 * more keystroke. Empty when the server does not settle (its keystroke lints
 * were complete).
 */
async function measureSettles({ client, uri, plan, version, typed, settles }) {
  const cpu = [];
  const mainCpu = [];
  for (let i = 0; i < settles; i++) {
    if (i > 0) {
      version++;
      client.change(uri, version, [keystroke(plan, typed++)]);
      await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);
    }
    const publishedAt = performance.now();
    const atPublication = { all: cpuMs(client.pid), main: mainThreadCpuMs(client.pid) };
    let settled;
    const settling = client.waitForDiagnostics(uri, undefined, SETTLE_TIMEOUT_MS).then((p) => (settled = p), () => (settled = null));
    // Work the keystroke's lint left behind (concurrent garbage collection) is not the settle's: it starts
    // from a moment before the settle's timer fires, unless this client was too late or the settle came early.
    await Promise.race([delay(QUIET_BEFORE_SETTLE_MS), settling]);
    const quiet = settled === undefined && performance.now() - publishedAt < SETTLE_DELAY_MS - LATE_MARGIN_MS;
    const before = quiet ? { all: cpuMs(client.pid), main: mainThreadCpuMs(client.pid) } : atPublication;
    await settling;
    if (!settled) break;
    if (settled.version !== version) throw new Error(`expected the settling publication of version ${version}, got version ${settled.version}`);
    cpu.push(cpuMs(client.pid) - before.all);
    mainCpu.push(mainThreadCpuMs(client.pid) - before.main);
  }
  return { cpu, mainCpu };
}

/**
 * @param {object} options
 * @param {string[]} options.serverCommand node and its arguments
 * @param {{path: string, text: string, lines: number}} options.document
 * @param {{kind: string, line: number, column: number, indent?: string}} options.site where to type (corpus.js `editSites`)
 * @param {number} options.edits measured edits
 * @param {number} options.warmupEdits edits typed first and not measured (JIT warm-up, as in a running editor)
 * @param {number} options.intervalMs time between two edits
 * @param {number} options.settles settling lints to measure after the typing
 */
async function measureServer({ serverCommand, document, site, edits, warmupEdits, intervalMs, settles, workspaceDir }) {
  const uri = pathToFileURL(document.path).href;
  const started = performance.now();
  return withClient({ serverCommand, workspaceDir }, async (client) => {
    const initialized = performance.now();
    client.open(uri, document.text, 1);
    const first = await client.waitForDiagnostics(uri, 1, DIAGNOSTICS_TIMEOUT_MS);

    const plan = typingPlan(site);
    let version = 1;
    if (plan.setup) {
      version++;
      client.change(uri, version, [plan.setup]);
      await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);
    }
    const firstTyped = version + 1;

    const sent = [];
    const cpuBefore = cpuMs(client.pid);
    const typed = warmupEdits + edits;
    for (let i = 0; i < typed; i++) {
      version++;
      const at = performance.now();
      client.change(uri, version, [keystroke(plan, i)]);
      if (i >= warmupEdits) sent.push({ version, at });
      if (i < typed - 1) await delay(Math.max(0, at + intervalMs - performance.now()));
    }
    // The last edit is always linted, whatever the server skipped before it.
    const last = await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);
    const typingCpuMs = cpuMs(client.pid) - cpuBefore;
    const published = [...client.diagnosticsFor(uri)];
    const finalDiagnostics = last.diagnostics.length;
    const settling = await measureSettles({ client, uri, plan, version, typed, settles });
    // A server may lint a burst of edits once: CPU time is divided by the lints it ran.
    const lints = published.filter((p) => p.version >= firstTyped).length;
    return {
      lines: document.lines,
      initializeToFirstMs: first.receivedAt - started,
      initializeMs: initialized - started,
      openToFirstMs: first.receivedAt - initialized,
      finalDiagnostics,
      publications: published.length,
      lints,
      cpuPerLintMs: typingCpuMs / lints,
      latencies: latencies(sent, published),
      settleCpuMs: settling.cpu,
      settleMainCpuMs: settling.mainCpu,
      peakRssKiB: peakRssKiB(client.pid),
    };
  });
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

module.exports = { measureServer, measureFirstStart, startClient, typingPlan, keystroke, withClient, typeIntoNewName, DIAGNOSTICS_TIMEOUT_MS };
