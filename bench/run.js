#!/usr/bin/env node
'use strict';
// `npm run bench`: measures the language server (through its real process
// over stdio) and the CLI against pyflakes and Ruff's wasm build, prints the
// tables and writes bench/RESULTS.md.
//
// Options: --sizes 1000,5000,20000  --edits 60  --warmup 5  --interval 100
//          --sites function,method,dict-key,assignment,import,decorator (edit sites typed at, each in a fresh server)
//          --settles 3 (settling lints measured after the typing at each site)
//          --documents 100  --document-lines 2000  --cycles 200  --cycle-lines 5000 (memory)
//          --repeat 3 (CLI runs per tool; the fastest counts)
//          --only sites,notebook,indexing,memory,cli (run these parts alone)
//          --skip-server (no sites, indexing or memory)  --skip-cli
//          --results FILE (default bench/RESULTS.md)
//          --server FILE  (another server script, e.g. server/out/server.js, the unbundled
//                          server the CLI's `pyreview server` runs; default: the launcher the
//                          extension ships, dist/server.js, bundled from the build into the work directory)
//          --cli FILE  (another CLI script, e.g. server/bin/pyreview.js, the unbundled CLI a checkout
//                       runs; default: the npm package's command, lib/pyreview.js, bundled from the build
//                       into the work directory)
//          --cpu-prof  (V8 profiles of the server and CLI processes, in the
//                      work directory; summarize one with bench/profileSummary.js;
//                      the bundled server's names are minified: add --server server/out/server.js)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { stdlibFiles, concatenatedSource, editSites, SITE_KINDS, STDLIB } = require('./corpus');
const { measureServer, measureFirstStart } = require('./serverLatency');
const { measureMemory } = require('./serverMemory');
const { benchNotebook } = require('./notebookLatency');
const { bundleCli, bundleServer } = require('../scripts/bundle');
const { measureIndexing } = require('./workspaceIndexing');
const { measureThroughput } = require('./throughput');
const { serverTable, throughputTable, memoryTable, targetsTable, describeSite, textTable, markdownTable } = require('./report');

const REPO_ROOT = path.resolve(__dirname, '..');
/** Sections of RESULTS.md below this line come from other measurements, and a benchmark run keeps them. */
const KEPT_MARKER = '<!-- Below: other measurements (bench/hostile.js, npm run fuzz), kept when bench/run.js writes this file. -->';
const WORK_DIR = path.join(os.tmpdir(), 'pyreview-bench');
const PROFILE_DIR = path.join(WORK_DIR, 'profiles');
const BUNDLE_DIR = path.join(WORK_DIR, 'dist');
const CLI_BUNDLE_DIR = path.join(WORK_DIR, 'lib');
const CODE_CACHE_DIR = path.join(WORK_DIR, 'code-cache');

const PARTS = ['sites', 'notebook', 'indexing', 'memory', 'cli'];
const SERVER_PARTS = ['sites', 'notebook', 'indexing', 'memory'];
/** The sizes the memory targets are set for. */
const MEMORY_TARGET_SIZES = { documents: 100, documentLines: 2000, cycles: 200, cycleLines: 5000 };

const USAGE = `usage: npm run bench -- [--only ${PARTS.join(',')}] [--sizes 1000,5000,20000] [--sites KINDS] [--edits N] [--warmup N]
  [--interval MS] [--settles N] [--documents N] [--document-lines N] [--cycles N] [--cycle-lines N] [--repeat N]
  [--skip-server] [--skip-cli] [--cpu-prof] [--server SCRIPT] [--cli SCRIPT] [--results FILE]`;

/** A mistake in the command line: its message and the usage, no stack trace. */
class UsageError extends Error {}

/** A comma-separated list, each item one of `allowed`. */
function listOf(value, allowed, option) {
  const items = value.split(',').map((item) => item.trim());
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length) throw new UsageError(`${option}: unknown ${unknown.join(', ')} (one of ${allowed.join(', ')})`);
  return items;
}

