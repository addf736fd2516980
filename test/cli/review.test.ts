/**
 * `pyreview review`: the checked-in review of the bundled examples is what
 * the command writes today (regenerate with
 * `node server/bin/pyreview.js review examples --no-cache --output-file examples/REVIEW.md`),
 * the security verdict states its evidence, and the HTML page is self-contained.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { BARE_EXCEPT, pyreview, TempProject } from './cliHarness';

describe('pyreview review', () => {
  it('reproduces examples/REVIEW.md', () => {
    const run = pyreview(['review', 'examples', '--no-cache'], REPO_ROOT);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stdout, fs.readFileSync(path.join(REPO_ROOT, 'examples', 'REVIEW.md'), 'utf8'),
      'examples/REVIEW.md is out of date: regenerate it (see this test\'s header)');
  });

  it('says no security defect was found, with the checks that ran, on clean code', () => {
    const project = new TempProject({ 'clean.py': '"""A module."""\n\n\ndef double(value: int) -> int:\n    """Double a value."""\n    return value * 2\n' });
    try {
      const run = project.run('review', '.', '--no-cache');
      assert.strictEqual(run.status, 0, run.stderr);
      const [first] = run.stdout.split('\n');
      assert.match(first, /^No security defects were found: \d+ security checks \(S102, .*\) on 1 file, 6 lines\.$/);
      assert.match(run.stdout, /Overall, the code is clean/);
    } finally {
      project.cleanup();
    }
  });

  it('writes the same review from the cache, for files whose findings asked the other files and files whose findings did not', () => {
    const project = new TempProject({ 'a.py': 'import os\n', 'b.py': 'from a import os\nprint(os)\n', 'c.py': `${BARE_EXCEPT}` });
    try {
      const uncached = project.run('review', '.', '--no-cache');
      assert.strictEqual(uncached.status, 0, uncached.stderr);
      for (const run of [project.run('review', '.'), project.run('review', '.')]) assert.deepStrictEqual(run, uncached);
    } finally {
      project.cleanup();
    }
  });

  it('numbers the categories with findings and writes a self-contained HTML page', () => {
    const project = new TempProject({ 'bad.py': `import os\n${BARE_EXCEPT}password = "hunter2"\n` });
    try {
      const markdown = project.run('review', '.', '--no-cache').stdout;
      assert.match(markdown, /^1 possible security defect found by/);
      assert.match(markdown, /S105 Possible hardcoded password/);
      assert.match(markdown, /^\d+\. \*\*Inconsistent exception handling\*\* — \d+ findings? \(.*E722 bare-except: 1/m);
      assert.match(markdown, /^\d+\. \*\*Unused imports and variables\*\*/m);
      const html = project.run('review', '.', '--no-cache', '--format', 'html').stdout;
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /<style>/);
      assert.doesNotMatch(html, /<script|<link|src=/, 'no external resources');
      assert.match(html, /<ol>[\s\S]*Inconsistent exception handling[\s\S]*<\/ol>/);
    } finally {
      project.cleanup();
    }
  });
});
