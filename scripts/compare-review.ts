/**
 * `npm run compare:review [-- --only NAME] [paths…]`: the review rules against
 * the tools that made their codes known. Each row of COMPARISONS names a
 * reference tool, its codes, the files it runs on by default and the agreement
 * it must reach; paths given on the command line replace every row's files.
 * Prints the agreement per code and every differing location; a difference
 * documented in docs/review-differences.md is marked as such. Exits 1 when a
 * code is below its row's target or a difference is not documented.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { agreementPercent, type CodeAgreement, type LineFinding } from './findingComparison';
import { pythonFiles } from './pythonCorpus';
import { comparePycodestyle, INDENTATION_CODES, startsInString } from './pycodestyleComparison';
import { compareWithRuff } from './ruffComparison';
import { compareDocstrings, DOCSTRING_CODES, overloadSignature } from './docstringsComparison';
import { compareNaming, conventionalOverride, PEP8_NAMING_CODES } from './namingComparison';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const STDLIB = '/usr/lib/python3.11';
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

interface Comparison {
  name: string;
  reference: () => string;
  codes: readonly string[];
  /** Files or directories checked when none are given. */
  targets: () => string[];
  /** Minimum agreement per code, in percent (every difference must be documented in any case). */
  target: number;
  /** `root`: the `sys.path` entry the files are under (module privacy is judged below it). */
  run(files: readonly string[], root: string): Promise<Map<string, CodeAgreement>>;
  /** Why a difference is expected, if it is (see docs/review-differences.md). */
  documented(difference: LineFinding, side: 'pyreview' | 'reference'): string | undefined;
}

const EXCEPTION_CODES = ['B904', 'BLE001', 'S110', 'TRY201', 'B012'];
const SECURITY_CODES = ['S102', 'S105', 'S106', 'S301', 'S307', 'S324', 'S506', 'S602', 'S608'];
const ANNOTATION_CODES = ['ANN001', 'ANN002', 'ANN003', 'ANN201', 'ANN202', 'ANN204', 'ANN205', 'ANN206'];

/**
 * Fixtures a reference can judge as they are: not those checked under another
 * path (`# path:`) or with options (`# config:`), which the references are not given.
 */