function parseArgs(argv) {
  const options = {
    sizes: [1000, 5000, 20000], edits: 60, warmup: 5, interval: 100, sites: SITE_KINDS, settles: 3,
    ...MEMORY_TARGET_SIZES, repeat: 3, parts: new Set(PARTS), cpuProf: false, serverScript: undefined, cliScript: undefined,
    results: path.join(__dirname, 'RESULTS.md'),
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--sizes': options.sizes = value().split(',').map(Number); break;
      case '--edits': options.edits = Number(value()); break;
      case '--warmup': options.warmup = Number(value()); break;
      case '--interval': options.interval = Number(value()); break;
      case '--sites': options.sites = listOf(value(), SITE_KINDS, '--sites'); break;
      case '--settles': options.settles = Number(value()); break;
      case '--documents': options.documents = Number(value()); break;
      case '--document-lines': options.documentLines = Number(value()); break;
      case '--cycles': options.cycles = Number(value()); break;
      case '--cycle-lines': options.cycleLines = Number(value()); break;
      case '--repeat': options.repeat = Number(value()); break;
      case '--only': options.parts = new Set(listOf(value(), PARTS, '--only')); break;
      case '--skip-server': for (const part of SERVER_PARTS) options.parts.delete(part); break;
      case '--skip-cli': options.parts.delete('cli'); break;
      case '--cpu-prof': options.cpuProf = true; break;
      case '--server': options.serverScript = path.resolve(value()); break;
      case '--cli': options.cliScript = path.resolve(value()); break;
      case '--results': options.results = path.resolve(value()); break;
      case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new UsageError(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

function memoryTargetsApply(options) {
  return Object.entries(MEMORY_TARGET_SIZES).every(([key, size]) => options[key] === size);
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

/** The synthetic file of about `target` lines, written to the work directory. */
function benchDocument(files, target) {
  const label = sizeLabel(target);
  const built = concatenatedSource(files, target);
  const documentPath = path.join(WORK_DIR, `bench_${label}.py`);
  fs.writeFileSync(documentPath, built.text);
  return { label, path: documentPath, text: built.text, lines: built.lines, sources: built.sources };
}

/** Indexing the standard library as a workspace, with a 1k-line file open (the first size's document). */
async function benchIndexing(options, files) {
  const document = benchDocument(files, options.sizes[0]);
  process.stderr.write(`server: indexing ${STDLIB} as a workspace\n`);
  try {
    return await measureIndexing({
      serverCommand: serverCommand(profileFlags(options), options.serverScript),
      workspace: STDLIB,
      document: { path: document.path, text: document.text },
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

/** Typing at each kind of edit site of each size's file, every site in a fresh server. */
async function benchServer(options, files) {
  const nodeFlags = profileFlags(options);
  const sessions = [];
  const documents = [];
  for (const target of options.sizes) {
    const document = benchDocument(files, target);
    const { label } = document;
    const sites = editSites(document.text).filter((site) => options.sites.includes(site.kind));
    const missing = options.sites.filter((kind) => !sites.some((site) => site.kind === kind));
    documents.push({ ...document, missing });
    if (missing.length) process.stderr.write(`server: ${label} has no ${missing.join(', ')} site\n`);
    for (const site of sites) {
      const load = loadAverage();
      process.stderr.write(`server: ${label} (${document.lines} lines from ${document.sources.length} modules), typing ${describeSite(site).replace(/`/g, '')} at line ${site.line}, load ${load}\n`);
      try {
        // The measured starts are later starts of the same build, as every editor start after the first one.
        const firstStart = sessions.length === 0
          ? await measureFirstStart({ serverCommand: serverCommand(nodeFlags, options.serverScript), document, workspaceDir: WORK_DIR })
          : undefined;
        const result = await measureServer({
          serverCommand: serverCommand(nodeFlags, options.serverScript),
          document,
          site,
          edits: options.edits,
          warmupEdits: options.warmup,
          intervalMs: options.interval,
          settles: options.settles,
          workspaceDir: WORK_DIR,
        });
        sessions.push({ label, site, result, firstStart, load });
      } catch (error) {
        process.stderr.write(`server: ${label} ${site.kind} failed: ${error.message}\n`);
        sessions.push({ label, site, error: error.message.split('\n')[0], load });
      }
    }
  }
  return { sessions, documents };
}

async function benchMemory(options, files) {
  try {
    return await measureMemory({
      serverCommand: serverCommand(profileFlags(options), options.serverScript),
      files,
      workDir: path.join(WORK_DIR, 'memory'),
      documents: options.documents,
      documentLines: options.documentLines,
      cycles: options.cycles,
      cycleLines: options.cycleLines,
    });
  } catch (error) {
    process.stderr.write(`memory: failed: ${error.stack ?? error.message}\n`);
    return { error: error.message.split('\n')[0] };
  }
}

/** What the server section says about the sites and the settles, and which modules each file is made of. */
function siteNotes(documents, sessions) {
  return documents.flatMap((document) => [
    `- ${document.label} (${document.lines.toLocaleString('en-US')} lines), built from ${document.sources.map((p) => `\`${path.relative(STDLIB, p)}\``).join(', ')}${document.missing.length ? `; it has no ${document.missing.join(', ')} site` : ''}`,
    ...sessions.filter((s) => s.label === document.label).map((s) => `  - ${s.site.kind}, line ${s.site.line}: typed ${describeSite(s.site)}`),
  ]);
}

function memorySection(options, memory) {
  if (memory.error) return [`Failed: ${memory.error}`];
  const { open, cycles } = memory;
  return [
    `The server (${options.serverScript ? `\`node ${path.relative(REPO_ROOT, options.serverScript)} --stdio\`` : '`node dist/server.js --stdio`, as above'}) with an empty workspace folder: the documents are files in another directory, so that none is indexed from disk. ${open.documents} different files of about ${options.documentLines.toLocaleString('en-US')} lines (${open.lines.toLocaleString('en-US')} in all), each built like the typing files from whole modules of ${STDLIB} that no other of them uses (${open.modules} modules) and checked with Python's \`ast\`, are opened, once the server has answered \`initialize\`, one after another, each once the previous one's diagnostics have arrived, and kept open; after a 1 s pause the server's peak RSS (VmHWM) and RSS (VmRSS) are read. Then all are closed (each close waits for the server to clear the file's diagnostics) and, after 1 s, RSS is read; then the same files are opened again (the next version), and the peak is read after 1 s. Separately, in a fresh server, a ${cycles.lines.toLocaleString('en-US')}-line file (the typing benchmark's file of that size) is opened, edited (a line \`bench_name = 0\` opened in \`${cycles.site.name}()\` at line ${cycles.site.line} and one character typed into its name), its diagnostics awaited, and closed, ${cycles.cycles} times over. MB are 10^6 bytes, as in the targets.`,
    '',
    markdownTable(memoryTable(memory)),
    '',
    `RSS during the cycles: ${cycles.trace.map((t) => `${Math.round((t.residentKiB * 1024) / 1e6)} MB after ${t.cycle}`).join(', ')}.`,
  ];
}

function writeResults({ info, options, sessions, documents, notebook, indexing, memory, throughput, files, totalLines }) {
  const runs = (part) => options.parts.has(part);
  const sections = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (build, then \`node bench/run.js\`) on ${info.date}, commit ${info.commit}.`,
    '',
    `Machine: ${info.nproc} CPUs (nproc), ${info.cpu}, ${info.memory} RAM, ${info.os}, node ${info.node}. 1-minute load average ${info.loadAtStart} at the start, ${info.loadAtEnd} at the end: on a shared machine, trust ratios more than absolute times.`,
    '',
    '## Targets',
    '',
    markdownTable(targetsTable({ sessions, throughput, memory, memoryTargetsApply: memoryTargetsApply(options) })),
  ];
  if (runs('sites')) {
    sections.push(
      '',
      '## Language server, through its process over stdio',
      '',
      `Server: ${options.serverScript ? `\`node ${path.relative(REPO_ROOT, options.serverScript)} --stdio\`` : 'the launcher the extension ships (`node dist/server.js --stdio`, bundled from this build by `scripts/bundle.js`), which runs the server bundle through a V8 code cache kept in the user\'s cache directory (here a fresh one in the work directory)'}. Before the first file is measured, the server is started twice to open it: once unmeasured with the code cache off (the benchmark's own client code is cold in its first session), then as the first start of a build, reported in the targets${options.serverScript ? '' : '; it writes the code cache that the measured starts use, as every start after the first one of an installed version does'}. Files are whole modules of ${STDLIB} concatenated in sorted order (valid Python, no \`__future__\` imports). In each file, typing is measured at several kinds of edit site near its middle line, found with Python's \`ast\` (\`bench/corpus.js\`): in the module-level function nearest the middle line (function) and in the method in the middle of the longest class (method), a line \`bench_name = 0\` is opened before a body statement and its name typed into; a string key in the middle of the module-level dict nearest the middle line (dict-key), the name of the module-level assignment nearest it (assignment) and the name of the decorator nearest it (decorator) are typed into at their end; the module-level import nearest it gets \`, bench_name\` after its last name, which is typed into (import). The targets take the worst site. Each site is a fresh server: \`didChange\` → \`publishDiagnostics\` (same or later version) for ${options.edits} single-character edits sent ${options.interval} ms apart, after ${options.warmup} unmeasured ones; the client keeps only the latest publication's diagnostics, as an editor does (a heap growing with each one made the client's own garbage collections show up as latency). Lints counts the publications during the typing (a server may lint a burst of edits once); server CPU ms/lint is the server process' CPU time (user + system, all threads) over the typing divided by them: on a loaded machine, latency also includes waiting for a core, this does not. Once typing pauses, the server lints the whole file again to settle its diagnostics (250 ms after the last keystroke; files of up to about 2,500 lines are linted completely at every keystroke and need no settling): settle CPU ms is the server's CPU time from 150 ms after the last keystroke's publication (before the settle's timer fires: what the keystroke's lint left behind, such as concurrent garbage collection, is not the settle's; from the publication itself when the client could not read it in time) to the next publication of the same version, the settled one, as the median of ${options.settles} settles (the one after the typing, then one after each further keystroke), settle CPU max ms the highest, and settle main-thread CPU ms the median of the main thread's alone (the rest is V8's background work: compiling hot functions, collecting garbage); CPU times are read from each thread's \`/proc/PID/task/TID/schedstat\` (nanoseconds). initialize → first diagnostics runs from spawning the server (the client sends \`initialize\` at once) to the first \`publishDiagnostics\` of the opened file. Peak RSS is the server process' VmHWM. Load is the 1-minute load average when the site's session started.`,
      '',
      markdownTable(serverTable(sessions)),
      '',
      ...siteNotes(documents, sessions),
    );
  }
  if (notebook) sections.push('', notebook);
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
  if (memory) sections.push('', '## Language server memory', '', ...memorySection(options, memory));
  if (runs('cli')) {
    sections.push(
      '',
      '## CLI throughput',
      '',
      `${files.length} files, ${totalLines.toLocaleString('en-US')} lines: every \`.py\` file of ${STDLIB} outside test directories, passed as arguments. pyreview: \`node ${options.cliScript ? path.relative(REPO_ROOT, options.cliScript) : 'lib/pyreview.js'} check --exit-zero --format json FILES\`${options.cliScript ? '' : ', the npm package\'s command (bundled from this build by `scripts/bundle.js`; its launcher keeps a V8 code cache, here in the work directory, which the first run writes)'} with all default rules, run twice from a directory without a cache (the second run reads the cache). Each tool ran ${options.repeat} times, interleaved with the others; the table shows its fastest run by wall time. pyflakes: \`pyflakes3 FILES\`. Ruff: \`node --liftoff-only bench/ruffWasm.js\`, one \`Workspace.check\` per file. The last two rows, \`bench/parseFloor.js\`, only parse each file, over a worker per core: with the project's parser, copying it into the flat tree the rules read (the time no checker on this parser can go below), and with web-tree-sitter, visiting every node once with a cursor. Wall time includes process start-up; CPU time is user + system of the process and its threads (pyreview uses a worker per core).`,
      '',
      markdownTable(throughputTable(throughput, totalLines)),
    );
  }
  fs.writeFileSync(options.results, `${sections.join('\n')}\n${keptResults(options.results)}`);
}

/** What other measurements (`node bench/hostile.js`, `npm run fuzz`) recorded below KEPT_MARKER: kept as it is. */
function keptResults(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const at = text.indexOf(KEPT_MARKER);
  return at === -1 ? '' : `\n${text.slice(at)}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const runs = (part) => options.parts.has(part);
  fs.rmSync(WORK_DIR, { recursive: true, force: true });
  fs.mkdirSync(WORK_DIR, { recursive: true });
  if (SERVER_PARTS.some(runs) && !options.serverScript) await bundleServer(BUNDLE_DIR);
  if (runs('cli') && !options.cliScript) await bundleCli(CLI_BUNDLE_DIR);
  // The bundles read their version from the package.json above their folder, as in the installed extension and package.
  fs.copyFileSync(path.join(__dirname, '..', 'package.json'), path.join(WORK_DIR, 'package.json'));
  // Inherited by every server and CLI started: the launchers keep their code caches there, not in the user's cache.
  process.env.PYREVIEW_CODE_CACHE_DIR = CODE_CACHE_DIR;
  const info = machine();
  const files = stdlibFiles();
  const totalLines = files.reduce((sum, f) => sum + f.lines, 0);

  const { sessions, documents } = runs('sites') ? await benchServer(options, files) : { sessions: [], documents: [] };
  if (runs('sites')) console.log(`\nLanguage server (didChange → publishDiagnostics; settling lint)\n${textTable(serverTable(sessions))}`);
  const notebook = runs('notebook')
    ? await benchNotebook({
      serverCommand: serverCommand(profileFlags(options), options.serverScript),
      workDir: WORK_DIR, edits: options.edits, warmup: options.warmup, interval: options.interval,
    })
    : undefined;

  const indexing = runs('indexing') ? await benchIndexing(options, files) : undefined;
  if (indexing) console.log(`\nWorkspace index of ${STDLIB}\n${textTable(indexingTable(indexing))}`);

  // After the typing: the memory documents are written under the work directory, the typing sessions' workspace folder.
  const memory = runs('memory') ? await benchMemory(options, files) : undefined;
  if (memory) console.log(`\nLanguage server memory\n${memory.error ? `failed: ${memory.error}` : textTable(memoryTable(memory))}`);

  let throughput = [];
  if (runs('cli')) {
    process.stderr.write(`cli: ${files.length} files, ${totalLines} lines\n`);
    const cliScript = options.cliScript ?? path.join(CLI_BUNDLE_DIR, 'pyreview.js');
    throughput = measureThroughput({ files, workDir: path.join(WORK_DIR, 'throughput'), repeat: options.repeat, nodeFlags: profileFlags(options), cliScript });
    console.log(`\nCLI throughput: ${files.length} files, ${totalLines} lines\n${textTable(throughputTable(throughput, totalLines))}`);
  }

  console.log(`\nTargets\n${textTable(targetsTable({ sessions, throughput, memory, memoryTargetsApply: memoryTargetsApply(options) }))}`);
  info.loadAtEnd = loadAverage();
  console.log(`\nMachine: ${info.nproc} CPUs, ${info.cpu}, ${info.memory}, node ${info.node}, ${info.date}, load average ${info.loadAtStart} → ${info.loadAtEnd}`);
  writeResults({ info, options, sessions, documents, notebook, indexing, memory, throughput, files, totalLines });
  console.log(`Wrote ${path.relative(process.cwd(), options.results)}`);
  if (options.cpuProf) console.log(`CPU profiles in ${PROFILE_DIR}: node bench/profileSummary.js FILE.cpuprofile`);
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error.stack || error.message);
  process.exit(1);
});
