'use strict';
// Turns measurements into tables (aligned text for the terminal, Markdown for
// bench/RESULTS.md) and checks them against the project's targets.
const { percentile, median } = require('./stats');
const { PARSE_FLOORS } = require('./throughput');

const ms = (value) => value.toFixed(1);
const mib = (kib) => (kib / 1024).toFixed(0);
/** Megabytes (10^6 bytes), the unit of the memory targets. */
const megabytes = (kib) => (kib * 1024) / 1e6;
const thousands = (value) => Math.round(value).toLocaleString('en-US');

/** An edit site (corpus.js `editSites`) in words, with Markdown code spans. */
function describeSite(site) {
  switch (site.kind) {
    case 'function': return `in the module-level function \`${site.name}()\``;
    case 'method': return `in the method \`${site.name}()\` of the longest class (${thousands(site.classLines)} lines)`;
    case 'dict-key': return `into the key \`${JSON.stringify(site.key)}\` of the module-level dict \`${site.name}\``;
    case 'assignment': return `into the name of the module-level assignment \`${site.name} = …\``;
    case 'import': return `a new name into the import from \`${site.name}\``;
    case 'decorator': return `into the name of the decorator \`@${site.name}\``;
    default: return site.kind;
  }
}

/** The median server CPU time of a session's settling lints, undefined when the server did not settle. */
function settleCpuMs(result) {
  return result.settleCpuMs.length ? median(result.settleCpuMs) : undefined;
}

function serverTable(sessions) {
  const header = ['file', 'site', 'line', 'lines', 'p50 ms', 'p95 ms', 'max ms', 'edits', 'lints', 'server CPU ms/lint', 'settle CPU ms', 'settle CPU max ms', 'settle main-thread CPU ms', 'initialize→first diagnostics ms', '(initialize response ms', 'didOpen→diagnostics ms)', 'peak RSS MiB', 'diagnostics', 'load'];
  const rows = sessions.map(({ label, site, result, error, load }) => (error
    ? [label, site.kind, String(site.line), '', '', '', '', '', '', '', '', '', '', `failed: ${error}`, '', '', '', '', load]
    : [
      label,
      site.kind,
      String(site.line),
      String(result.lines),
      ms(percentile(result.latencies, 50)),
      ms(percentile(result.latencies, 95)),
      ms(Math.max(...result.latencies)),
      String(result.latencies.length),
      String(result.lints),
      ms(result.cpuPerLintMs),
      result.settleCpuMs.length ? ms(settleCpuMs(result)) : 'no settle',
      result.settleCpuMs.length ? ms(Math.max(...result.settleCpuMs)) : '',
      result.settleMainCpuMs.length ? ms(median(result.settleMainCpuMs)) : '',
      ms(result.initializeToFirstMs),
      ms(result.initializeMs),
      ms(result.openToFirstMs),
      mib(result.peakRssKiB),
      String(result.finalDiagnostics),
      load,
    ]));
  return { header, rows };
}

