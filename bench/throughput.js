'use strict';
// Batch throughput over the same files: pyreview's CLI (empty cache, then
// cached), Debian's pyflakes3, Ruff's WebAssembly build, and the floors under
// any checker on the project's parser (parse + flat copy) and on web-tree-sitter
// (parse + one walk). Each runs as its own
// process under GNU time, which reports its CPU time and peak memory.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const GNU_TIME = '/usr/bin/time';
/** The floors' rows by parseFloor.js' parser argument. */
const PARSE_FLOORS = { pyreview: 'pyreview parser: parse + flat copy', 'web-tree-sitter': 'web-tree-sitter parse + walk' };
const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Runs a command with its output in a file; returns wall and CPU seconds,
 * peak RSS and the output. Wall time is taken here (GNU time rounds to 10 ms).
 */
function timedRun(command, args, { cwd, workDir, name }) {
  const outputFile = path.join(workDir, `${name}.out`);
  const timeFile = path.join(workDir, `${name}.time`);
  const output = fs.openSync(outputFile, 'w');
  const started = performance.now();
  const result = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args], {
    cwd,
    stdio: ['ignore', output, 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  fs.closeSync(output);
  const timeLine = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
  const [user, system, maxRssKiB] = timeLine.split(' ').map(Number);
  return {
    status: result.status,
    stderr: result.stderr.toString(),
    output: fs.readFileSync(outputFile, 'utf8'),
    wallSeconds,
    cpuSeconds: user + system,
    maxRssKiB,
  };
}

function failure(name, run) {
  return `${name} exited with ${run.status}: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`;
}

/** The number of findings in the CLI's JSON report, or undefined when it is not one. */
function pyreviewFindings(run) {
  try {
    const report = JSON.parse(run.output);
    return Array.isArray(report) ? report.length : undefined;
  } catch {
    return undefined;
  }
}

/** Node flags for the pyreview CLI (e.g. --cpu-prof) come before the script. */
function pyreviewArgs(paths, nodeFlags, cliScript) {
  return [...nodeFlags, cliScript, 'check', '--exit-zero', '--format', 'json', ...paths];
}

/** One measured run of each tool, as a table row (or the reason it failed). */
function toolRuns({ paths, workDir, nodeFlags, cliScript }) {
  // The CLI keeps its cache under the directory it runs in.
  const cliDir = path.join(workDir, 'cli');
  const listFile = path.join(workDir, 'files.txt');
  fs.writeFileSync(listFile, `${paths.join('\n')}\n`);
  const pyreview = (tool, name) => () => {
    const run = timedRun(process.execPath, pyreviewArgs(paths, nodeFlags, cliScript), { cwd: cliDir, workDir, name });
    if (run.status !== 0) return { tool, error: failure('pyreview check', run) };
    const findings = pyreviewFindings(run);
    if (findings === undefined) return { tool, error: `pyreview check printed no JSON array: ${run.output.slice(0, 200)}` };
    return { tool, run, findings };
  };
  return [
    {
      tool: 'pyreview (empty cache)',
      run: () => {
        fs.rmSync(cliDir, { recursive: true, force: true });
        fs.mkdirSync(cliDir, { recursive: true });
        return pyreview('pyreview (empty cache)', 'pyreview-cold')();
      },
    },
    { tool: 'pyreview (cached)', run: pyreview('pyreview (cached)', 'pyreview-cached') },
    {
      tool: 'pyflakes3',
      run: () => {
        const run = timedRun('pyflakes3', paths, { cwd: workDir, workDir, name: 'pyflakes' });
        // pyflakes exits 1 when it reports something; 2+ or a signal is a failure.
        if (run.status !== 0 && run.status !== 1) return { tool: 'pyflakes3', error: failure('pyflakes3', run) };
        const findings = run.output.split('\n').filter(Boolean).length;
        return { tool: 'pyflakes3', run, findings, note: versionOf('pyflakes3', ['--version']) };
      },
    },
    {
      tool: 'Ruff wasm',
      run: () => {
        const run = timedRun(process.execPath, ['--liftoff-only', path.join(__dirname, 'ruffWasm.js'), listFile], { cwd: REPO_ROOT, workDir, name: 'ruff-wasm' });
        if (run.status !== 0) return { tool: 'Ruff wasm', error: failure('ruff wasm', run) };
        const summary = JSON.parse(run.output);
        return {
          tool: 'Ruff wasm',
          run,
          findings: summary.findings,
          note: `${summary.version}, --select ${summary.select.join(',')}; in-process lint ${summary.lintSeconds.toFixed(2)} s`,
        };
      },
    },
    ...Object.entries(PARSE_FLOORS).map(([parser, tool]) => ({
      tool,
      run: () => {
        const run = timedRun(process.execPath, [path.join(__dirname, 'parseFloor.js'), listFile, parser], { cwd: REPO_ROOT, workDir, name: `parse-floor-${parser}` });
        if (run.status !== 0) return { tool, error: failure('parseFloor.js', run) };
        const summary = JSON.parse(run.output);
        return { tool, run, note: `no rules: ${summary.nodes.toLocaleString('en-US')} nodes, ${summary.workers} workers` };
      },
    })),
  ];
}

/**
 * Runs every tool `repeat` times, interleaved so that a burst of load on a
 * shared machine hits all of them alike, and keeps each tool's fastest run.
 * @returns {Array<{tool: string, run?: object, findings?: number, error?: string, note?: string}>}
 */
function measureThroughput({ files, workDir, repeat, nodeFlags = [], cliScript }) {
  fs.mkdirSync(workDir, { recursive: true });
  const tools = toolRuns({ paths: files.map((f) => f.path), workDir, nodeFlags, cliScript });
  const best = new Map();
  for (let round = 1; round <= repeat; round++) {
    for (const { tool, run } of tools) {
      process.stderr.write(`cli: round ${round}/${repeat}: ${tool}\n`);
      const row = run();
      const previous = best.get(tool);
      if (!previous || (row.run && (!previous.run || row.run.wallSeconds < previous.run.wallSeconds))) best.set(tool, row);
    }
  }
  return tools.map(({ tool }) => best.get(tool));
}

function versionOf(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return (result.stdout || result.stderr || '').trim().split('\n')[0];
}

module.exports = { measureThroughput, PARSE_FLOORS };
