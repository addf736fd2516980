/**
 * Fuzzes the real server process: random edits (brackets, quotes,
 * indentation, line breaks of all three kinds, é😀中, deletions, whole lines)
 * typed in bursts into real files, and each burst's result, once the server
 * has settled, compared with a fresh check of the same text: the checker the
 * CLI runs, in this process, its positions converted independently.
 *
 *   npm run fuzz -- --edits 100000 --seed 7 [--max-bytes 60000] [--encoding utf-8] [--files DIR]
 *   npm run fuzz -- --replay /tmp/pyreview-fuzz-differences/FILE.json
 *
 * Prints each difference, and writes the text and the burst of edits that
 * led to it (replayed on a fresh server with --replay); exits 1 when there
 * was any.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Linter, parseUnits, PythonParser, resolveSettings, RULES, WorkspaceIndex, type Fix, type ReportedFinding } from '@pyreview/shared-rules';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lspClient';
import { offsetAt, positionsIn, rangeOf, snap, type Encoding, type Position } from '../helpers/lspText';

export interface FuzzOptions {
  edits: number;
  seed: number;
  /** Python files to edit, one after another. */
  files: string[];
  /** How many edits each file gets before the next is opened. */
  editsPerFile: number;
  encoding: Encoding;
  log: (line: string) => void;
}

export interface FuzzDifference {
  file: string;
  edit: number;
  version: number;
  /** Where the text was written, to reproduce the difference. */
  saved: string;
  missing: string[];
  extra: string[];
}

export interface FuzzReport {
  edits: number;
  comparisons: number;
  differences: FuzzDifference[];
  /** Rules that threw, as the server logged them. */
  internalErrors: string[];
}

const SETTINGS = { select: ['ALL'] };
/** A block's reindent is offered with its edit left to `codeAction/resolve`: compared as such, as the fresh check's findings say it. */
const CAPABILITIES = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } };
/** After a result that differs, how long the server may take to publish the settled one. */
const SETTLE_WAIT_MS = 3000;
/** One burst in this many waits for the server to go quiet before comparing, so that settling itself is compared too. */
const QUIET_EVERY = 8;
const QUIET_MS = 1000;

const FRAGMENTS = [
  '(', ')', '[', ']', '{', '}', '"', "'", '"""', "'''", 'f"', '\\', ':', ',', '.', '#', ' # noqa', '=', ' ', '    ', '\t',
  '\n', '\r\n', '\r', '\n\n', 'é', '😀', '中', 'é😀中', 'x', 'name', 'self', 'return ', 'yield ', 'lambda: ', 'import os',
  'def f(', 'def g(a, b):\n', 'class C:\n    ', 'if x:\n', 'else:\n', 'try:\n', 'except:\n', 'pass', 'print(name)',
];

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Change = { range?: ReturnType<typeof rangeOf>; text: string };

/** One burst that gave a difference: the text before it and its didChange notifications. */
interface Replay {
  filePath: string;
  before: string;
  notifications: Change[][];
  encoding: Encoding;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One random edit of `text`, at positions a client can send. */
function randomEdit(text: string, next: () => number): Edit {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const at = snap(text, Math.floor(next() * (text.length + 1)));
  const kind = next();
  if (kind < 0.45) return { start: at, end: at, text: Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(FRAGMENTS)).join('') };
  if (kind < 0.7) return { start: at, end: snap(text, Math.min(text.length, at + 1 + Math.floor(next() * 40))), text: '' };
  if (kind < 0.8) return { start: at, end: snap(text, Math.min(text.length, at + Math.floor(next() * 10))), text: pick(FRAGMENTS) };
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  if (kind < 0.9) {
    // Indent or dedent the line.
    return text.startsWith('    ', lineStart) && next() < 0.5 ? { start: lineStart, end: lineStart + 4, text: '' } : { start: lineStart, end: lineStart, text: '    ' };
  }
  // Copy a line elsewhere.
  const lineEnd = text.slice(lineStart).search(/\r\n|\r|\n/);
  const line = lineEnd === -1 ? text.slice(lineStart) : text.slice(lineStart, lineStart + lineEnd);
  return { start: lineStart, end: lineStart, text: `${line}${pick(['\n', '\r\n', '\r'])}` };
}

/** A quick fix as the server offers it; a block's reindent is left to `codeAction/resolve` (its data says where). */
interface QuickFix {
  title: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, Array<{ range: unknown; newText: string }>> };
  data?: { reindentAt?: number };
}

