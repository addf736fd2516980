#!/usr/bin/env node
'use strict';
// Summarizes a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): the
// functions with the most time of their own, and with the most time
// including their callees, so that what dominates a keystroke is visible
// without opening a profiler UI.
//
// Usage: node bench/profileSummary.js FILE.cpuprofile [--top 30] [--match REGEXP] [--from-ms N]
// --from-ms skips the first N ms of the profile (start-up and the first lint),
// leaving the keystrokes.
const fs = require('fs');

function parseArgs(argv) {
  const options = { file: undefined, top: 30, match: /./, fromMs: 0 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') options.top = Number(argv[++i]);
    else if (argv[i] === '--match') options.match = new RegExp(argv[++i]);
    else if (argv[i] === '--from-ms') options.fromMs = Number(argv[++i]);
    else options.file = argv[i];
  }
  if (!options.file) throw new Error('usage: node bench/profileSummary.js FILE.cpuprofile [--top N] [--match REGEXP] [--from-ms N]');
  return options;
}

function frameName({ callFrame }) {
  const file = callFrame.url.split('/').slice(-2).join('/');
  return `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
}

function summarize(profile, fromMs) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  let busy = 0;
  let elapsed = 0;
  profile.samples.forEach((sample, index) => {
    const micros = profile.timeDeltas[index];
    elapsed += micros;
    const name = frameName(nodes.get(sample));
    if (name.startsWith('(idle)') || elapsed < fromMs * 1000) return;
    busy += micros;
    self.set(name, (self.get(name) ?? 0) + micros);
    // Recursion must not count a sample twice for the same function.
    const seen = new Set();
    for (let id = sample; id !== undefined; id = parents.get(id)) {
      const frame = frameName(nodes.get(id));
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + micros);
    }
  });
  return { busy, self, inclusive };
}

function print(title, totals, { top, match }, busy) {
  console.log(`\n${title}`);
  const rows = [...totals].filter(([name]) => match.test(name)).sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, micros] of rows) {
    console.log(`${(micros / 1000).toFixed(1).padStart(9)} ms ${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${name}`);
  }
}

const options = parseArgs(process.argv.slice(2));
const { busy, self, inclusive } = summarize(JSON.parse(fs.readFileSync(options.file, 'utf8')), options.fromMs);
console.log(`busy (not idle): ${(busy / 1000).toFixed(1)} ms`);
print('self time', self, options, busy);
print('inclusive time', inclusive, options, busy);
