#!/usr/bin/env node
'use strict';
// `npm run bench`: measures the language server (through its real process
// over stdio) and the CLI against pyflakes and Ruff's wasm build, prints the
// tables and writes bench/RESULTS.md.
//
// Options: --sizes 1000,5000,20000  --edits 60  --warmup 5  --interval 100
//          --repeat 3 (CLI runs per tool; the fastest counts)
//          --skip-server  --skip-cli
//          --server FILE  (another server script, e.g. server/out/server.js, the unbundled
//                          server the CLI's `pyreview server` runs; default: the launcher the
//                          extension ships, dist/server.js, bundled from the build into the work directory)
//          --cpu-prof  (V8 profiles of the server and CLI processes, in the
//                      work directory; summarize one with bench/profileSummary.js;
//                      the bundled server's names are minified: add --server server/out/server.js)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { stdlibFiles, concatenatedSource, editSiteInMiddleFunction, STDLIB } = require('./corpus');
const { measureServer, measureFirstStart } = require('./serverLatency');
const { bundleServer } = require('../scripts/bundle');
const { measureIndexing } = require('./workspaceIndexing');
const { measureThroughput } = require('./throughput');
const { serverTable, throughputTable, targetsTable, textTable, markdownTable } = require('./report');

const REPO_ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');
/** Sections of RESULTS.md below this line come from other measurements, and a benchmark run keeps them. */
const KEPT_MARKER = '<!-- Below: other measurements (bench/hostile.js, npm run fuzz), kept when bench/run.js writes this file. -->';
const WORK_DIR = path.join(os.tmpdir(), 'pyreview-bench');
const PROFILE_DIR = path.join(WORK_DIR, 'profiles');
const BUNDLE_DIR = path.join(WORK_DIR, 'dist');
const CODE_CACHE_DIR = path.join(WORK_DIR, 'code-cache');

