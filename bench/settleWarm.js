#!/usr/bin/env node
'use strict';
// The settling lint of a 20k-line file once the JIT has warmed up, in one
// process (no client, no pipe): at each edit site of the typing benchmark,
// keystroke-and-settle pairs typed as serverLatency.js types them, the first
// ones unmeasured; prints the settle's CPU time (process.cpuUsage, all threads)
// per site. The bench's settle column counts the first settles after typing,
// which also pay for the JIT's first compilations of the settle's code.
//   node bench/settleWarm.js [--sites method,import] [--pairs 60] [--lines 20000]
const { stdlibFiles, concatenatedSource, editSites, SITE_KINDS } = require('./corpus');
const { parseOptions, openAtSite } = require('./inProcess');
const { percentile } = require('./stats');

/** The settle CPU ms of the last `pairs` of twice as many keystroke-and-settle pairs at one site. */
function settleCpu(text, site, pairs) {
  const document = openAtSite(text, site);
  document.setUp();
  document.lint('settle');
  const measured = [];
  for (let i = 0; i < 2 * pairs; i++) {
    document.type(i);
    document.lint('keystroke');
    const before = process.cpuUsage();
    document.lint('settle');
    const used = process.cpuUsage(before);
    if (i >= pairs) measured.push((used.user + used.system) / 1000);
  }
  document.close();
  return measured;
}

function main() {
  const { sites, pairs, lines } = parseOptions(process.argv.slice(2), { sites: SITE_KINDS, pairs: 60, lines: 20000 });
  const { text } = concatenatedSource(stdlibFiles(), lines);
  const all = editSites(text);
  console.log(`settle CPU ms at ${lines} lines, the last ${pairs} of ${2 * pairs} keystroke-and-settle pairs`);
  console.log('site         p25     p50     p90');
  for (const kind of sites) {
    const site = all.find((candidate) => candidate.kind === kind);
    if (!site) throw new Error(`no ${kind} site in the file`);
    const cpu = settleCpu(text, site, pairs);
    const cell = (p) => percentile(cpu, p).toFixed(1).padStart(7);
    console.log(`${kind.padEnd(10)} ${cell(25)} ${cell(50)} ${cell(90)}`);
  }
}

main();
