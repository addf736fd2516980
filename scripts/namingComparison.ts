/**
 * N801–N816 against Debian's pep8-naming 0.10, run through flake8 with only
 * those codes selected; findings are matched by file, code and line.
 */
import * as fs from 'fs';
import { execFile } from 'child_process';
import { ClassHierarchy, fileDefinitions, LineIndex, parseUnits, PythonParser, resolveSettings, RULES, SourceChecker } from '@pyreview/shared-rules';
import { matchFindings, type CodeAgreement, type LineFinding } from './findingComparison';
import { decodePythonSource } from './pythonCorpus';

export const PEP8_NAMING_CODES = ['N801', 'N802', 'N803', 'N806', 'N815', 'N816'];

function runFlake8(files: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'flake8',
      ['--isolated', `--select=${PEP8_NAMING_CODES.join(',')}`, '--format=%(path)s:%(row)d: %(code)s %(text)s', ...files],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout) => {
        // flake8 exits 1 when it reports anything.
        if (error && typeof error.code !== 'number') reject(error);
        else resolve(stdout);
      },
    );
  });
}

export async function compareNaming(files: readonly string[]): Promise<{ byCode: Map<string, CodeAgreement>; skipped: string[] }> {
  const theirs = new Map<string, LineFinding[]>();
  for (let i = 0; i < files.length; i += 100) {
    const output = await runFlake8(files.slice(i, i + 100));
    for (const line of output.split('\n')) {
      const match = /^(.+?):(\d+): (N\d{3}) (.*)$/.exec(line);
      if (!match) continue;
      const list = theirs.get(match[1]) ?? [];
      list.push({ file: match[1], line: Number(match[2]), code: match[3], message: match[4] });
      theirs.set(match[1], list);
    }
  }
  const checker = new SourceChecker(new PythonParser(), RULES);
  const settings = resolveSettings(RULES, { select: PEP8_NAMING_CODES });
  const byCode = new Map<string, CodeAgreement>();
  const skipped: string[] = [];
  for (const file of files) {
    const text = decodePythonSource(fs.readFileSync(file));
    const ours = checker.check({ text, filePath: file, settings });
    if (ours.hasSyntaxError) {
      skipped.push(`${file}: syntax error`);
      continue;
    }
    const mine = ours.findings.map((f) => ({ file, code: f.code, line: ours.lines.lineAt(f.start) + 1, message: f.message }));
    matchFindings(mine, theirs.get(file) ?? [], byCode);
  }
  return { byCode, skipped };
}

const overridesByFile = new Map<string, Set<number>>();
let parser: PythonParser | undefined;

/** The lines of a file where a method is defined that a base class in the file defines too (overrides). */
function overridingLines(file: string): Set<number> {
  let found = overridesByFile.get(file);
  if (!found) {
    const text = decodePythonSource(fs.readFileSync(file));
    const { tree } = parseUnits((parser ??= new PythonParser()), text);
    const lines = new LineIndex(text);
    const hierarchy = new ClassHierarchy(tree, file, undefined);
    found = new Set();
    for (const { kind, name, nameNode, parent } of fileDefinitions(tree)) {
      if (kind === 'function' && parent?.kind === 'class' && hierarchy.ancestry(parent.node, name, []).defines) found.add(lines.lineAt(tree.start(nameNode)) + 1);
    }
    overridesByFile.set(file, found);
  }
  return found;
}

/**
 * Methods whose name a class they extend chooses (`visit_*` of `ast.NodeVisitor`,
 * `unittest.TestCase`'s methods, a method a base class of the file defines,
 * `@override`): pyreview exempts them from N802, pep8-naming 0.10 does not
 * (docs/review-differences.md).
 */
export function conventionalOverride(difference: LineFinding, side: 'pyreview' | 'reference', lines: readonly string[]): string | undefined {
  if (side !== 'reference' || difference.code !== 'N802') return undefined;
  const line = lines[difference.line - 1] ?? '';
  const previous = lines[difference.line - 2] ?? '';
  if (/^\s*(async\s+)?def (visit_\w+|assert[A-Z]\w*|setUpClass|tearDownClass|asyncSetUp|asyncTearDown|add\w*Cleanup|do\w*Cleanups|shortDescription|countTestCases|defaultTestResult|addTypeEqualityFunc|subTest|skipTest|enter\w*Context)\b/.test(line) ||
    /^\s*@(\w+\.)?override\b/.test(previous)) {
    return 'a method named by its base class (NodeVisitor, TestCase) or marked @override';
  }
  if (overridingLines(difference.file).has(difference.line)) return 'a method a base class of the file defines (reported there)';
  return undefined;
}