/** A fix as both sides are compared by: safety, title, and each edit's range and text. */
function fixKey(safety: string, title: string, edits: ReadonlyArray<[unknown, string]>): string {
  return `${safety} ${title} ${JSON.stringify(edits)}`;
}

/** The key of a quick fix of a diagnostic of `code`: its title without what the server adds (tool, rule, "(unsafe)"). */
function quickFixKey(action: QuickFix, code: string): string {
  if (action.data?.reindentAt !== undefined) return 'reindent';
  const safety = action.isPreferred ? 'safe' : 'unsafe';
  const title = action.title.slice(`pyreview (${code}): `.length, safety === 'unsafe' ? -' (unsafe)'.length : undefined);
  return fixKey(safety, title, Object.values(action.edit?.changes ?? {}).flat().map((e) => [e.range, e.newText]));
}

/**
 * What a diagnostic is compared by: code, range, severity, message, and the
 * quick fixes the server offers for it: its fix (or that its block's
 * reindent is computed on request, or its planned rename) and the
 * alternatives offered with it.
 */
async function serverKeys(client: LspClient, uri: string, diagnostics: readonly Diagnostic[]): Promise<string[]> {
  const context = { diagnostics, only: ['quickfix'] };
  const actions = await client.request<QuickFix[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context });
  // The fixes offered for each diagnostic, by its JSON (identical diagnostics get the same fixes, once each).
  const fixes = new Map<string, string[]>();
  for (const action of actions) {
    if (action.title.endsWith(': Ignore on this line')) continue;
    for (const diagnostic of action.data?.reindentAt !== undefined ? action.diagnostics ?? [] : (action.diagnostics ?? []).slice(0, 1)) {
      const json = JSON.stringify(diagnostic);
      fixes.set(json, [...(fixes.get(json) ?? []), quickFixKey(action, String(diagnostic.code))]);
    }
  }
  const copies = new Map<string, number>();
  for (const diagnostic of diagnostics) copies.set(JSON.stringify(diagnostic), (copies.get(JSON.stringify(diagnostic)) ?? 0) + 1);
  return diagnostics.map((diagnostic) => {
    const json = JSON.stringify(diagnostic);
    const offered = fixes.get(json) ?? [];
    const [fix = '', ...alternatives] = offered.slice(0, offered.length / copies.get(json)!);
    return `${JSON.stringify(diagnostic.range)} ${String(diagnostic.code)} ${diagnostic.severity} ${diagnostic.message} ${fix} ${alternatives.join(' | ')}`;
  });
}

const SEVERITY_NUMBERS: Readonly<Record<string, number>> = { error: 1, warning: 2, info: 3, hint: 4 };

/**
 * The fresh check: parse the whole text, lint it once with a new Linter (as
 * the CLI does; rename fixes left to be planned, as the editor's are).
 */
function freshKeys(parser: PythonParser, text: string, filePath: string, encoding: Encoding): string[] {
  const settings = resolveSettings(RULES, SETTINGS);
  const units = parseUnits(parser, text);
  try {
    const linter = new Linter(RULES);
    const result = linter.lint({ units, text, filePath, settings, workspace: new WorkspaceIndex(), renameFixes: 'on-request' });
    const at = positionsIn(text, encoding);
    const range = (start: number, end: number): { start: Position; end: Position } => ({ start: at(start), end: at(end) });
    const key = (fix: Fix) => fixKey(fix.safety, fix.title, fix.edits.map((e) => [range(e.start, e.end), e.newText]));
    return result.findings.map((finding: ReportedFinding) => {
      const renamed = finding.rename && linter.renameFix(finding.rename, text);
      const own = finding.fix?.shared === 'reindent' ? undefined : finding.fix ?? renamed;
      const fix = finding.fix?.shared === 'reindent' ? 'reindent' : own ? key(own) : '';
      // Alternatives are offered with the finding's own fix (a block's reindent has its own action).
      const alternatives = own ? (finding.alternatives ?? []).map(key).join(' | ') : '';
      const severity = SEVERITY_NUMBERS[settings.severity.get(finding.code) ?? 'warning'];
      return `${JSON.stringify(range(finding.start, finding.end))} ${finding.code} ${severity} ${finding.message} ${fix} ${alternatives}`;
    });
  } finally {
    units.tree.dispose();
  }
}

