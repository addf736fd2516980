'use strict';
// Turns measurements into tables (aligned text for the terminal, Markdown for
// bench/RESULTS.md) and checks them against the project's targets.
const { percentile } = require('./stats');
const { PARSE_FLOOR } = require('./throughput');

const ms = (value) => value.toFixed(1);
const mib = (kib) => (kib / 1024).toFixed(0);
const thousands = (value) => Math.round(value).toLocaleString('en-US');

function serverTable(sessions) {
  const header = ['file', 'lines', 'p50 ms', 'p95 ms', 'max ms', 'edits', 'lints', 'server CPU ms/lint', 'initialize→first diagnostics ms', '(initialize response ms', 'didOpen→diagnostics ms)', 'peak RSS MiB', 'diagnostics'];
  const rows = sessions.map(({ label, result, error }) => (error
    ? [label, '', '', '', '', '', '', '', `failed: ${error}`, '', '', '', '']
    : [
      label,
      String(result.lines),
      ms(percentile(result.latencies, 50)),
      ms(percentile(result.latencies, 95)),
      ms(Math.max(...result.latencies)),
      String(result.latencies.length),
      String(result.lints),
      ms(result.cpuPerLintMs),
      ms(result.initializeToFirstMs),
      ms(result.initializeMs),
      ms(result.openToFirstMs),
      mib(result.peakRssKiB),
      String(result.finalDiagnostics),
    ]));
  return { header, rows };
}

function throughputTable(rows, totalLines) {
  const header = ['tool', 'wall s', 'lines/s (wall)', 'CPU s', 'lines/s (CPU)', 'peak RSS MiB', 'findings', 'notes'];
  return {
    header,
    rows: rows.map(({ tool, run, findings, note, error }) => (error
      ? [tool, '', '', '', '', '', '', `failed: ${error}`]
      : [
        tool,
        run.wallSeconds.toFixed(2),
        thousands(totalLines / run.wallSeconds),
        run.cpuSeconds.toFixed(2),
        thousands(totalLines / run.cpuSeconds),
        mib(run.maxRssKiB),
        findings === undefined ? '' : thousands(findings),
        note ?? '',
      ])),
  };
}

/** Each target with the measured value and by how much it is met or missed. */
function targetsTable(sessions, throughput) {
  const session = (label) => sessions.find((s) => s.label === label && s.result)?.result;
  const tool = (name) => throughput.find((row) => row.tool === name && row.run)?.run;
  const small = session('1k');
  const large = session('20k');
  const cold = tool('pyreview (empty cache)');
  const cached = tool('pyreview (cached)');
  const pyflakes = tool('pyflakes3');
  const ruff = tool('Ruff wasm');
  const rows = [];
  // `higherIsBetter` decides the direction of the comparison and of the margin.
  const add = (target, measured, limit, higherIsBetter, format) => {
    if (measured === undefined) return rows.push([target, 'not measured', '']);
    const met = higherIsBetter ? measured >= limit : measured <= limit;
    const factor = higherIsBetter ? limit / measured : measured / limit;
    return rows.push([target, format(measured), met ? 'met' : `MISSED (${format(measured)} vs ${format(limit)}, ×${factor.toFixed(2)} off)`]);
  };
  add('p95 latency at 20k lines ≤ 10 ms', large && percentile(large.latencies, 95), 10, false, (v) => `${ms(v)} ms`);
  add('p50(20k) ≤ 2 × p50(1k)', large && small && percentile(large.latencies, 50) / percentile(small.latencies, 50), 2, false, (v) => `${v.toFixed(2)}×`);
  add('initialize → first diagnostics (1k) ≤ 300 ms', small?.initializeToFirstMs, 300, false, (v) => `${ms(v)} ms`);
  // The measured starts find the code cache an earlier start of the build wrote; the very first one does not.
  const first = sessions.find((s) => s.firstStart);
  if (first) rows.push([`initialize → first diagnostics (${first.label}), first start of a build (no target)`, `${ms(first.firstStart.initializeToFirstMs)} ms`, '']);
  add('CLI lines/s ≥ 5 × pyflakes (wall)', cold && pyflakes && pyflakes.wallSeconds / cold.wallSeconds, 5, true, (v) => `${v.toFixed(2)}×`);
  add('cached run ≥ 20 × faster than empty-cache run (wall)', cold && cached && cold.wallSeconds / cached.wallSeconds, 20, true, (v) => `${v.toFixed(1)}×`);
  // For reference only: pyreview spreads files over every core, pyflakes and Ruff's wasm build use one.
  if (cold && pyflakes) rows.push(['CLI vs pyflakes in CPU time (no target)', `${(pyflakes.cpuSeconds / cold.cpuSeconds).toFixed(2)}×`, '']);
  if (cold && ruff) rows.push(['CLI vs Ruff wasm, wall (no target)', `${(ruff.wallSeconds / cold.wallSeconds).toFixed(2)}×`, '']);
  // What no checker on web-tree-sitter can beat here: parsing and visiting every node once, with no rule.
  const floor = tool(PARSE_FLOOR);
  if (floor && pyflakes) rows.push(['parse + walk alone vs pyflakes, wall (no target: no checker on web-tree-sitter gets above this)', `${(pyflakes.wallSeconds / floor.wallSeconds).toFixed(2)}×`, '']);
  return { header: ['target', 'measured', 'result'], rows };
}

function textTable({ header, rows }) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable({ header, rows }) {
  const escape = (cell) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 || i === header.length - 1 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}

module.exports = { serverTable, throughputTable, targetsTable, textTable, markdownTable };
