#!/usr/bin/env node
'use strict';
// Keystroke latency in a cell of a Jupyter notebook, through the real server
// over stdio with LSP notebook sync: standard-library modules cut into cells
// at top-level statements, then single-character edits typed into a function
// of a cell in the middle, each timed from `notebookDocument/didChange` to the
// publication of that cell's diagnostics for its new version. The notebook
// has as many lines as the files of serverLatency.js, so the targets compare.
//
// Alone: node bench/notebookLatency.js [--cells 200] [--lines 5000] [--edits 60]
//        [--warmup 5] [--interval 100] [--server FILE (default: server/out/server.js)]
// (after `npm run build`). bench/run.js runs it with the server it measures.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');
const { stdlibFiles, concatenatedSource, editSiteInMiddleFunction, countLines } = require('./corpus');
const { withClient, typeIntoNewName } = require('./serverLatency');
const { percentile, peakRssKiB } = require('./stats');
const { markdownTable, textTable } = require('./report');

const DIAGNOSTICS_TIMEOUT_MS = 120_000;

// Python's own AST (nothing is executed): the lines where top-level statements start, decorators included.
const STATEMENT_LINES = `
import ast, json, sys
print(json.dumps([(node.decorator_list[0].lineno if getattr(node, "decorator_list", None) else node.lineno) for node in ast.parse(sys.stdin.read()).body]))
`;

