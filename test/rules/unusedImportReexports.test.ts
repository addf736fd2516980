/**
 * F401's fix in a module that other files import names from (a `compat.py`): removing
 * the "unused" import would break them, so the fix is unsafe there, and safe again once
 * nothing imports the name. The importing files are found through the workspace index,
 * by relative and absolute `from … import`, aliases, `*` and imports inside functions.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseUnits, PythonParser, resolveSettings, RULES, summarizeModule, WorkspaceIndex } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';

const COMPAT = [
  'from json import JSONDecodeError',
  'from urllib.parse import urljoin, quote',
  'import pickle as _pickle',
  '',
].join('\n');

describe('F401 fix safety for names other files import', () => {
  let root: string;
  const settings = resolveSettings(RULES, { select: ['F401'] });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-reexport-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  function index(files: readonly string[]): WorkspaceIndex {
    const parser = new PythonParser();
    const workspace = new WorkspaceIndex();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      workspace.update(summarizeModule(file, parseUnits(parser, text).tree, text));
    }
    return workspace;
  }

  /** `name: safety (title)` of each F401 finding of the compat module. */
  function compatFixes(files: readonly string[]): string[] {
    const compat = path.join(root, 'pkg', 'compat.py');
    const result = sharedChecker().check({ text: COMPAT, filePath: compat, settings, workspace: index(files) });
    return result.findings.map((f) => `${COMPAT.slice(f.start, f.end)}: ${f.fix?.safety} (${f.fix?.title})`);
  }

  it('is safe when no other file imports the names', () => {
    const files = [write('pkg/__init__.py', ''), write('pkg/compat.py', COMPAT), write('pkg/other.py', 'from .compat_not import urljoin\n')];
    assert.deepStrictEqual(compatFixes(files), [
      'JSONDecodeError: safe (Remove unused import `json.JSONDecodeError`)',
      'urljoin: safe (Remove unused imports)',
      'quote: safe (Remove unused imports)',
      'pickle as _pickle: safe (Remove unused import `pickle as _pickle`)',
    ]);
  });

  it('is unsafe, naming the importer, for names imported relatively, absolutely, with aliases or inside functions', () => {
    const files = [
      write('pkg/__init__.py', ''),
      write('pkg/compat.py', COMPAT),
      write('pkg/http/__init__.py', ''),
      write('pkg/http/client.py', 'def load(text):\n    from ..compat import JSONDecodeError as Error\n    return Error\n'),
      write('tools/report.py', 'from pkg.compat import (\n    quote,\n)\n'),
    ];
    assert.deepStrictEqual(compatFixes(files), [
      'JSONDecodeError: unsafe (Remove unused import `json.JSONDecodeError` (`http/client.py` imports it from this module))',
      'urljoin: unsafe (Remove unused imports (`../tools/report.py` imports it from this module))',
      'quote: unsafe (Remove unused imports (`../tools/report.py` imports it from this module))',
      'pickle as _pickle: safe (Remove unused import `pickle as _pickle`)',
    ]);
  });

  it('counts a `*` import for public names only', () => {
    const files = [write('pkg/__init__.py', ''), write('pkg/compat.py', COMPAT), write('pkg/user.py', 'from .compat import *\n')];
    const fixes = compatFixes(files);
    assert.ok(fixes[0].startsWith('JSONDecodeError: unsafe (Remove unused import `json.JSONDecodeError` (`user.py`'), fixes[0]);
    assert.strictEqual(fixes[3], 'pickle as _pickle: safe (Remove unused import `pickle as _pickle`)');
  });

  it('does not count a `*` import of a module with `__all__`, which imports only the names listed', () => {
    const files = [write('pkg/__init__.py', ''), write('pkg/compat.py', `__all__ = 'quote', 'urljoin'\n${COMPAT}`), write('pkg/user.py', 'from .compat import *\n')];
    const compat = path.join(root, 'pkg', 'compat.py');
    const text = fs.readFileSync(compat, 'utf8');
    const result = sharedChecker().check({ text, filePath: compat, settings, workspace: index(files) });
    assert.deepStrictEqual(result.findings.map((f) => `${text.slice(f.start, f.end)}: ${f.fix?.safety}`), ['JSONDecodeError: safe', 'pickle as _pickle: safe']);
  });

  it('reads `from … import` statements anywhere in a file, with their dots and module', () => {
    const text = 'from . import a\nfrom .. b import (c as d, e)\ndef f():\n    from x.y import *\n';
    assert.deepStrictEqual(summarizeModule('m.py', parseUnits(new PythonParser(), text).tree, text).imports, [
      { level: 1, module: '', names: ['a'] },
      { level: 2, module: 'b', names: ['c', 'e'] },
      { level: 0, module: 'x.y', names: ['*'] },
    ]);
  });
});
