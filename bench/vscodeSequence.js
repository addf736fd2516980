'use strict';
// VS Code's message sequence for one large file, replayed against a server over stdio and timed: what
// vscode-languageclient (9 and 10) does when a Python file opens in a workspace — `didChangeConfiguration`
// right after it registered for it, a pull of the document and a `workspace/diagnostic` pull with a partial
// result token (pulled again 2 s after each answer), and on `workspace/diagnostic/refresh` a new pull of the
// document, cancelling one in flight (whose answer VS Code then shows as an empty report) and pulling again
// once it returns. Not part of `npm run bench`; compare two builds on the same machine:
//
//   node bench/vscodeSequence.js [--server dist/server.js] [--lines 20000] [--runs 5] [--seconds 10]
//
// Prints, per run: initialize → first diagnostics shown and → all of them, the pulls, refreshes,
// cancellations and workspace pulls, the server's CPU time, and each pull's answer as
// `ms since initialize:problems shown(server CPU ms then)`. The code cache is shared by the runs.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-languageserver-protocol/node');
const { concatenatedSource, stdlibFiles } = require('./corpus');
const { cpuMs } = require('./stats');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

const CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: true }, synchronization: { didSave: true }, publishDiagnostics: {} },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    workspaceFolders: true,
  },
  window: { workDoneProgress: true },
};

/** One session: the server started, the file opened, `seconds` of what follows recorded. */
async function replay(serverScript, file, text, seconds, cacheDirectory) {
  const uri = pathToFileURL(file).href;
  const folder = pathToFileURL(path.dirname(file)).href;
  const child = spawn(process.execPath, [serverScript, '--stdio'], {
    env: { ...process.env, PYREVIEW_CODE_CACHE_DIR: cacheDirectory },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const start = performance.now();
  const at = () => Math.round(performance.now() - start);
  const counts = { documentPulls: 0, refreshes: 0, cancellations: 0, workspacePulls: 0 };
  /** What the Problems panel shows after each pull answered: the number of problems, 0 for a cancelled pull. */
  const shown = [];
  let inFlight;
  let resultId;
  let workspaceTimer;
  let stopped = false;

  const pull = () => {
    if (inFlight) {
      if (!inFlight.again) {
        inFlight.source.cancel();
        counts.cancellations++;
        inFlight.again = true;
      }
      return;
    }
    const request = (inFlight = { source: new rpc.CancellationTokenSource(), again: false });
    counts.documentPulls++;
    const answered = (report) => {
      inFlight = undefined;
      const cancelled = request.source.token.isCancellationRequested || !report;
      shown.push({ at: at(), count: cancelled ? 0 : report.kind === 'full' ? report.items.length : shown.at(-1)?.count ?? 0, cpu: cpuMs(child.pid) });
      if (!cancelled) resultId = report.resultId;
      if (request.again) pull();
    };
    connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId }, request.source.token).then(answered, () => answered(undefined));
  };
  const pullWorkspace = () => {
    counts.workspacePulls++;
    const again = () => {
      if (!stopped) workspaceTimer = setTimeout(pullWorkspace, 2000);
    };
    connection.sendRequest('workspace/diagnostic', { previousResultIds: [], partialResultToken: `w${counts.workspacePulls}` }).then(again, again);
  };

  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', (params) => {
    if (params.registrations.some((registration) => registration.method === 'workspace/didChangeConfiguration')) {
      setImmediate(() => connection.sendNotification('workspace/didChangeConfiguration', { settings: null }));
    }
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    counts.refreshes++;
    setImmediate(pull);
    return null;
  });
  for (const method of ['$/progress', 'window/logMessage', 'window/showMessage']) connection.onNotification(method, () => undefined);
  connection.listen();

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }], capabilities: CAPABILITIES });
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  pull();
  pullWorkspace();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  stopped = true;
  clearTimeout(workspaceTimer);
  const serverCpuMs = cpuMs(child.pid);
  child.kill();
  connection.dispose();
  const all = Math.max(0, ...shown.map((entry) => entry.count));
  return {
    firstDiagnosticsMs: shown.find((entry) => entry.count > 0)?.at,
    allDiagnosticsMs: shown.find((entry) => entry.count === all)?.at,
    diagnostics: all,
    ...counts,
    serverCpuMs,
    shown: shown.map((entry) => `${entry.at}:${entry.count}(cpu ${entry.cpu})`).join(' '),
  };
}

async function main() {
  const serverScript = path.resolve(option('server', path.join(__dirname, '..', 'dist', 'server.js')));
  const runs = Number(option('runs', 5));
  const seconds = Number(option('seconds', 10));
  const { text, lines } = concatenatedSource(stdlibFiles(), Number(option('lines', 20_000)));
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-sequence-'));
  const file = path.join(directory, 'large.py');
  fs.writeFileSync(file, text);
  const cacheDirectory = path.join(directory, 'cache');
  console.log(`${serverScript}: ${lines} lines, ${runs} runs of ${seconds} s; load average ${os.loadavg()[0].toFixed(2)}`);
  try {
    for (let run = 1; run <= runs; run++) console.log(JSON.stringify({ run, ...(await replay(serverScript, file, text, seconds, cacheDirectory)) }));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
