/** `pyreview check` on Jupyter notebooks: discovery, cell locations in every format, fixes written back cell by cell, broken files left alone. */
import * as assert from 'assert';
import { TempProject } from './cliHarness';

/** A notebook as nbformat writes it: one-space indentation, sources as lists of lines, a final line break. */
function notebook(cells: Array<{ type: 'code' | 'markdown'; source: string[]; outputs?: unknown[] }>, language = 'python'): string {
  const json = {
    cells: cells.map((cell) =>
      cell.type === 'code'
        ? { cell_type: 'code', execution_count: 1, id: 'x', metadata: { tags: ['é'] }, outputs: cell.outputs ?? [], source: cell.source }
        : { cell_type: 'markdown', metadata: {}, source: cell.source }),
    metadata: { kernelspec: { display_name: 'Python 3', language, name: 'python3' }, language_info: { name: language } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

const OUTPUT = { name: 'stdout', output_type: 'stream', text: ['x\n', 'é😀 = 1\n'] };

const ANALYSIS = notebook([
  { type: 'markdown', source: ['# Analysis'] },
  { type: 'code', source: ['%matplotlib inline\n', 'import os\n', 'import sys'], outputs: [OUTPUT] },
  { type: 'markdown', source: ['More'] },
  { type: 'code', source: ['!pip install numpy\n', 'files = !ls\n', 'print(sys.argv, files, display, undefined_name)'] },
]);

describe('pyreview check: Jupyter notebooks', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'analysis.ipynb': ANALYSIS, 'sub/more.ipynb': notebook([{ type: 'code', source: ['import json'] }]), 'mod.py': 'import re\n' });
  });
  afterEach(() => project.cleanup());

  it('discovers notebooks and reports each finding at its cell, line and column', () => {
    const run = project.run('check', '--select', 'F,E999');
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(run.stdout.split('\n').filter((line) => /: [A-Z]+\d+ /.test(line)), [
      "analysis.ipynb:cell 2:2:8: F401 'os' imported but unused",
      "analysis.ipynb:cell 4:3:33: F821 undefined name 'undefined_name'",
      "mod.py:1:8: F401 're' imported but unused",
      "sub/more.ipynb:cell 1:1:8: F401 'json' imported but unused",
    ]);
  });

  it('honours exclude for notebooks as for Python files', () => {
    project.write('pyproject.toml', '[tool.pyreview]\nextend-exclude = ["sub"]\n');
    const run = project.run('check', '--select', 'F401');
    assert.doesNotMatch(run.stdout, /more\.ipynb/);
    assert.match(run.stdout, /analysis\.ipynb:cell 2/);
  });

  it('gives the cell in JSON, SARIF, GitHub and JUnit output', () => {
    const json = JSON.parse(project.run('check', '--select', 'F401', '--format', 'json', 'analysis.ipynb').stdout) as Array<Record<string, unknown>>;
    assert.deepStrictEqual(json.map((d) => [d.cell, d.location, (d.fix as { edits: Array<{ cell: number }> }).edits[0].cell]), [[2, { row: 2, column: 8 }, 2]]);
    const sarif = JSON.parse(project.run('check', '--select', 'F401', '--format', 'sarif', 'analysis.ipynb').stdout);
    const result = sarif.runs[0].results[0];
    assert.deepStrictEqual([result.properties, result.locations[0].physicalLocation.region.startLine], [{ cell: 2 }, 2]);
    assert.strictEqual(
      project.run('check', '--select', 'F401', '--format', 'github', 'analysis.ipynb').stdout,
      "::warning file=analysis.ipynb,title=F401::cell 2:2:8: 'os' imported but unused\n",
    );
    assert.match(project.run('check', '--select', 'F401', '--format', 'junit', 'analysis.ipynb').stdout, /file="analysis.ipynb">\n\s*<failure [^>]*>cell 2, line 2, col 8,/);
  });

  it('--fix changes only the fixed cells\' source, leaves the rest of the file byte for byte, and is idempotent', () => {
    const run = project.run('check', '--select', 'F401', '--fix', 'analysis.ipynb');
    assert.strictEqual(run.status, 0, run.stdout + run.stderr);
    const fixed = project.read('analysis.ipynb');
    assert.strictEqual(fixed, ANALYSIS.replace('    "import os\\n",\n', ''));
    const again = project.run('check', '--select', 'F401', '--fix', 'analysis.ipynb');
    assert.strictEqual(again.stdout, 'All checks passed!\n');
    assert.strictEqual(project.read('analysis.ipynb'), fixed);
  });

  it('--fix keeps a source written as one string a string, and the file\'s escapes', () => {
    const compact = '{"cells":[{"cell_type":"code","metadata":{},"outputs":[],"source":"import os\\nprint(\\"\\u00e9\\")","execution_count":null}],"metadata":{},"nbformat":4,"nbformat_minor":2}';
    project.write('compact.ipynb', compact);
    project.run('check', '--select', 'F401', '--fix', 'compact.ipynb');
    assert.strictEqual(project.read('compact.ipynb'), compact.replace('import os\\n', ''));
  });

  it('--diff prints each changed cell as a diff of its own', () => {
    const run = project.run('check', '--select', 'F401', '--diff', 'analysis.ipynb');
    assert.strictEqual(run.status, 1);
    assert.strictEqual(run.stdout, '--- a/analysis.ipynb:cell 2\n+++ b/analysis.ipynb:cell 2\n@@ -1,3 +1,2 @@\n %matplotlib inline\n-import os\n import sys\n\\ No newline at end of file\n');
    assert.strictEqual(project.read('analysis.ipynb'), ANALYSIS);
  });

  it('--add-noqa comments the finding\'s line in its cell', () => {
    project.run('check', '--select', 'F', '--add-noqa', 'analysis.ipynb');
    const cells = (JSON.parse(project.read('analysis.ipynb')) as { cells: Array<{ source: string[] }> }).cells;
    assert.deepStrictEqual(cells[1].source, ['%matplotlib inline\n', 'import os  # noqa: F401\n', 'import sys']);
    assert.deepStrictEqual(cells[3].source.slice(2), ['print(sys.argv, files, display, undefined_name)  # noqa: F821']);
    assert.strictEqual(project.run('check', '--select', 'F', 'analysis.ipynb').stdout, 'All checks passed!\n');
  });

  it('leaves a notebook that is not valid JSON or not nbformat 4 alone, with a clear error', () => {
    project.write('broken.ipynb', '{"cells": [');
    project.write('typo.ipynb', '{\n "cells": [],\n "nbformat": x\n}');
    project.write('old.ipynb', '{"nbformat": 3, "worksheets": []}');
    const run = project.run('check', '--select', 'F401', '--fix', 'broken.ipynb', 'typo.ipynb', 'old.ipynb');
    assert.strictEqual(run.status, 2);
    assert.match(run.stderr, /^error: broken\.ipynb is not valid JSON: Unexpected end of JSON input \(line 1, column 12\); it was left unchanged$/m);
    assert.match(run.stderr, /^error: typo\.ipynb is not valid JSON: Unexpected token 'x' \(line 3, column 14\); it was left unchanged$/m);
    assert.match(run.stderr, /^error: old\.ipynb is not a Jupyter notebook in nbformat 4 \(nbformat: 3\); it was left unchanged$/m);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.strictEqual(project.read('broken.ipynb'), '{"cells": [');
  });

  it('skips a notebook of another language, saying so', () => {
    project.write('r.ipynb', notebook([{ type: 'code', source: ['library(ggplot2)'] }], 'R'));
    const run = project.run('check', 'r.ipynb');
    assert.strictEqual(run.status, 0);
    assert.match(run.stderr, /^warning: r\.ipynb was skipped: its kernel's language is R, not Python$/m);
  });

  it('quotes a finding\'s code from its cell in a review, and counts the code cells\' lines', () => {
    const review = project.run('review', '--select', 'F401,S102', 'analysis.ipynb');
    assert.strictEqual(review.status, 0, review.stderr);
    assert.match(review.stdout, /on 1 file, 6 lines\./);
    assert.match(review.stdout, /- `analysis\.ipynb:cell 2:2` F401 'os' imported but unused\n\s+`import os`/);
  });

  it('names the notebook line of an earlier definition by its cell', () => {
    project.write('redefined.ipynb', notebook([{ type: 'markdown', source: ['x'] }, { type: 'code', source: ['import os'] }, { type: 'code', source: ['x = 1\n', 'import os\n', 'os.getcwd()'] }]));
    assert.match(project.run('check', '--select', 'F811', 'redefined.ipynb').stdout, /^redefined\.ipynb:cell 3:2:8: F811 redefinition of unused 'os' from cell 2, line 1$/m);
  });
});
