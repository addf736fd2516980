/**
 * `pyreview check` and `--fix` on real Jupyter notebooks nobody wrote for pyreview: every notebook of
 * Debian 12's `python-nbsphinx-doc` (nbsphinx's documentation, 31 files counting its symbolic links) and
 * `python-statsmodels-doc` (statsmodels' example notebooks), downloaded and unpacked, not installed, by
 * `bash scripts/debian-inputs.sh python-nbsphinx-doc python-statsmodels-doc` (scripts/test.sh runs it).
 * Which cells are valid IPython is asked of IPython itself (its input transformer, then CPython's parser),
 * through Debian's python3-ipython.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { diffLines } from 'diff';
import * as fs from 'fs';
import * as path from 'path';
import { TempProject } from '../cli/cliHarness';
import { DEBIAN_INPUTS as INPUTS } from '../helpers/paths';

const PACKAGES = ['python-nbsphinx-doc', 'python-statsmodels-doc'];

interface Notebook {
  nbformat: number;
  cells: Array<{ cell_type: string; source: string | string[]; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** Every `.ipynb` under a directory, relative to it; links to files count, links to directories are not entered. */
function notebooksUnder(directory: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(directory, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return notebooksUnder(directory, relative);
    return entry.name.endsWith('.ipynb') && fs.statSync(path.join(directory, relative)).isFile() ? [relative] : [];
  }).sort();
}

const joined = (source: string | string[]) => (Array.isArray(source) ? source.join('') : source);

/** The notebook without its code cells' sources: what no fix may change. */
function withoutCodeSources(notebook: Notebook): string {
  return JSON.stringify({ ...notebook, cells: notebook.cells.map((cell) => (cell.cell_type === 'code' ? { ...cell, source: null } : cell)) });
}

/** The code cells IPython cannot run: its transformer's output does not parse (one JSON list per notebook). */
function cellsIPythonRejects(root: string, files: readonly string[]): Map<string, number[]> {
  const script = `
import ast, json, sys
from IPython.core.inputtransformer2 import TransformerManager
manager = TransformerManager()
result = {}
for name in json.load(sys.stdin):
    cells = json.load(open(name, encoding="utf-8"))["cells"]
    rejected = []
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        try:
            ast.parse(manager.transform_cell(source))
        except SyntaxError:
            rejected.append(index + 1)
    result[name] = rejected
print(json.dumps(result))
`;
  const run = spawnSync('python3', ['-c', script], { cwd: root, input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.strictEqual(run.status, 0, `python3 with IPython (Debian's python3-ipython) is needed:\n${run.stderr}`);
  return new Map(Object.entries(JSON.parse(run.stdout) as Record<string, number[]>));
}

describe('notebook corpus: Debian\'s python-nbsphinx-doc and python-statsmodels-doc', function () {
  this.timeout(600_000);
  let project: TempProject;
  let files: string[];
  const originals = new Map<string, string>();

  before(() => {
    for (const name of PACKAGES) {
      assert.ok(fs.existsSync(path.join(INPUTS, name)), `${name} is not unpacked: run bash scripts/debian-inputs.sh ${PACKAGES.join(' ')}`);
    }
    project = new TempProject();
    for (const name of PACKAGES) {
      const docs = path.join(INPUTS, name, 'usr', 'share', 'doc');
      for (const file of notebooksUnder(docs)) {
        const text = fs.readFileSync(path.join(docs, file), 'utf8');
        const copy = path.join(name, file);
        project.write(copy, text);
        originals.set(copy, text);
      }
    }
    files = [...originals.keys()];
    assert.strictEqual(files.filter((file) => file.startsWith('python-nbsphinx-doc/')).length, 31);
    assert.ok(files.length > 100, `${files.length} notebooks`);
  });

  after(() => project?.cleanup());

  it('checks every notebook without an internal error, and reports no syntax error in cells IPython runs', () => {
    const run = project.run('check', '--select', 'ALL', '--no-cache', '--exit-zero', '--format', 'json', '.');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, '');
    const rejected = cellsIPythonRejects(project.root, files);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; filename: string; cell?: number }>;
    assert.ok(findings.length > 100, `${findings.length} findings`);
    assert.ok(findings.every((finding) => finding.cell !== undefined), 'every finding names its cell');
    const syntaxErrors = findings.filter((finding) => finding.code === 'E999' && !rejected.get(path.relative(project.root, finding.filename))?.includes(finding.cell!));
    assert.deepStrictEqual(syntaxErrors, []);
  });

  it('--fix leaves valid nbformat 4 with only code cells\' sources changed, cells IPython can run, and nothing for a second --fix', () => {
    const run = project.run('check', '--select', 'ALL', '--fix', '--unsafe-fixes', '--no-cache', '--exit-zero', '.');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, '');
    const fixedCount = Number(/\((\d+) fixed/.exec(run.stdout)?.[1] ?? 0);
    assert.ok(fixedCount > 100, run.stdout.slice(-300));

    const changed = files.filter((file) => project.read(file) !== originals.get(file));
    assert.ok(changed.length > 20, `${changed.length} notebooks changed`);
    const rejectedAfter = cellsIPythonRejects(project.root, changed);
    for (const file of changed) {
      const before = JSON.parse(originals.get(file)!) as Notebook;
      const after = JSON.parse(project.read(file)) as Notebook;
      assert.strictEqual(after.nbformat, 4, file);
      // Outputs, metadata, other cells and the order of keys are the same.
      assert.strictEqual(withoutCodeSources(after), withoutCodeSources(before), file);
      // Byte for byte: the only lines that differ are lines of sources (strings in a list, or the list's brackets).
      for (const part of diffLines(originals.get(file)!, project.read(file))) {
        if (!part.added && !part.removed) continue;
        for (const line of part.value.split('\n').filter(Boolean)) assert.match(line, /^\s*(?:"(?:[^"\\]|\\.)*",?|"source": \[\],?|\],?)$/, `${file}: ${line}`);
      }
      const changedCells = after.cells.flatMap((cell, index) => (joined(cell.source) === joined(before.cells[index].source) ? [] : [index + 1]));
      assert.deepStrictEqual(rejectedAfter.get(file)!.filter((cell) => changedCells.includes(cell)), [], `${file}: cells IPython cannot run after --fix`);
    }

    const fixedTexts = new Map(files.map((file) => [file, project.read(file)]));
    const again = project.run('check', '--select', 'ALL', '--fix', '--unsafe-fixes', '--no-cache', '--exit-zero', '.');
    assert.doesNotMatch(again.stdout, /fixed/);
    for (const file of files) assert.strictEqual(project.read(file), fixedTexts.get(file), `${file} changed again`);
  });
});
