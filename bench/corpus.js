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

/**
 * `count` files of about `targetLines` lines each, no two sharing a module:
 * each is built as `concatenatedSource` builds one, from the modules the
 * files before it left.
 */
function distinctConcatenations(files, count, targetLines) {
  let pool = files;
  const built = [];
  for (let i = 0; i < count; i++) {
    const next = concatenatedSource(pool, targetLines);
    if (next.lines < targetLines * 0.95) throw new Error(`the standard library has modules for ${i} files of ${targetLines} lines, not ${count}`);
    const used = new Set(next.sources);
    pool = pool.filter((f) => !used.has(f.path));
    built.push(next);
  }
  return built;
}

// Reads Python's own AST (ast.parse only; nothing is executed), which also
// checks that a synthetic file is valid Python, to find where to type near
// the file's middle line, one site per kind. Lines are 1-based; columns are
// UTF-16 code units (ast's are UTF-8 bytes), the LSP client's default.
const EDIT_SITES = `
import ast, json, sys
source = sys.stdin.read()
lines = source.split("\\n")
tree = ast.parse(source)
middle = (len(lines) + 1) // 2
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)

def utf16(line, byte_column):
    return len(lines[line - 1].encode("utf-8")[:byte_column].decode("utf-8").encode("utf-16-le")) // 2

def distance(node, line):
    if node.lineno <= line <= node.end_lineno:
        return 0
    return min(abs(node.lineno - line), abs(node.end_lineno - line))

def nearest(nodes, line):
    nodes = list(nodes)
    return min(nodes, key=lambda n: (distance(n, line), n.lineno)) if nodes else None

def position(line, byte_column):
    return {"line": line, "column": utf16(line, byte_column)}

def body_statement(function, line):
    """The body statement nearest the line, the docstring skipped."""
    body = function.body
    docstring = isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)
    statement = nearest(body[1:] if docstring and len(body) > 1 else body, line)
    return {**position(statement.lineno, statement.col_offset), "indent": lines[statement.lineno - 1][:statement.col_offset]}

def plain_string_key(key):
    if not (isinstance(key, ast.Constant) and isinstance(key.value, str) and key.lineno == key.end_lineno):
        return False
    text = lines[key.lineno - 1].encode("utf-8")[key.col_offset:key.end_col_offset].decode("utf-8")
    return text[-1] in "'\\"" and not text.endswith(text[-1] * 3)

sites = []
module = tree.body

function = nearest((n for n in module if isinstance(n, FUNCTIONS)), middle)
if function:
    sites.append({"kind": "function", "name": function.name, **body_statement(function, middle)})

classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
longest = max(classes, key=lambda c: (c.end_lineno - c.lineno, -c.lineno), default=None)
if longest:
    class_middle = (longest.lineno + longest.end_lineno) // 2
    method = nearest((n for n in longest.body if isinstance(n, FUNCTIONS)), class_middle)
    if method:
        sites.append({"kind": "method", "name": f"{longest.name}.{method.name}", "classLines": longest.end_lineno - longest.lineno + 1, **body_statement(method, class_middle)})

def assigned_name(statement):
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
        return statement.targets[0]
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value is not None:
        return statement.target
    return None

dicts = [s for s in module if assigned_name(s) and isinstance(s.value, ast.Dict) and any(plain_string_key(k) for k in s.value.keys)]
mapping = nearest(dicts, middle)
if mapping:
    key = nearest((k for k in mapping.value.keys if plain_string_key(k)), (mapping.lineno + mapping.end_lineno) // 2)
    # Inside the quotes, after the key's last character.
    sites.append({"kind": "dict-key", "name": assigned_name(mapping).id, "key": key.value, **position(key.lineno, key.end_col_offset - 1)})

assignment = nearest((s for s in module if assigned_name(s)), middle)
if assignment:
    target = assigned_name(assignment)
    sites.append({"kind": "assignment", "name": target.id, **position(target.lineno, target.end_col_offset)})

imports = [s for s in module if isinstance(s, (ast.Import, ast.ImportFrom)) and s.names[-1].name != "*"]
statement = nearest(imports, middle)
if statement:
    last = statement.names[-1]
    name = statement.module if isinstance(statement, ast.ImportFrom) else statement.names[0].name
    sites.append({"kind": "import", "name": name or ".", **position(last.end_lineno, last.end_col_offset)})

def decorator_name(decorator):
    expression = decorator.func if isinstance(decorator, ast.Call) else decorator
    return expression if isinstance(expression, (ast.Name, ast.Attribute)) else None

decorators = [d for n in ast.walk(tree) if isinstance(n, (*FUNCTIONS, ast.ClassDef)) for d in n.decorator_list if decorator_name(d)]
decorator = nearest(decorators, middle)
if decorator:
    name = decorator_name(decorator)
    sites.append({"kind": "decorator", "name": ast.unparse(name), **position(name.end_lineno, name.end_col_offset)})

print(json.dumps(sites))
`;

/** The kinds of edit site, in the order `editSites` lists them. */
const SITE_KINDS = ['function', 'method', 'dict-key', 'assignment', 'import', 'decorator'];

/**
 * Where to type near the middle of a file, one site per kind that the file
 * has: a body statement of the module-level function nearest the middle
 * line (`function`) and of the method in the middle of the longest class
 * (`method`), both with their `indent` to open a line before them; the end
 * of the string key in the middle of the module-level dict nearest the
 * middle line (`dict-key`, inside the quotes); the end of the name of the
 * module-level assignment nearest it (`assignment`), of the last name of
 * the module-level import nearest it (`import`), and of the name of the
 * decorator nearest it (`decorator`).
 * @returns {Array<{kind: string, name: string, line: number, column: number, indent?: string, classLines?: number, key?: string}>}
 */
function editSites(text) {
  return JSON.parse(execFileSync('python3', ['-c', EDIT_SITES], { input: text, encoding: 'utf8' }));
}

/** Where to type in the middle of a function: the `function` site of `editSites`. */
function editSiteInMiddleFunction(text) {
  const site = editSites(text).find((s) => s.kind === 'function');
  if (!site) throw new Error('no module-level function in the synthetic file');
  return { name: site.name, line: site.line, column: site.column };
}

// Fails with the first error of each file that Python cannot parse.
const CHECK_SYNTAX = `
import ast, json, sys
for path in json.load(sys.stdin):
    try:
        ast.parse(open(path, encoding="utf-8").read(), path)
    except SyntaxError as error:
        print(f"{path}:{error.lineno}: {error.msg}")
`;

/** Throws unless every file parses as Python (one python3 process for all). */
function checkPythonSyntax(paths) {
  const errors = execFileSync('python3', ['-c', CHECK_SYNTAX], { input: JSON.stringify(paths), encoding: 'utf8' }).trim();
  if (errors) throw new Error(`not valid Python: ${errors}`);
}

module.exports = { STDLIB, SITE_KINDS, stdlibFiles, concatenatedSource, distinctConcatenations, editSites, editSiteInMiddleFunction, checkPythonSyntax, countLines };