/** Peak and current resident memory of the server through the steps of `bench/serverMemory.js`. */
function memoryTable(memory) {
  const mb = (kib) => megabytes(kib).toFixed(0);
  const { open, cycles } = memory;
  return {
    header: ['step', 'peak RSS MB', 'RSS MB after'],
    rows: [
      ['server started (initialized), no file open', mb(open.peakStartedKiB), mb(open.residentStartedKiB)],
      [`${open.documents} different files (${thousands(open.lines)} lines) opened one after another, kept open`, mb(open.peakOpenKiB), mb(open.residentOpenKiB)],
      ['all of them closed', '', mb(open.residentClosedKiB)],
      ['the same files opened again', mb(open.peakReopenKiB), mb(open.residentReopenKiB)],
      [`fresh server: ${cycles.cycles} open/edit/close cycles of a ${thousands(cycles.lines)}-line file`, mb(cycles.peakKiB), mb(cycles.residentKiB)],
    ],
  };
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

/** The item with the highest value (undefined values ignored), or undefined. */
function worstOf(items, value) {
  let worst;
  for (const item of items) {
    const measured = value(item);
    if (measured !== undefined && (!worst || measured > worst.value)) worst = { item, value: measured };
  }
  return worst;
}

/** The sites that failed, as a reason no worst site can be given. */
function failedSites(sessions) {
  const failed = sessions.filter((s) => s.error).map((s) => s.site.kind);
  return failed.length ? `not measured: ${failed.join(', ')} failed` : undefined;
}

/**
 * Each target with the measured value and by how much it is met or missed.
 * Latency targets are checked at the worst edit site, not the best.
 * @param {{sessions: object[], throughput: object[], memory?: object, memoryTargetsApply?: boolean}} measured
 */
function targetsTable({ sessions, throughput, memory, memoryTargetsApply }) {
  const sized = (label) => sessions.filter((s) => s.label === label);
  const measuredAt = (label) => sized(label).filter((s) => s.result);
  const tool = (name) => throughput.find((row) => row.tool === name && row.run)?.run;
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
  /** A target over the sessions of one size, at the worst site; a failed site leaves it unmeasured. */
  const addWorst = (target, label, value, limit, format) => {
    const failed = failedSites(sized(label));
    if (failed) return rows.push([target, failed, 'MISSED']);
    const worst = worstOf(measuredAt(label), (s) => value(s.result));
    return add(worst ? `${target} (worst site: ${worst.item.site.kind})` : target, worst?.value, limit, false, format);
  };
  if (sessions.length) {
    addWorst('keystroke p95 at 20k lines ≤ 10 ms', '20k', (r) => percentile(r.latencies, 95), 10, (v) => `${ms(v)} ms`);
    addWorst('settling lint at 20k lines ≤ 8 ms of server CPU (median of a site\'s settles)', '20k', settleCpuMs, 8, (v) => `${ms(v)} ms`);
    // The same kind of site at both sizes.
    const worstRatio = worstOf(measuredAt('20k'), (large) => {
      const small = measuredAt('1k').find((s) => s.site.kind === large.site.kind);
      return small && percentile(large.result.latencies, 50) / percentile(small.result.latencies, 50);
    });
    add(`p50(20k) ≤ 2 × p50(1k)${worstRatio ? ` (worst site: ${worstRatio.item.site.kind})` : ''}`, worstRatio?.value, 2, false, (v) => `${v.toFixed(2)}×`);
    addWorst(`initialize → first diagnostics (1k) ≤ 300 ms, worst of ${sized('1k').length} starts`, '1k', (r) => r.initializeToFirstMs, 300, (v) => `${ms(v)} ms`);
    // The measured starts find the code cache an earlier start of the build wrote; the very first one does not.
    const first = sessions.find((s) => s.firstStart);
    if (first) rows.push([`initialize → first diagnostics (${first.label}), first start of a build (no target)`, `${ms(first.firstStart.initializeToFirstMs)} ms`, '']);
  }
  if (memory?.error) rows.push(['server memory', `failed: ${memory.error}`, 'MISSED']);
  else if (memory) {
    const { open, cycles } = memory;
    const mb = (v) => `${v.toFixed(0)} MB`;
    const addMemory = (target, value, limit) => (memoryTargetsApply ? add(target, value, limit, false, mb) : rows.push([target, mb(value), 'no target at this size']));
    addMemory(`${open.documents} different files of about ${thousands(open.lines / open.documents)} lines open: peak RSS ≤ 300 MB`, megabytes(open.peakOpenKiB), 300);
    addMemory('all closed and the same files opened again: peak RSS rises ≤ 30 MB', megabytes(open.peakReopenKiB - open.peakOpenKiB), 30);
    addMemory(`${cycles.cycles} open/edit/close cycles of a ${thousands(cycles.lines)}-line file: peak RSS ≤ 350 MB`, megabytes(cycles.peakKiB), 350);
  }
  if (throughput.length) {
    add('CLI lines/s ≥ 5 × pyflakes (wall)', cold && pyflakes && pyflakes.wallSeconds / cold.wallSeconds, 5, true, (v) => `${v.toFixed(2)}×`);
    add('cached run ≥ 20 × faster than empty-cache run (wall)', cold && cached && cold.wallSeconds / cached.wallSeconds, 20, true, (v) => `${v.toFixed(1)}×`);
    // For reference only: pyreview spreads files over every core, pyflakes and Ruff's wasm build use one.
    if (cold && pyflakes) rows.push(['CLI vs pyflakes in CPU time (no target)', `${(pyflakes.cpuSeconds / cold.cpuSeconds).toFixed(2)}×`, '']);
    if (cold && ruff) rows.push(['CLI vs Ruff wasm, wall (no target)', `${(ruff.wallSeconds / cold.wallSeconds).toFixed(2)}×`, '']);
    // What no checker on the project's parser can beat here: parsing and copying every file into its flat tree, with no rule.
    const floor = tool(PARSE_FLOORS.pyreview);
    if (floor && pyflakes) {
      const ratios = `${(pyflakes.cpuSeconds / floor.cpuSeconds).toFixed(2)}× CPU, ${(pyflakes.wallSeconds / floor.wallSeconds).toFixed(2)}× wall`;
      rows.push(['parse + flat copy alone vs pyflakes (no target: no checker on this parser gets above this)', ratios, '']);
    }
  }
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

module.exports = { serverTable, throughputTable, memoryTable, targetsTable, describeSite, textTable, markdownTable };
