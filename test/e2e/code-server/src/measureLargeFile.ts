/**
 * What VS Code's message sequence costs on a large file, measured in real VS Code (code-server and Chromium, as
 * the end-to-end test drives them): from clicking the file in the Explorer to its first problems and to all of
 * them (the Problems panel's count), when the file starts the extension and when it is opened again, and the
 * messages exchanged for the second opening (pulls, refreshes, cancellations, workspace pulls, inlay hints and
 * code actions), read from the protocol trace.
 *
 *   npm run package && npx tsc -p test/e2e/code-server
 *   node test/e2e/code-server/out/measureLargeFile.js [--vsix FILE] [--lines 20000] [--runs 3] [--watch 30]
 *
 * Each run is a fresh VS Code profile; the server's code cache is shared by the runs (the first compiles it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { CodeServer } from './codeServer';
import { REPO_ROOT } from './paths';
import { Workbench, waitUntil } from './workbench';

interface Options {
  vsix: string;
  lines: number;
  runs: number;
  watchSeconds: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    vsix: path.resolve(value('--vsix') ?? path.join(REPO_ROOT, `pyreview-${version}.vsix`)),
    lines: Number(value('--lines') ?? 20_000),
    runs: Number(value('--runs') ?? 3),
    watchSeconds: Number(value('--watch') ?? 30),
  };
}

/** Messages counted in the trace, by what the trace line says. */
const COUNTED: ReadonlyArray<[string, RegExp]> = [
  ['document pulls', /Sending request 'textDocument\/diagnostic/],
  ['refreshes', /Received request 'workspace\/diagnostic\/refresh/],
  ['cancellations', /Sending notification '\$\/cancelRequest'/],
  ['workspace pulls', /Sending request 'workspace\/diagnostic /],
  ['inlay hint requests', /Sending request 'textDocument\/inlayHint/],
  ['code action requests', /Sending request 'textDocument\/codeAction/],
];

/** The text of every log of the extension (one channel before the server got its own). */
function extensionLogs(home: string): string {
  const logs = path.join(home, 'user-data', 'logs');
  const files = fs.existsSync(logs) ? (fs.readdirSync(logs, { recursive: true }) as string[]) : [];
  return files.filter((file) => file.includes('pyreview.pyreview') && file.endsWith('.log')).sort().map((file) => fs.readFileSync(path.join(logs, file), 'utf8')).join('\n');
}

/** The Problems count, sampled until `watchMs` passed: when the first problems and the final count appeared. */
async function watchProblems(workbench: Workbench, start: number, watchMs: number) {
  let first: number | undefined;
  let count = 0;
  let lastChange = start;
  while (Date.now() - start < watchMs) {
    const now = await workbench.problemCount();
    if (now && first === undefined) first = Date.now() - start;
    if (now !== count) {
      count = now;
      lastChange = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { firstProblemsMs: first, allProblemsMs: lastChange - start, problems: count };
}

/** What the trace says of one opening of the file: messages by kind, and the durations the client measured. */
function traced(trace: string) {
  const lines = trace.split('\n');
  const counts = Object.fromEntries(COUNTED.map(([name, pattern]) => [name, lines.filter((line) => pattern.test(line)).length]));
  const durations = (pattern: RegExp) => lines.flatMap((line) => pattern.exec(line)?.[1] ?? []).map(Number);
  return {
    documentPullsMs: durations(/Received response 'textDocument\/diagnostic - \(\d+\)' in (\d+)ms/),
    serverLintsMs: durations(/linted \S+ version \d+ \(\w+\) in (\d+) ms/),
    ...counts,
  };
}

/**
 * One VS Code session: the file opened first (the extension starts with it: activation, server start, index),
 * then, with the protocol trace on, closed and opened again (the message sequence of an opening).
 */
async function measure(options: Options, source: string, cacheDirectory: string) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-measure-'));
  const project = path.join(home, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'large.py'), source);
  // The server's own time for each lint goes to the log at this level.
  fs.mkdirSync(path.join(project, '.vscode'));
  fs.writeFileSync(path.join(project, '.vscode', 'settings.json'), JSON.stringify({ 'pyreview.logLevel': 'debug' }));
  process.env.PYREVIEW_CODE_CACHE_DIR = cacheDirectory;
  const server = new CodeServer(home);
  await server.installExtension(options.vsix);
  await server.start();
  const browser = await chromium.launchPersistentContext(path.join(home, 'chromium'), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 }, args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const workbench = new Workbench(browser.pages()[0] ?? (await browser.newPage()));
    await workbench.open(server.url, project);
    await workbench.showProblems();
    const start = Date.now();
    await workbench.page.click('.explorer-folders-view .monaco-list-row[aria-label^="large.py"]');
    const first = await watchProblems(workbench, start, options.watchSeconds * 1000);
    // The protocol trace: vscode-languageclient 10 writes it at the Trace level of the server's log channel
    // (version 9 wrote it at every level, to its one channel).
    await workbench.setLogLevel('pyreview Language Server', 'Trace').catch(() => workbench.page.keyboard.press('Escape'));
    await workbench.closeEditor();
    // Problems that stay after closing (version 0.1.0 of the extension kept them) hide when the reopened file's come.
    const cleared = await waitUntil('the problems cleared', () => workbench.problemCount(), (count) => count === 0, 5000).then(() => true, () => false);
    const logged = extensionLogs(home).length;
    const reopened = Date.now();
    await workbench.page.click('.explorer-folders-view .monaco-list-row[aria-label^="large.py"]');
    const again = await watchProblems(workbench, reopened, options.watchSeconds * 1000);
    return { opened: first, reopened: { ...(cleared ? again : { problems: again.problems }), ...traced(extensionLogs(home).slice(logged)) } };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const corpus = require(path.join(REPO_ROOT, 'bench', 'corpus.js')) as {
    stdlibFiles(): unknown[];
    concatenatedSource(files: unknown[], lines: number): { text: string; lines: number };
  };
  const { text, lines } = corpus.concatenatedSource(corpus.stdlibFiles(), options.lines);
  const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-measure-cache-'));
  console.log(`${path.basename(options.vsix)}: large.py of ${lines} lines, ${options.runs} runs, watched ${options.watchSeconds} s each; load average ${os.loadavg()[0].toFixed(2)}`);
  try {
    for (let run = 1; run <= options.runs; run++) console.log(JSON.stringify({ run, ...(await measure(options, text, cacheDirectory)) }));
  } finally {
    fs.rmSync(cacheDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
