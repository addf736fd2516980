'use strict';
// The language server's memory over many documents, through its process
// over stdio: many different files opened one after another and kept open,
// all closed and the same files opened again (is what was freed reused?),
// and one file opened, edited and closed many times in a fresh server.
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { concatenatedSource, distinctConcatenations, editSites, checkPythonSyntax } = require('./corpus');
const { withClient, typingPlan, keystroke, DIAGNOSTICS_TIMEOUT_MS } = require('./serverLatency');
const { peakRssKiB, residentKiB } = require('./stats');

/** How long the server is left alone before memory is read: a settling lint (delay 0 after an open) may still run. */
const QUIET_MS = 1_000;
/** How often the open/edit/close cycles record the server's resident memory. */
const TRACE_EVERY = 25;

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens a document and waits for the diagnostics of its version. */
async function openAndLint(client, uri, text, version) {
  client.open(uri, text, version);
  await client.waitForDiagnostics(uri, version, DIAGNOSTICS_TIMEOUT_MS);
}

/** Closes a document and waits for the server to clear its diagnostics (so the close has been handled). */
async function close(client, uri) {
  const cleared = client.waitForDiagnostics(uri, undefined, DIAGNOSTICS_TIMEOUT_MS);
  client.close(uri);
  await cleared;
}

/**
 * `count` different files opened one after another, each linted before the
 * next is opened, all kept open; then all closed, and the same files opened
 * again (versions go on from the first opening's, as an editor's do).
 */
function manyDocuments({ server, documents }) {
  return withClient(server, async (client) => {
    const peakStartedKiB = peakRssKiB(client.pid);
    const residentStartedKiB = residentKiB(client.pid);
    for (const { uri, text } of documents) await openAndLint(client, uri, text, 1);
    await delay(QUIET_MS);
    const peakOpenKiB = peakRssKiB(client.pid);
    const residentOpenKiB = residentKiB(client.pid);
    await Promise.all(documents.map(({ uri }) => close(client, uri)));
    await delay(QUIET_MS);
    const residentClosedKiB = residentKiB(client.pid);
    for (const { uri, text } of documents) await openAndLint(client, uri, text, 2);
    await delay(QUIET_MS);
    return {
      peakStartedKiB, residentStartedKiB, peakOpenKiB, residentOpenKiB, residentClosedKiB,
      peakReopenKiB: peakRssKiB(client.pid), residentReopenKiB: residentKiB(client.pid),
    };
  });
}

/**
 * One file opened, edited as typing at its `function` site does (a line
 * opened in the function, then one character typed into it), linted and
 * closed, `cycles` times over in one server.
 */
function openEditCloseCycles({ server, document, site, cycles }) {
  const plan = typingPlan(site);
  return withClient(server, async (client) => {
    const trace = [];
    let version = 0;
    for (let cycle = 1; cycle <= cycles; cycle++) {
      await openAndLint(client, document.uri, document.text, ++version);
      client.change(document.uri, ++version, [plan.setup]);
      client.change(document.uri, ++version, [keystroke(plan, 0)]);
      await client.waitForDiagnostics(document.uri, version, DIAGNOSTICS_TIMEOUT_MS);
      await close(client, document.uri);
      if (cycle % TRACE_EVERY === 0 || cycle === cycles) trace.push({ cycle, residentKiB: residentKiB(client.pid) });
    }
    await delay(QUIET_MS);
    return { peakKiB: peakRssKiB(client.pid), residentKiB: residentKiB(client.pid), trace };
  });
}

/**
 * @param {object} options
 * @param {string[]} options.serverCommand node and its arguments
 * @param {Array<{path: string, lines: number}>} options.files the corpus (corpus.js `stdlibFiles`)
 * @param {string} options.workDir where the documents are written
 * @param {number} options.documents how many different files to keep open
 * @param {number} options.documentLines about how many lines each has
 * @param {number} options.cycles open/edit/close cycles
 * @param {number} options.cycleLines about how many lines the cycled file has
 */
async function measureMemory({ serverCommand, files, workDir, documents, documentLines, cycles, cycleLines }) {
  // The documents are not in the server's workspace folder: indexing them from disk is not what is measured.
  const workspaceDir = path.join(workDir, 'workspace');
  const documentDir = path.join(workDir, 'documents');
  fs.mkdirSync(workspaceDir, { recursive: true });
  fs.mkdirSync(documentDir, { recursive: true });
  const server = { serverCommand, workspaceDir };
  const write = (name, built) => {
    const file = path.join(documentDir, name);
    fs.writeFileSync(file, built.text);
    return { path: file, uri: pathToFileURL(file).href, text: built.text, lines: built.lines, sources: built.sources };
  };

  const many = distinctConcatenations(files, documents, documentLines).map((built, i) => write(`open_${String(i + 1).padStart(3, '0')}.py`, built));
  const cycled = write('cycled.py', concatenatedSource(files, cycleLines));
  checkPythonSyntax([...many, cycled].map((d) => d.path));
  const site = editSites(cycled.text).find((s) => s.kind === 'function');
  if (!site) throw new Error(`no module-level function in ${cycled.path}`);

  process.stderr.write(`memory: ${many.length} files of about ${documentLines} lines opened and kept open, closed, opened again\n`);
  const open = await manyDocuments({ server, documents: many });
  process.stderr.write(`memory: ${cycles} open/edit/close cycles of a ${cycled.lines}-line file (typing in ${site.name}() at line ${site.line})\n`);
  const cycling = await openEditCloseCycles({ server, document: cycled, site, cycles });
  return {
    open: { ...open, documents: many.length, lines: many.reduce((sum, d) => sum + d.lines, 0), modules: many.reduce((sum, d) => sum + d.sources.length, 0) },
    cycles: { ...cycling, cycles, lines: cycled.lines, site },
  };
}

module.exports = { measureMemory };
