'use strict';
// The benchmark corpus: this machine's Python standard library, and
// synthetic files of a given size concatenated from it. Everything is
// sorted so that two runs on the same machine measure the same bytes.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const STDLIB = '/usr/lib/python3.11';
// Test suites are not library code (Debian ships most of them separately).
const SKIPPED_DIRECTORIES = new Set(['test', 'tests', 'idle_test', 'site-packages', 'dist-packages', '__pycache__']);

function countLines(text) {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

/** Every library `.py` file of the standard library, sorted, with its line count. */
function stdlibFiles(root = STDLIB) {
  const files = [];
  const visit = (directory) => {
    const entries = fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) visit(full);
      else if (entry.isFile() && entry.name.endsWith('.py')) {
        files.push({ path: full, lines: countLines(fs.readFileSync(full, 'utf8')) });
      }
    }
  };
  visit(root);
  return files;
}

/**
 * Builds a file of about `targetLines` lines from whole standard-library
 * modules. Modules with `from __future__` imports are skipped (they are only
 * legal at the top of a file), as are modules that would overshoot the
 * target by more than 5 %.
 */
function concatenatedSource(files, targetLines) {
  const parts = [];
  let total = 0;
  for (const file of files) {
    if (total >= targetLines * 0.95) break;
    if (total + file.lines > targetLines * 1.05) continue;
    const text = fs.readFileSync(file.path, 'utf8');
    if (/^from __future__ import/m.test(text)) continue;
    parts.push({ path: file.path, text: text.endsWith('\n') ? text : `${text}\n` });
    total += file.lines;
  }
  return { text: parts.map((p) => p.text).join(''), lines: total, sources: parts.map((p) => p.path) };
}

// Reads Python's own AST (ast.parse only; nothing is executed) to check that
// a synthetic file is valid Python and to find the function around a line.
const FUNCTION_AT_LINE = `
import ast, json, sys
source = sys.stdin.read()
middle = int(sys.argv[1])
best = None
for node in ast.walk(ast.parse(source)):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.lineno <= middle <= node.end_lineno:
        if best is None or node.end_lineno - node.lineno < best.end_lineno - best.lineno:
            best = node
if best is None:
    print("null")
else:
    body = min(best.body[1:] or best.body, key=lambda s: abs(s.lineno - middle))
    print(json.dumps({"name": best.name, "line": body.lineno, "column": body.col_offset}))
`;

/**
 * Where to type in the middle of a function: the body statement of the
 * innermost function spanning the file's middle line that is closest to it
 * (the docstring is skipped). Lines and columns are 1-based / 0-based as in
 * Python's ast; the corpus' indentation is ASCII so columns are UTF-16 too.
 */
function editSiteInMiddleFunction(text, totalLines) {
  for (let delta = 0; delta < totalLines / 2; delta += 25) {
    for (const middle of [Math.floor(totalLines / 2) + delta, Math.floor(totalLines / 2) - delta]) {
      const out = execFileSync('python3', ['-c', FUNCTION_AT_LINE, String(middle)], { input: text, encoding: 'utf8' });
      const site = JSON.parse(out);
      if (site) return site;
    }
  }
  throw new Error('no function found in the synthetic file');
}

module.exports = { STDLIB, stdlibFiles, concatenatedSource, editSiteInMiddleFunction, countLines };
