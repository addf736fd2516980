/**
 * F821's import fixes on real OpenStack code: Debian 12's `python3-nova`, downloaded and unpacked, not
 * installed, by `bash scripts/debian-inputs.sh python3-nova` (scripts/test.sh runs it). One import a
 * module uses is deleted from every fifth module (tests left out) (`from oslo_log import log as logging` among them,
 * which nova writes instead of the standard library's `logging`). `--fix` adds none back, every one
 * being a guess; `--fix --unsafe-fixes` adds, for almost every name, the import the module had, as the
 * other modules of the run import it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TempProject } from '../cli/cliHarness';
import { CompiledCopies } from '../helpers/compiledCopies';
import { NOVA_SOURCES as NOVA } from '../helpers/paths';

const SAMPLE_STEP = 5;

interface Deleted {
  file: string;
  statement: string;
  /** `from module import name as alias`, or `import module as alias`, in parts. */
  module: string;
  name?: string;
  alias?: string;
  binds: string;
}

function pythonFilesUnder(directory: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(directory, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return pythonFilesUnder(directory, relative);
    return entry.name.endsWith('.py') ? [relative] : [];
  }).sort();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first single-name import line of the text whose name is used and bound by nothing else, once deleted. */
function deletableImport(text: string): Omit<Deleted, 'file'> & { start: number; end: number } | undefined {
  const lines = /^(?:from ([\w.]+) import (\w+)(?: as (\w+))?|import ([\w.]+)(?: as (\w+))?)\n/gm;
  for (let match = lines.exec(text); match; match = lines.exec(text)) {
    const [line, fromModule, name, fromAlias, module, moduleAlias] = match;
    const binds = fromModule ? (fromAlias ?? name) : (moduleAlias ?? module.split('.')[0]);
    const rest = text.slice(0, match.index) + text.slice(match.index + line.length);
    const word = escape(binds);
    if (!new RegExp(`\\b${word}\\b`).test(rest)) continue;
    if (new RegExp(`^\\s*(?:from .* import .*\\b${word}\\b|import .*\\b${word}\\b|def ${word}\\b|class ${word}\\b|${word}\\s*=)`, 'm').test(rest)) continue;
    return {
      statement: line.trimEnd(), module: fromModule ?? module, name: fromModule ? name : undefined, alias: fromModule ? fromAlias : moduleAlias, binds,
      start: match.index, end: match.index + line.length,
    };
  }
  return undefined;
}

/** Whether the text imports the deleted binding again: the same line, or the name merged into a `from` import of the module. */
function importsAgain(text: string, deleted: Deleted): boolean {
  if (new RegExp(`^${escape(deleted.statement)}$`, 'm').test(text)) return true;
  if (!deleted.name) return false;
  const item = deleted.alias ? `${deleted.name} as ${deleted.alias}` : deleted.name;
  const from = new RegExp(`^from ${escape(deleted.module)} import \\(?([^)\\n]*(?:\\n[^)\\n]*)*?)\\)?$`, 'gm');
  for (let match = from.exec(text); match; match = from.exec(text)) {
    if (match[1].split(',').map((part) => part.trim()).includes(item)) return true;
  }
  return false;
}

describe('F821 import fixes on OpenStack nova (Debian python3-nova)', function () {
  this.timeout(600_000);
  let project: TempProject;
  const deleted: Deleted[] = [];

  before(function () {
    assert.ok(fs.existsSync(NOVA), 'python3-nova is not unpacked: run bash scripts/debian-inputs.sh python3-nova');
    project = new TempProject();
    // Nova without its tests: 681 modules, 197k lines.
    fs.cpSync(NOVA, project.path('nova'), { recursive: true, filter: (source) => source !== path.join(NOVA, 'tests') });
    pythonFilesUnder(project.path('nova')).forEach((file, index) => {
      if (index % SAMPLE_STEP) return;
      const text = project.read(path.join('nova', file));
      const found = deletableImport(text);
      if (!found) return;
      const { start, end, ...rest } = found;
      project.write(path.join('nova', file), text.slice(0, start) + text.slice(end));
      deleted.push({ file: path.join('nova', file), ...rest });
    });
  });
  after(() => project?.cleanup());

  it('--fix adds no import: which one was meant is a guess', () => {
    assert.ok(deleted.length >= 100, `only ${deleted.length} imports deleted`);
    const before = deleted.map(({ file }) => project.read(file));
    const run = project.run('check', '--no-cache', '--select', 'F821', '--fix', 'nova');
    assert.strictEqual(run.status, 1, run.stderr);
    assert.match(run.stdout, /^No fixes available \(\d+ hidden fixes can be enabled with the `--unsafe-fixes` option\)\.$/m);
    assert.deepStrictEqual(deleted.map(({ file }) => project.read(file)), before);
  });

  it('--fix --unsafe-fixes adds the import the other modules use: oslo_log\'s logging, and the module\'s own import for almost every name', () => {
    const run = project.run('check', '--no-cache', '--select', 'F821', '--fix', '--unsafe-fixes', 'nova');
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const restored = deleted.filter((item) => importsAgain(project.read(item.file), item));
    const logging = deleted.filter((item) => item.statement === 'from oslo_log import log as logging');
    assert.ok(logging.length >= 3, `only ${logging.length} oslo_log imports deleted`);
    assert.deepStrictEqual(logging.filter((item) => !restored.includes(item)).map((item) => item.file), [], 'oslo_log imports not restored');
    for (const item of logging) assert.doesNotMatch(project.read(item.file), /^import logging$/m, item.file);
    const share = restored.length / deleted.length;
    assert.ok(share >= 0.9, `${restored.length} of ${deleted.length} imports restored; not: ${deleted.filter((item) => !restored.includes(item)).map((item) => `${item.file}: ${item.statement}`).join('; ')}`);
    const copies = new CompiledCopies();
    try {
      for (const { file } of deleted) copies.add(file, project.read(file));
      assert.deepStrictEqual(copies.compileErrors(), []);
    } finally {
      copies.remove();
    }
  });
});
