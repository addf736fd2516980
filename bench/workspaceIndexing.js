'use strict';
// Indexes a directory (by default this machine's Python standard library) as
// the workspace of the real server, over stdio, and measures: how long the
// index takes (the server logs "indexed N files in M ms"), the server's peak
// memory, and the first diagnostics of documents opened before and during
// indexing, so that one can see indexing never holds an open file back.
const { pathToFileURL } = require('url');
const { LspClient } = require('../out/test/helpers/lspClient');
const { peakRssKiB } = require('./stats');

const TIMEOUT_MS = 300_000;

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(probe) {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error('the server did not finish indexing in time');
    await delay(20);
  }
}

/**
 * @param {object} options
 * @param {string[]} options.serverCommand node and its arguments
 * @param {string} options.workspace the folder to index
 * @param {{path: string, text: string}} options.document a ~1k-line file, opened at once and again while indexing runs
 */
async function measureIndexing({ serverCommand, workspace, document }) {
  const started = performance.now();
  const client = await LspClient.start({
    command: serverCommand[0],
    args: serverCommand.slice(1),
    rootUri: pathToFileURL(workspace).href,
    initializeTimeout: TIMEOUT_MS,
  });
  try {
    const uri = pathToFileURL(document.path).href;
    client.open(uri, document.text, 1);
    const first = await client.waitForDiagnostics(uri, 1, TIMEOUT_MS);
    // A second document opened once indexing is under way.
    const indexingLog = () => client.logMessages.some((m) => !m.message.startsWith('pyreview: code cache'));
    await until(() => (indexingLog() || performance.now() - started > 1500 ? true : undefined));
    const duringUri = pathToFileURL(document.path.replace(/\.py$/, '_during_indexing.py')).href;
    const openedDuring = performance.now();
    client.open(duringUri, document.text, 1);
    const during = await client.waitForDiagnostics(duringUri, 1, TIMEOUT_MS);
    const indexed = await until(() => {
      const line = client.logMessages.find((m) => /indexed \d+ files in \d+ ms/.test(m.message));
      return line && /indexed (\d+) files in (\d+) ms/.exec(line.message);
    });
    const stillIndexing = during.receivedAt - started < Number(indexed[2]) + 500;
    return {
      files: Number(indexed[1]),
      indexMs: Number(indexed[2]),
      initializeToFirstMs: first.receivedAt - started,
      openDuringIndexingMs: during.receivedAt - openedDuring,
      openedWhileIndexing: stillIndexing,
      peakRssKiB: peakRssKiB(client.pid),
    };
  } finally {
    await client.stop();
  }
}

module.exports = { measureIndexing };
