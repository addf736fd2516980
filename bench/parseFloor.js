'use strict';
// The floor under any checker built on web-tree-sitter: every file parsed and
// every node visited once with a tree cursor, over one worker per core as the
// CLI does. Rules and the semantic model cost time on top of this.
//   node bench/parseFloor.js FILE_LIST   → {"files":…,"nodes":…,"workers":…} on stdout
const fs = require('fs');
const os = require('os');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const { Language, Parser } = require('web-tree-sitter');

/** web-tree-sitter's parser with the published Python grammar. */
async function createParser() {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
  return parser;
}

/** Parses each file and counts its nodes by walking all of them. */
async function parseAndWalk(paths) {
  const parser = await createParser();
  let nodes = 0;
  for (const file of paths) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    const cursor = tree.walk();
    for (let more = true; more;) {
      nodes++;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          more = false;
          break;
        }
      }
    }
    cursor.delete();
    tree.delete();
  }
  return nodes;
}

/** Files shared out by size, largest first, each to the least loaded worker. */
function shares(paths, count) {
  const loads = Array.from({ length: count }, () => ({ bytes: 0, paths: [] }));
  const sized = paths.map((file) => ({ file, bytes: fs.statSync(file).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { file, bytes } of sized) {
    const least = loads.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.bytes += bytes;
    least.paths.push(file);
  }
  return loads.map((load) => load.paths);
}

function runWorker(paths) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: paths });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main() {
  const paths = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const workers = os.availableParallelism();
  const counts = await Promise.all(shares(paths, workers).map(runWorker));
  process.stdout.write(JSON.stringify({ files: paths.length, nodes: counts.reduce((a, b) => a + b, 0), workers }));
}

if (isMainThread) {
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
} else {
  parseAndWalk(workerData).then((nodes) => parentPort.postMessage(nodes));
}