function difference(published: readonly string[], fresh: readonly string[]): { missing: string[]; extra: string[] } {
  const count = (list: readonly string[]) => list.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>());
  const have = count(published);
  const want = count(fresh);
  const missing = [...want].flatMap(([key, n]) => Array(Math.max(0, n - (have.get(key) ?? 0))).fill(key) as string[]);
  const extra = [...have].flatMap(([key, n]) => Array(Math.max(0, n - (want.get(key) ?? 0))).fill(key) as string[]);
  return { missing, extra };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const next = random(options.seed);
  const parser = new PythonParser();
  const client = await LspClient.start({ settings: SETTINGS, capabilities: CAPABILITIES, retainDiagnostics: 'latest', positionEncodings: options.encoding === 'utf-8' ? ['utf-8'] : undefined });
  const saveDirectory = path.join(os.tmpdir(), 'pyreview-fuzz-differences');
  const report: FuzzReport = { edits: 0, comparisons: 0, differences: [], internalErrors: [] };
  try {
    for (let fileIndex = 0; report.edits < options.edits; fileIndex++) {
      const source = options.files[fileIndex % options.files.length];
      // Each opening gets a fresh URI: a reopened document starts at version 1 again.
      const filePath = path.join(os.tmpdir(), 'pyreview-fuzz', String(fileIndex), path.basename(source));
      const uri = pathToFileURL(filePath).href;
      let text = fs.readFileSync(source, 'utf8');
      let version = 1;
      client.open(uri, text, version);
      await client.waitForDiagnostics(uri, version, 60_000);
      for (let edited = 0; edited < options.editsPerFile && report.edits < options.edits; ) {
        const burst = 1 + Math.floor(next() * 10);
        const before = text;
        const notifications: Change[][] = [];
        for (let i = 0; i < burst && edited < options.editsPerFile; i++, edited++, report.edits++) {
          const changes: Change[] = [];
          // Now and then several changes in one notification, or the whole text.
          const together = next() < 0.1 ? 2 + Math.floor(next() * 2) : 1;
          for (let j = 0; j < together; j++) {
            const edit = randomEdit(text, next);
            const after = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
            changes.push(next() < 0.05 ? { text: after } : { range: rangeOf(text, edit.start, edit.end, options.encoding), text: edit.text });
            text = after;
          }
          client.change(uri, ++version, changes);
          notifications.push(changes);
          if (next() < 0.5) await delay(Math.floor(next() * 20));
        }
        await client.waitForDiagnostics(uri, version, 60_000);
        if (next() * QUIET_EVERY < 1) await quiet(client, uri);
        report.comparisons++;
        const fresh = freshKeys(parser, text, filePath, options.encoding);
        // A result that differs may not be settled yet: the settled one follows.
        let { missing, extra } = difference(await latest(client, uri, version), fresh);
        for (const deadline = Date.now() + SETTLE_WAIT_MS; (missing.length || extra.length) && Date.now() < deadline; ) {
          await delay(50);
          ({ missing, extra } = difference(await latest(client, uri, version), fresh));
        }
        if (missing.length || extra.length) {
          fs.mkdirSync(saveDirectory, { recursive: true });
          const saved = path.join(saveDirectory, `seed${options.seed}-edit${report.edits}-${path.basename(source)}`);
          fs.writeFileSync(saved, text);
          // To replay the burst on a fresh server: `npm run fuzz -- --replay FILE.json`.
          const replay: Replay = { filePath, before, notifications, encoding: options.encoding };
          fs.writeFileSync(`${saved}.json`, JSON.stringify(replay));
          const found: FuzzDifference = { file: source, edit: report.edits, version, saved, missing, extra };
          report.differences.push(found);
          options.log(`DIFFERENCE after edit ${found.edit} of ${source} (version ${version}; text in ${saved}):\n${missing.map((k) => `  - ${k}`).join('\n')}${missing.length && extra.length ? '\n' : ''}${extra.map((k) => `  + ${k}`).join('\n')}`);
        }
      }
      client.close(uri);
      options.log(`${report.edits} edits, ${report.comparisons} comparisons, ${report.differences.length} differences`);
    }
    report.internalErrors = client.logMessages.map((m) => m.message).filter((message) => /internal error/.test(message));
    for (const error of report.internalErrors) options.log(`INTERNAL ERROR: ${error.split('\n')[0]}`);
    await client.stop();
    return report;
  } finally {
    client.kill();
  }
}