function parseArgs(argv) {
  const options = { sizes: [1000, 5000, 20000], edits: 60, warmup: 5, interval: 100, repeat: 3, server: true, cli: true, cpuProf: false, serverScript: undefined };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--sizes': options.sizes = value().split(',').map(Number); break;
      case '--edits': options.edits = Number(value()); break;
      case '--warmup': options.warmup = Number(value()); break;
      case '--interval': options.interval = Number(value()); break;
      case '--repeat': options.repeat = Number(value()); break;
      case '--skip-server': options.server = false; break;
      case '--skip-cli': options.cli = false; break;
      case '--cpu-prof': options.cpuProf = true; break;
      case '--server': options.serverScript = path.resolve(value()); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

const sizeLabel = (lines) => (lines >= 1000 ? `${Math.round(lines / 1000)}k` : String(lines));

/** `--server FILE`, else the launcher the extension ships (scripts/bundle.js, run by main()). */
function serverCommand(nodeFlags, serverScript) {
  return [process.execPath, ...nodeFlags, serverScript ?? path.join(BUNDLE_DIR, 'server.js'), '--stdio'];
}

/** Node flags that make each measured process write a V8 CPU profile. */
function profileFlags(options) {
  return options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
}

/** The 1-minute load average: above the CPU count, other work competed with the benchmark. */
function loadAverage() {
  return os.loadavg()[0].toFixed(2);
}

function machine() {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
  const commit = (() => {
    try {
      const head = execFileSync('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['-C', REPO_ROOT, 'status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
      return dirty ? `${head} with uncommitted changes` : head;
    } catch {
      return 'unknown';
    }
  })();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    cpu: cpu ? cpu[1] : 'unknown',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    loadAtStart: loadAverage(),
    os: `${os.type()} ${os.release()}`,
    commit,
  };
}

/** Indexing the standard library as a workspace, with a 1k-line file open (the first size's document). */
async function benchIndexing(options) {
  const documentPath = path.join(WORK_DIR, `bench_${sizeLabel(options.sizes[0])}.py`);
  if (!fs.existsSync(documentPath)) return undefined;
  process.stderr.write(`server: indexing ${STDLIB} as a workspace\n`);
  try {
    return await measureIndexing({
      serverCommand: serverCommand(profileFlags(options), options.serverScript),
      workspace: STDLIB,
      document: { path: documentPath, text: fs.readFileSync(documentPath, 'utf8') },
    });
  } catch (error) {
    process.stderr.write(`server: indexing failed: ${error.message}\n`);
    return undefined;
  }
}

function indexingTable(indexing) {
  return {
    header: ['files', 'index ms', 'initialize→first diagnostics ms', 'open during indexing→diagnostics ms', 'opened while indexing', 'peak RSS MiB'],
    rows: [[
      String(indexing.files),
      String(Math.round(indexing.indexMs)),
      indexing.initializeToFirstMs.toFixed(1),
      indexing.openDuringIndexingMs.toFixed(1),
      indexing.openedWhileIndexing ? 'yes' : 'no',
      String(Math.round(indexing.peakRssKiB / 1024)),
    ]],
  };
}

async function benchServer(options, files) {
  const nodeFlags = profileFlags(options);
  const sessions = [];
  for (const [index, target] of options.sizes.entries()) {
    const label = sizeLabel(target);
    const built = concatenatedSource(files, target);
    const documentPath = path.join(WORK_DIR, `bench_${label}.py`);
    fs.writeFileSync(documentPath, built.text);
    const document = { path: documentPath, text: built.text, lines: built.lines, site: editSiteInMiddleFunction(built.text, built.lines) };
    process.stderr.write(`server: ${label} (${built.lines} lines from ${built.sources.length} modules), typing in ${document.site.name}() at line ${document.site.line}\n`);
    try {
      // The measured starts are later starts of the same build, as every editor start after the first one.
      const firstStart = index === 0 ? await measureFirstStart({ serverCommand: serverCommand(nodeFlags, options.serverScript), document, workspaceDir: WORK_DIR }) : undefined;
      const result = await measureServer({
        serverCommand: serverCommand(nodeFlags, options.serverScript),
        document,
        edits: options.edits,
        warmupEdits: options.warmup,
        intervalMs: options.interval,
        workspaceDir: WORK_DIR,
      });
      sessions.push({ label, result, firstStart, site: document.site, sources: built.sources });
    } catch (error) {
      process.stderr.write(`server: ${label} failed: ${error.message}\n`);
      sessions.push({ label, error: error.message.split('\n')[0] });
    }
  }
  return sessions;
}

function writeResults({ info, options, sessions, indexing, throughput, files, totalLines }) {
  const sections = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (build, then \`node bench/run.js\`) on ${info.date}, commit ${info.commit}.`,
    '',
    `Machine: ${info.nproc} CPUs (nproc), ${info.cpu}, ${info.memory} RAM, ${info.os}, node ${info.node}. 1-minute load average ${info.loadAtStart} at the start, ${info.loadAtEnd} at the end: on a shared machine, trust ratios more than absolute times.`,
    '',
    '## Targets',
    '',
    markdownTable(targetsTable(sessions, throughput)),
  ];
  if (options.server) {
    sections.push(
      '',
      '## Language server, through its process over stdio',
      '',
      `Server: ${options.serverScript ? `\`node ${path.relative(REPO_ROOT, options.serverScript)} --stdio\`` : 'the launcher the extension ships (`node dist/server.js --stdio`, bundled from this build by `scripts/bundle.js`), which runs the server bundle through a V8 code cache kept in the user\'s cache directory (here a fresh one in the work directory)'}. Before the first file is measured, the server is started twice to open it: once unmeasured with the code cache off (the benchmark's own client code is cold in its first session), then as the first start of a build, reported in the targets${options.serverScript ? '' : '; it writes the code cache that the measured starts use, as every start after the first one of an installed version does'}. \`didChange\` → \`publishDiagnostics\` (same or later version) for ${options.edits} single-character edits sent ${options.interval} ms apart, after ${options.warmup} unmeasured ones, typing a new local name on a line opened in the middle of a function; the client keeps only the latest publication's diagnostics, as an editor does (a heap growing with each one made the client's own garbage collections show up as latency). Each file is a fresh server; files are whole modules of ${STDLIB} concatenated in sorted order (valid Python, no \`__future__\` imports). Lints counts the publications during the typing (a server may lint a burst of edits once); server CPU ms/lint is the server process' user + system time over the typing divided by them: on a loaded machine, latency also includes waiting for a core, this does not. initialize → first diagnostics runs from spawning the server (the client sends \`initialize\` at once) to the first \`publishDiagnostics\` of the opened file. Peak RSS is the server process' VmHWM.`,
      '',
      markdownTable(serverTable(sessions)),
      '',
      ...sessions.filter((s) => s.result).map((s) => `- ${s.label}: typed in \`${s.site.name}()\` at line ${s.site.line}; built from ${s.sources.map((p) => `\`${path.relative(STDLIB, p)}\``).join(', ')}`),
    );
  }
  if (indexing) {
    sections.push(
      '',
      '## Workspace index',
      '',
      `The server started with ${STDLIB} as its workspace folder: every Python file is summarised in the background (names, \`__all__\`, SQLAlchemy tables; no trees are kept). The 1k-line file is opened right after \`initialize\`, and a second copy once indexing is under way; the index time is what the server logs when it is done.`,
      '',
      markdownTable(indexingTable(indexing)),
    );
  }
  if (options.cli) {
    sections.push(
      '',
      '## CLI throughput',
      '',
      `${files.length} files, ${totalLines.toLocaleString('en-US')} lines: every \`.py\` file of ${STDLIB} outside test directories, passed as arguments. pyreview: \`node server/bin/pyreview.js check --exit-zero --format json FILES\` with all default rules, run twice from a directory without a cache (the second run reads the cache). Each tool ran ${options.repeat} times, interleaved with the others; the table shows its fastest run by wall time. pyflakes: \`pyflakes3 FILES\`. Ruff: \`node --liftoff-only bench/ruffWasm.js\`, one \`Workspace.check\` per file. The last row, \`bench/parseFloor.js\`, only parses each file with web-tree-sitter and visits every node once with a cursor, over a worker per core: the time no checker on this parser can go below. Wall time includes process start-up; CPU time is user + system of the process and its threads (pyreview uses a worker per core).`,
      '',
      markdownTable(throughputTable(throughput, totalLines)),
    );
  }
  fs.writeFileSync(RESULTS_FILE, `${sections.join('\n')}\n${keptResults()}`);
}

/** What other measurements (`node bench/hostile.js`, `npm run fuzz`) recorded below KEPT_MARKER: kept as it is. */
function keptResults() {
  let text = '';
  try {
    text = fs.readFileSync(RESULTS_FILE, 'utf8');
  } catch {
    return '';
  }
  const at = text.indexOf(KEPT_MARKER);
  return at === -1 ? '' : `\n${text.slice(at)}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  fs.rmSync(WORK_DIR, { recursive: true, force: true });
  fs.mkdirSync(WORK_DIR, { recursive: true });
  if (options.server && !options.serverScript) await bundleServer(BUNDLE_DIR);
  // Inherited by every server started: the launcher keeps its code cache there, not in the user's cache.
  process.env.PYREVIEW_CODE_CACHE_DIR = CODE_CACHE_DIR;
  const info = machine();
  const files = stdlibFiles();
  const totalLines = files.reduce((sum, f) => sum + f.lines, 0);

  const sessions = options.server ? await benchServer(options, files) : [];
  if (options.server) console.log(`\nLanguage server (didChange → publishDiagnostics)\n${textTable(serverTable(sessions))}`);

  const indexing = options.server ? await benchIndexing(options) : undefined;
  if (indexing) console.log(`\nWorkspace index of ${STDLIB}\n${textTable(indexingTable(indexing))}`);

  let throughput = [];
  if (options.cli) {
    process.stderr.write(`cli: ${files.length} files, ${totalLines} lines\n`);
    throughput = measureThroughput({ files, workDir: path.join(WORK_DIR, 'throughput'), repeat: options.repeat, nodeFlags: profileFlags(options) });
    console.log(`\nCLI throughput: ${files.length} files, ${totalLines} lines\n${textTable(throughputTable(throughput, totalLines))}`);
  }

  console.log(`\nTargets\n${textTable(targetsTable(sessions, throughput))}`);
  info.loadAtEnd = loadAverage();
  console.log(`\nMachine: ${info.nproc} CPUs, ${info.cpu}, ${info.memory}, node ${info.node}, ${info.date}, load average ${info.loadAtStart} → ${info.loadAtEnd}`);
  writeResults({ info, options, sessions, indexing, throughput, files, totalLines });
  console.log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
  if (options.cpuProf) console.log(`CPU profiles in ${PROFILE_DIR}: node bench/profileSummary.js FILE.cpuprofile`);
}

main().catch((error) => {
  console.error(error.stack || error.message);
  process.exit(1);
});