/** A source cut into `count` cells (fewer when it has fewer top-level statements), each starting with a top-level statement. */
function cellsOf(text, count) {
  const lines = text.split('\n');
  const starts = JSON.parse(execFileSync('python3', ['-c', STATEMENT_LINES], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const cells = Math.min(count, starts.length);
  // Every cell but the first starts at a statement, the statements spread evenly over the cells.
  const bounds = [0, ...Array.from({ length: cells - 1 }, (_, i) => starts[Math.round(((i + 1) * starts.length) / cells)] - 1), lines.length];
  return bounds.slice(1).map((end, i) => lines.slice(bounds[i], end).join('\n'));
}

/** The cell nearest the middle with a function to type into, and where. */
function editSite(cells) {
  const middle = Math.floor(cells.length / 2);
  for (let delta = 0; delta < cells.length; delta++) {
    for (const index of [middle + delta, middle - delta]) {
      const text = cells[index];
      if (!text || !/^\s*(async\s+)?def\s/m.test(text)) continue;
      try {
        return { cell: index, ...editSiteInMiddleFunction(text, countLines(text)) };
      } catch {
        // No function spans the cell's middle: try the next cell.
      }
    }
  }
  throw new Error('no cell with a function');
}

function cellChange(notebook, cellUri, version, line, character, text) {
  const position = { line, character };
  return {
    notebookDocument: { uri: notebook, version },
    change: { cells: { textContent: [{ document: { uri: cellUri, version }, changes: [{ range: { start: position, end: position }, text }] }] } },
  };
}

/**
 * @param {object} options
 * @param {string[]} options.serverCommand node and its arguments
 * @param {string[]} options.cells the code cells' texts
 * @param {number} options.edits measured edits; options.warmupEdits unmeasured ones first
 * @param {number} options.intervalMs time between two edits
 */
async function measureNotebook({ serverCommand, cells, edits, warmupEdits, intervalMs, workspaceDir }) {
  const site = editSite(cells);
  const notebook = pathToFileURL(path.join(workspaceDir, 'bench.ipynb')).href;
  const cellUris = cells.map((_, i) => `vscode-notebook-cell:${notebook.slice('file:'.length)}#cell${i}`);
  const cellUri = cellUris[site.cell];
  return withClient({ serverCommand, workspaceDir }, async (client) => {
    const opened = performance.now();
    client.notify('notebookDocument/didOpen', {
      notebookDocument: { uri: notebook, notebookType: 'jupyter-notebook', version: 1, cells: cellUris.map((document) => ({ kind: 2, document })) },
      cellTextDocuments: cells.map((text, i) => ({ uri: cellUris[i], languageId: 'python', version: 1, text })),
    });
    const first = await client.waitForDiagnostics(cellUri, 1, DIAGNOSTICS_TIMEOUT_MS);
    // Only the typed cell changes: its version and the notebook's go up together.
    const change = (version, line, character, text) => client.notify('notebookDocument/didChange', cellChange(notebook, cellUri, version, line, character, text));
    const typed = await typeIntoNewName({ client, uri: cellUri, text: cells[site.cell], site, change, edits, warmupEdits, intervalMs });
    return {
      cells: cells.length,
      lines: cells.reduce((sum, cell) => sum + countLines(cell), 0),
      site,
      openToFirstMs: first.receivedAt - opened,
      lints: typed.lints,
      cpuPerLintMs: typed.cpuPerLintMs,
      latencies: typed.latencies,
      peakRssKiB: peakRssKiB(client.pid),
    };
  });
}

function notebookTable(result) {
  const ms = (value) => value.toFixed(1);
  return {
    header: ['notebook', 'cells', 'lines', 'p50 ms', 'p95 ms', 'max ms', 'edits', 'lints', 'server CPU ms/lint', 'didOpen→diagnostics ms', 'peak RSS MiB'],
    rows: [[
      'bench.ipynb', String(result.cells), String(result.lines),
      ms(percentile(result.latencies, 50)), ms(percentile(result.latencies, 95)), ms(Math.max(...result.latencies)),
      String(result.latencies.length), String(result.lints), ms(result.cpuPerLintMs), ms(result.openToFirstMs), (result.peakRssKiB / 1024).toFixed(0),
    ]],
  };
}

/** Builds the notebook from the standard library, measures it, prints its table; returns its section of bench/RESULTS.md. */
async function benchNotebook({ serverCommand, workDir, cells = 200, lines = 5000, edits = 60, warmup = 5, interval = 100 }) {
  const built = concatenatedSource(stdlibFiles(), lines);
  const source = cellsOf(built.text, cells);
  process.stderr.write(`server: a notebook of ${source.length} cells (${built.lines} lines from ${built.sources.length} modules)\n`);
  fs.mkdirSync(workDir, { recursive: true });
  const result = await measureNotebook({ serverCommand, cells: source, edits, warmupEdits: warmup, intervalMs: interval, workspaceDir: workDir });
  const table = notebookTable(result);
  console.log(`\nNotebook (notebookDocument/didChange → the cell's publishDiagnostics)\n${textTable(table)}`);
  return [
    '## Language server, a Jupyter notebook',
    '',
    `\`bench/notebookLatency.js\`: ${built.sources.length} standard-library modules (${built.lines} lines, as a file above) cut into ${result.cells} code cells at top-level statements, opened with LSP notebook sync; ${edits} single-character edits ${interval} ms apart (after ${warmup} unmeasured) typed into a new local name in \`${result.site.name}()\` of cell ${result.site.cell + 1}, each timed from \`notebookDocument/didChange\` to the publication of that cell's diagnostics for its new version.`,
    '',
    markdownTable(table),
  ].join('\n');
}

function parseArgs(argv) {
  const options = { cells: 200, lines: 5000, edits: 60, warmup: 5, interval: 100, server: path.join(__dirname, '..', 'server', 'out', 'server.js') };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[++i];
    const key = argv[i - 1].replace(/^--/, '');
    if (!(key in options)) throw new Error(`unknown option --${key}`);
    options[key] = key === 'server' ? path.resolve(value) : Number(value);
  }
  return options;
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  benchNotebook({ ...options, serverCommand: [process.execPath, options.server, '--stdio'], workDir: path.join(os.tmpdir(), 'pyreview-bench-notebook') }).catch((error) => {
    console.error(error.stack || error.message);
    process.exit(1);
  });
}

module.exports = { benchNotebook, measureNotebook };
