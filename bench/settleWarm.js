#!/usr/bin/env node
'use strict';
// The settling lint of a 20k-line file once the JIT has warmed up, in one
// process (no client, no pipe): at each edit site of the typing benchmark,
// keystroke-and-settle pairs typed as serverLatency.js types them, the first
// ones unmeasured; prints the settle's CPU time (process.cpuUsage, all threads)
// per site. The bench's settle column counts the first settles after typing,
// which also pay for the JIT's first compilations of the settle's code.
//   node bench/settleWarm.js [--sites method,import] [--pairs 60] [--lines 20000]
const { diagnoseDocument } = require('../server/out/diagnostics');
const { DocumentStore } = require('../server/out/documents');
const { PythonParser, RULES, resolveSettings } = require('../shared-rules/out/index');
const { stdlibFiles, concatenatedSource, editSites, SITE_KINDS } = require('./corpus');
const { typingPlan, keystroke } = require('./serverLatency');
const { percentile } = require('./stats');

function options(argv) {
  const result = { sites: SITE_KINDS, pairs: 60, lines: 20000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--sites') result.sites = value.split(',');
    else if (flag === '--pairs') result.pairs = Number(value);
    else if (flag === '--lines') result.lines = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  return result;
}

/** The settle CPU ms of the last `pairs` of twice as many keystroke-and-settle pairs at one site. */
function settleCpu(text, site, pairs) {
  const config = { enable: true, settings: resolveSettings(RULES, {}), relativePath: 'bench.py', run: 'onType' };
  const store = new DocumentStore(new PythonParser());
  const uri = 'file:///tmp/bench.py';
  const document = store.open(uri, 1, text);
  const lint = (phase) => diagnoseDocument(document, config, 'utf-16', phase, console.error, false);
  let version = 1;
  const change = (edit) => store.change(uri, ++version, [edit], 'utf-16');
  lint('settle');
  const plan = typingPlan(site);
  if (plan.setup) change(plan.setup);
  lint('settle');
  const measured = [];
  for (let i = 0; i < 2 * pairs; i++) {
    change(keystroke(plan, i));
    lint('keystroke');
    const before = process.cpuUsage();
    lint('settle');
    const used = process.cpuUsage(before);
    if (i >= pairs) measured.push((used.user + used.system) / 1000);
  }
  store.close(uri);
  return measured;
}

function main() {
  const { sites, pairs, lines } = options(process.argv.slice(2));
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
