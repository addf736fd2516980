'use strict';
// The floor under a checker on a parser: every file read and parsed, over one
// worker per core as the CLI does, with nothing else done but what the rules
// need before they run. Rules and the semantic model cost time on top of this.
//   pyreview (default): the project's parser (shared-rules/wasm, built by
//     `npm run build`) parses each file and copies it into the flat tree.
//   web-tree-sitter: the published runtime parses each file and visits every
//     node once with a tree cursor.
//   node bench/parseFloor.js FILE_LIST [pyreview|web-tree-sitter]
//     → {"files":…,"nodes":…,"workers":…} on stdout
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

/** Parses each file with the project's parser into its flat tree; counts the nodes copied. */
function parseAndCopy(paths) {
  const { PythonParser, parseUnits } = require('../shared-rules/out/index');
  const parser = new PythonParser();
  let nodes = 0;
  for (const file of paths) {
    const { tree } = parseUnits(parser, fs.readFileSync(file, 'utf8'));
    nodes += tree.size.live;
    tree.dispose();
  }
  return nodes;
}

/** Parses each file with web-tree-sitter and counts its nodes by walking all of them. */
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

const PARSERS = { pyreview: parseAndCopy, 'web-tree-sitter': parseAndWalk };

function runWorker(paths, parser) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { paths, parser } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main() {
  const paths = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const parser = process.argv[3] ?? 'pyreview';
  if (!PARSERS[parser]) throw new Error(`unknown parser ${parser}: one of ${Object.keys(PARSERS).join(', ')}`);
  const workers = os.availableParallelism();
  const counts = await Promise.all(shares(paths, workers).map((share) => runWorker(share, parser)));
  process.stdout.write(JSON.stringify({ files: paths.length, nodes: counts.reduce((a, b) => a + b, 0), workers }));
}

if (isMainThread) {
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
} else {
  Promise.resolve(PARSERS[workerData.parser](workerData.paths)).then((nodes) => parentPort.postMessage(nodes));
}
