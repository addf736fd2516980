#!/usr/bin/env node
'use strict';
// What a keystroke's lint costs in a 20k-line file, in one process (no
// client, no pipe), typed as serverLatency.js types at each edit site: the
// process' CPU time per keystroke (process.cpuUsage; run under
// `node --no-opt --no-sparkplug` it is what the first keystrokes after opening
// the file pay while V8 has compiled nothing yet), and the bytes the lint
// allocates per keystroke (V8's sampling heap profiler, collected objects
// included), which sets how often the young generation is collected.
//   node [--no-opt --no-sparkplug] bench/keystrokeCost.js [--sites method,import] [--keystrokes 60] [--lines 20000]
const inspector = require('inspector');
const { stdlibFiles, concatenatedSource, editSites, SITE_KINDS } = require('./corpus');
const { parseOptions, openAtSite } = require('./inProcess');
const { percentile } = require('./stats');

/** Keystrokes typed before any is measured. */
const UNMEASURED = 5;

/** The inspector's commands as promises. */
function inspectorSession() {
  const session = new inspector.Session();
  session.connect();
  return (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
}

/** Bytes of every sample of a sampling heap profile. */
function sampledBytes(profile) {
  let bytes = 0;
  const stack = [profile.head];
  while (stack.length) {
    const node = stack.pop();
    bytes += node.selfSize;
    stack.push(...node.children);
  }
  return bytes;
}

/** CPU ms of each measured keystroke at one site, and the bytes allocated per keystroke. */
async function keystrokeCost(text, site, keystrokes, post) {
  const document = openAtSite(text, site);
  if (document.setUp()) document.lint('keystroke');
  for (let i = 0; i < UNMEASURED; i++) {
    document.type(i);
    document.lint('keystroke');
  }
  const cpu = [];
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = UNMEASURED; i < UNMEASURED + keystrokes; i++) {
    const before = process.cpuUsage();
    document.type(i);
    document.lint('keystroke');
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const { profile } = await post('HeapProfiler.stopSampling');
  document.close();
  return { cpu, bytesPerKeystroke: sampledBytes(profile) / keystrokes };
}

async function main() {
  const { sites, keystrokes, lines } = parseOptions(process.argv.slice(2), { sites: SITE_KINDS, keystrokes: 60, lines: 20000 });
  const { text } = concatenatedSource(stdlibFiles(), lines);
  const all = editSites(text);
  const post = inspectorSession();
  console.log(`keystroke lint at ${lines} lines, ${keystrokes} keystrokes after ${UNMEASURED}: CPU ms, KB allocated`);
  console.log('site         p50     p90    mean      KB');
  for (const kind of sites) {
    const site = all.find((candidate) => candidate.kind === kind);
    if (!site) throw new Error(`no ${kind} site in the file`);
    const { cpu, bytesPerKeystroke } = await keystrokeCost(text, site, keystrokes, post);
    const cell = (value) => value.toFixed(1).padStart(7);
    const mean = cpu.reduce((sum, value) => sum + value, 0) / cpu.length;
    console.log(`${kind.padEnd(10)} ${cell(percentile(cpu, 50))} ${cell(percentile(cpu, 90))} ${cell(mean)} ${cell(bytesPerKeystroke / 1024)}`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