function plainFixtures(pattern: RegExp): string[] {
  return ['rules', 'fixes'].flatMap((dir) =>
    fs
      .readdirSync(path.join(FIXTURES, dir))
      .filter((file) => pattern.test(file) && file.endsWith('.py') && !file.endsWith('.fixed.py'))
      .map((file) => path.join(FIXTURES, dir, file))
      .filter((file) => !/^# (config|path):/m.test(fs.readFileSync(file, 'utf8').split('\n', 2).join('\n'))),
  );
}

/** `# flake8: noqa` in a file silences it for pyreview, as for flake8; pydocstyle, run alone, ignores the comment. */
function fileNoqa(difference: LineFinding, side: 'pyreview' | 'reference'): string | undefined {
  const silenced = side === 'reference' && fileLines(difference.file).some((line) => /^\s*#\s*flake8\s*:\s*noqa\s*$/i.test(line));
  return silenced ? 'the file says `# flake8: noqa`' : undefined;
}

/** Files a comparison could not use are listed too. */
function reportSkipped(result: { byCode: Map<string, CodeAgreement>; skipped: string[] }): Map<string, CodeAgreement> {
  for (const skipped of result.skipped) console.log(`SKIPPED ${skipped}`);
  return result.byCode;
}

function pep8NamingVersion(): string {
  const plugins = execFileSync('flake8', ['--version'], { encoding: 'utf8' });
  return `pep8-naming ${/naming: ([\d.]+)/.exec(plugins)?.[1] ?? '?'} through flake8 (Debian)`;
}

function pydocstyleVersion(): string {
  return `pydocstyle ${execFileSync('pydocstyle', ['--version'], { encoding: 'utf8' }).trim()} (Debian)`;
}

function pycodestyleVersion(): string {
  return `pycodestyle ${execFileSync('pycodestyle', ['--version'], { encoding: 'utf8' }).trim()} (Debian)`;
}

function ruffVersion(): string {
  return `Ruff ${require('@astral-sh/ruff-wasm-nodejs').Workspace.version()} (WebAssembly build)`;
}

function indentationFixtures(): string[] {
  return ['rules', 'fixes'].flatMap((dir) =>
    fs
      .readdirSync(path.join(FIXTURES, dir))
      .filter((file) => /^(W191|E101|E111|E114|E117)/.test(file) && file.endsWith('.py'))
      .map((file) => path.join(FIXTURES, dir, file)),
  );
}

/**
 * pycodestyle checks the lines of strings too (its issue #376); pyreview does
 * not. pycodestyle then also takes such a line's first character as the file's
 * indentation character, so its later E101 findings move as well.
 */
function stringContents(difference: LineFinding, side: 'pyreview' | 'reference'): string | undefined {
  if (side !== 'reference' || !['W191', 'E101'].includes(difference.code)) return undefined;
  if (startsInString(difference.file, difference.line)) return 'string contents are not indentation';
  if (difference.code !== 'E101') return undefined;
  const lines = fileLines(difference.file);
  const own = lines[difference.line - 1]?.[0];
  for (let line = 1; line < difference.line; line++) {
    const first = lines[line - 1][0];
    if ((first === ' ' || first === '\t') && first !== own && startsInString(difference.file, line)) {
      return `pycodestyle took line ${line} (in a string) as the file's indentation`;
    }
  }
  return undefined;
}

/** The body of the handler whose `except` is on `line` (1-based): the lines indented deeper. */
function handlerBody(file: string, line: number): string[] {
  const lines = fileLines(file);
  const indent = (text: string): number => text.length - text.trimStart().length;
  const own = indent(lines[line - 1] ?? '');
  const body: string[] = [];
  for (let i = line; i < lines.length && (!lines[i].trim() || indent(lines[i]) > own); i++) body.push(lines[i]);
  return body;
}

/** Ruff accepts a logger imported from another module only if it is `logging`; pyreview goes by its name. */
function importedLogger(difference: LineFinding, side: 'pyreview' | 'reference'): string | undefined {
  if (side !== 'reference' || difference.code !== 'BLE001') return undefined;
  const logsThroughModule = handlerBody(difference.file, difference.line).some((text) =>
    /^\s*_?[a-z]\w*\.(?:LOGGER|logger)\.\w+\(.*exc_info=True/.test(text),
  );
  return logsThroughModule ? 'logs with exc_info=True through a logger attribute of an imported module' : undefined;
}

/**
 * Where pyreview's security rules mean something narrower or wider than
 * Ruff's on purpose: S608 reports SQL text only when it reaches a call that
 * runs it (`execute()`, `text()`, …), and S301 also knows Python 2's `cPickle`.
 */
function securityScope(difference: LineFinding, side: 'pyreview' | 'reference'): string | undefined {
  const line = fileLines(difference.file)[difference.line - 1] ?? '';
  if (side === 'reference' && difference.code === 'S608' && !/\b(execute\w*|exec_driver_sql|text)\(/.test(line)) {
    return 'SQL text that is built but not run on this line: S608 follows it to execute()/text()';
  }
  if (side === 'pyreview' && difference.code === 'S301' && /\bcPickle\b/.test(line)) return 'cPickle is pickle under Python 2';
  return undefined;
}

const COMPARISONS: Comparison[] = [
  {
    name: 'pycodestyle-stdlib',
    reference: pycodestyleVersion,
    codes: INDENTATION_CODES,
    targets: () => [STDLIB],
    target: 100,
    run: comparePycodestyle,
    documented: stringContents,
  },
  {
    name: 'pycodestyle-fixtures',
    reference: pycodestyleVersion,
    codes: INDENTATION_CODES,
    targets: indentationFixtures,
    // The fixtures hold the documented cases on purpose: what counts is that nothing else differs.
    target: 0,
    run: comparePycodestyle,
    documented: stringContents,
  },
  {
    name: 'ruff-exceptions',
    reference: ruffVersion,
    codes: EXCEPTION_CODES,
    targets: () => [STDLIB],
    target: 98,
    run: async (files) => (await compareWithRuff(files, EXCEPTION_CODES)).byCode,
    documented: importedLogger,
  },
  {
    name: 'ruff-exception-fixtures',
    reference: ruffVersion,
    codes: EXCEPTION_CODES,
    targets: () => EXCEPTION_CODES.map((code) => path.join(FIXTURES, 'rules', `${code}.py`)),
    target: 100,
    run: async (files) => (await compareWithRuff(files, EXCEPTION_CODES)).byCode,
    documented: () => undefined,
  },
  {
    name: 'ruff-security',
    reference: ruffVersion,
    codes: SECURITY_CODES,
    targets: () => [STDLIB],
    target: 98,
    run: async (files) => (await compareWithRuff(files, SECURITY_CODES)).byCode,
    documented: securityScope,
  },
  {
    name: 'ruff-security-fixtures',
    reference: ruffVersion,
    codes: SECURITY_CODES,
    targets: () => plainFixtures(/^S(102|105|106|301|307|324|506|602|608)/),
    target: 0,
    run: async (files) => (await compareWithRuff(files, SECURITY_CODES)).byCode,
    documented: securityScope,
  },
  {
    // The wasm build knows no file path: pyreview is given a neutral one, so neither side sees private modules.
    name: 'ruff-annotations',
    reference: ruffVersion,
    codes: ANNOTATION_CODES,
    targets: () => [STDLIB],
    target: 99,
    run: async (files) => reportSkipped(await compareWithRuff(files, ANNOTATION_CODES, () => 'module.py')),
    documented: () => undefined,
  },
  {
    name: 'ruff-annotation-fixtures',
    reference: ruffVersion,
    codes: ANNOTATION_CODES,
    targets: () => plainFixtures(/^ANN/),
    target: 100,
    run: async (files) => reportSkipped(await compareWithRuff(files, ANNOTATION_CODES, () => 'module.py')),
    documented: () => undefined,
  },
  {
    name: 'pydocstyle-stdlib',
    reference: pydocstyleVersion,
    codes: DOCSTRING_CODES,
    targets: () => [STDLIB],
    target: 99,
    run: async (files, root) => reportSkipped(await compareDocstrings(files, root)),
    documented: (difference, side) => fileNoqa(difference, side) ?? overloadSignature(difference, side, fileLines(difference.file)),
  },
  {
    name: 'pydocstyle-fixtures',
    reference: pydocstyleVersion,
    codes: DOCSTRING_CODES,
    targets: () => plainFixtures(/^D\d/),
    target: 100,
    run: async (files, root) => reportSkipped(await compareDocstrings(files, root)),
    documented: (difference, side) => fileNoqa(difference, side) ?? overloadSignature(difference, side, fileLines(difference.file)),
  },
  {
    name: 'pep8-naming-stdlib',
    reference: pep8NamingVersion,
    codes: PEP8_NAMING_CODES,
    targets: () => [STDLIB],
    target: 99,
    run: async (files) => reportSkipped(await compareNaming(files)),
    documented: (difference, side) => conventionalOverride(difference, side, fileLines(difference.file)),
  },
  {
    // pep8-naming 0.10 has no N818; Ruff has it.
    name: 'ruff-exception-names',
    reference: ruffVersion,
    codes: ['N818'],
    targets: () => [STDLIB],
    target: 99,
    run: async (files) => reportSkipped(await compareWithRuff(files, ['N818'])),
    documented: () => undefined,
  },
  {
    name: 'pep8-naming-fixtures',
    reference: pep8NamingVersion,
    codes: PEP8_NAMING_CODES,
    targets: () => plainFixtures(/^N8(0|1[56])/),
    target: 100,
    run: async (files) => reportSkipped(await compareNaming(files)),
    documented: (difference, side) => conventionalOverride(difference, side, fileLines(difference.file)),
  },
  {
    name: 'ruff-exception-name-fixtures',
    reference: ruffVersion,
    codes: ['N818'],
    targets: () => plainFixtures(/^N818/),
    target: 100,
    run: async (files) => reportSkipped(await compareWithRuff(files, ['N818'])),
    documented: () => undefined,
  },
];

const lineCache = new Map<string, string[]>();
function fileLines(file: string): string[] {
  let lines = lineCache.get(file);
  if (!lines) lineCache.set(file, (lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/)));
  return lines;
}

function expand(targets: readonly string[]): string[] {
  return targets.flatMap((target) => (fs.statSync(target).isDirectory() ? pythonFiles(target) : [target]));
}

async function runComparison(comparison: Comparison, files: readonly string[], root: string): Promise<boolean> {
  const started = Date.now();
  const byCode = await comparison.run(files, root);
  let ok = true;
  const rows: string[] = [];
  for (const code of comparison.codes) {
    const agreement = byCode.get(code) ?? { code, agreed: 0, onlyPyreview: [], onlyReference: [] };
    let documentedCount = 0;
    for (const [side, list] of [['pyreview', agreement.onlyPyreview], ['reference', agreement.onlyReference]] as const) {
      for (const difference of list) {
        const why = comparison.documented(difference, side);
        if (why) documentedCount++;
        else ok = false;
        const text = fileLines(difference.file)[difference.line - 1]?.trim() ?? '';
        console.log(
          `${why ? 'DOCUMENTED' : 'DIFFERENT '} ${code} only ${side} ${difference.file}:${difference.line} ` +
            `${difference.message ?? ''} | ${text}${why ? ` (${why})` : ''}`,
        );
      }
    }
    // A documented difference is pyreview's answer by design: it counts as agreement for the target.
    const total = agreement.agreed + agreement.onlyPyreview.length + agreement.onlyReference.length;
    const percent = total === 0 ? 100 : (100 * (agreement.agreed + documentedCount)) / total;
    if (percent < comparison.target) ok = false;
    rows.push(
      `  ${code.padEnd(7)} ${percent.toFixed(2).padStart(6)}%  agreed ${agreement.agreed}, only pyreview ` +
        `${agreement.onlyPyreview.length}, only reference ${agreement.onlyReference.length} (${documentedCount} documented, ` +
        `${agreementPercent(agreement).toFixed(2)}% counting them as disagreements)`,
    );
  }
  console.log(
    `\n${comparison.name}: pyreview vs ${comparison.reference()}, ${files.length} files, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      (comparison.target ? `target ${comparison.target}% per code` : 'target: every difference documented'),
  );
  for (const row of rows) console.log(row);
  console.log('');
  return ok;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const only = args.indexOf('--only') >= 0 ? args.splice(args.indexOf('--only'), 2)[1] : undefined;
  const selected = COMPARISONS.filter((comparison) => !only || comparison.name === only);
  if (!selected.length) throw new Error(`no comparison named ${only}; known: ${COMPARISONS.map((c) => c.name).join(', ')}`);
  // Paths given replace every row's files; the first one (or its folder) is then the `sys.path` entry.
  const root = !args.length ? STDLIB : fs.statSync(args[0]).isDirectory() ? args[0] : path.dirname(args[0]);
  let ok = true;
  for (const comparison of selected) {
    const files = expand(args.length ? args : comparison.targets());
    ok = (await runComparison(comparison, files, root)) && ok;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