/** The keys of the latest diagnostics published for `uri` at `version`. */
async function latest(client: LspClient, uri: string, version: number): Promise<string[]> {
  const all = client.diagnosticsFor(uri);
  const last = all[all.length - 1];
  return last && last.version === version ? serverKeys(client, uri, last.diagnostics) : [];
}

/** Waits until the server has published nothing for `uri` for a while (its settling lint is done). */
async function quiet(client: LspClient, uri: string): Promise<void> {
  for (let count = -1; count !== client.diagnosticsFor(uri).length; ) {
    count = client.diagnosticsFor(uri).length;
    await delay(QUIET_MS);
  }
}

/**
 * Replays a recorded burst on a fresh server: opens the text before it, lets
 * the server settle, sends the burst's notifications, lets it settle again,
 * and compares with a fresh check. The differences (none: it did not recur).
 */
export async function replay(file: string): Promise<{ missing: string[]; extra: string[] }> {
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as Replay;
  const parser = new PythonParser();
  const client = await LspClient.start({ settings: SETTINGS, capabilities: CAPABILITIES, positionEncodings: recorded.encoding === 'utf-8' ? ['utf-8'] : undefined });
  try {
    const uri = pathToFileURL(recorded.filePath).href;
    client.open(uri, recorded.before, 1);
    await client.waitForDiagnostics(uri, 1, 60_000);
    await quiet(client, uri);
    let version = 1;
    let text = recorded.before;
    for (const changes of recorded.notifications) {
      client.change(uri, ++version, changes);
      for (const change of changes) {
        if (!change.range) text = change.text;
        else text = text.slice(0, offsetAt(text, change.range.start, recorded.encoding)) + change.text + text.slice(offsetAt(text, change.range.end, recorded.encoding));
      }
    }
    await client.waitForDiagnostics(uri, version, 60_000);
    await quiet(client, uri);
    return difference(await latest(client, uri, version), freshKeys(parser, text, recorded.filePath, recorded.encoding));
  } finally {
    client.kill();
  }
}

/** Real Python files of at most `maxBytes`, in a stable order. */
export function realFiles(directory: string, maxBytes: number): string[] {
  return fs.readdirSync(directory)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => path.join(directory, name))
    .filter((file) => fs.statSync(file).size <= maxBytes);
}

function parseArgs(argv: readonly string[]): { edits: number; seed: number; maxBytes: number; encoding: Encoding; directory: string; editsPerFile: number; replay?: string } {
  const options = { edits: 1000, seed: Date.now() % 100000, maxBytes: 60_000, encoding: 'utf-16' as Encoding, directory: '/usr/lib/python3.11', editsPerFile: 300, replay: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--edits': options.edits = Number(value()); break;
      case '--seed': options.seed = Number(value()); break;
      case '--max-bytes': options.maxBytes = Number(value()); break;
      case '--encoding': options.encoding = value() as Encoding; break;
      case '--files': options.directory = value(); break;
      case '--edits-per-file': options.editsPerFile = Number(value()); break;
      case '--replay': options.replay = value(); break;
      default: throw new Error(`unknown option ${argv[i]} (options: --edits N --seed S --max-bytes B --encoding utf-16|utf-8 --files DIR --edits-per-file N, or --replay FILE.json)`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.replay) {
    const { missing, extra } = await replay(args.replay);
    console.log(missing.length || extra.length ? `the difference recurs:\n${missing.map((k) => `  - ${k}`).concat(extra.map((k) => `  + ${k}`)).join('\n')}` : 'no difference: the burst alone does not reproduce it');
    process.exitCode = missing.length || extra.length ? 1 : 0;
    return;
  }
  const next = random(args.seed);
  // The files in an order of this seed's.
  const files = realFiles(args.directory, args.maxBytes).map((file) => ({ file, order: next() })).sort((a, b) => a.order - b.order).map(({ file }) => file);
  console.log(`fuzzing the server: ${args.edits} edits, seed ${args.seed}, ${files.length} files of ${args.directory}, ${args.encoding}`);
  const started = Date.now();
  const report = await runFuzz({ edits: args.edits, seed: args.seed, files, editsPerFile: args.editsPerFile, encoding: args.encoding, log: (line) => console.log(line) });
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s: ${report.edits} edits, ${report.comparisons} settled results compared, ${report.differences.length} differences, ${report.internalErrors.length} internal errors (seed ${args.seed})`);
  process.exitCode = report.differences.length || report.internalErrors.length ? 1 : 0;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 2;
  });
}
