import * as assert from 'assert';
import { TempProject } from './cliHarness';

describe('pyreview check: line endings as Python reads them', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject();
  });
  afterEach(() => project.cleanup());

  it('reads a lone CR as a line break (old Mac files)', () => {
    project.write('mac.py', 'import os\rdef f():\r    return undefined_name\r');
    project.write('two.py', 'x = undefined_name\ry = 1\r');
    const run = project.run('check', '--select', 'F401,F821,E999', 'mac.py', 'two.py');
    assert.strictEqual(run.stdout.split('\n').filter((line) => /^\w+\.py:/.test(line)).join('\n'), [
      "mac.py:1:8: F401 'os' imported but unused",
      "mac.py:3:12: F821 undefined name 'undefined_name'",
      "two.py:1:5: F821 undefined name 'undefined_name'",
    ].join('\n'));
    assert.strictEqual(run.status, 1);
  });

  for (const [name, ending] of [['lone CR', '\r'], ['CRLF', '\r\n']]) {
    it(`--fix writes the lines it adds with the file's ${name} endings`, () => {
      const source = ['import sys', 'import os', '', 'print(os, sys)', ''].join(ending);
      project.write('imports.py', source);
      const run = project.run('check', '--select', 'I001', '--fix', 'imports.py');
      assert.strictEqual(run.status, 0, run.stdout + run.stderr);
      assert.strictEqual(project.read('imports.py'), ['import os', 'import sys', '', 'print(os, sys)', ''].join(ending));
    });
  }
});
