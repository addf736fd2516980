/**
 * What F821 offers for an undefined name, from the imports the other files of
 * a project use for it (as the workspace index summarises them).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseUnits, PythonParser, resolveSettings, RULES, summarizeModule, WorkspaceIndex } from '@pyreview/shared-rules';
import { sharedChecker } from '../helpers/checker';

const parser = new PythonParser();

describe('F821: the imports offered for an undefined name', () => {
  let root: string;
  const files: Record<string, string> = {
    'svc/__init__.py': '',
    'svc/api.py': 'from oslo_log import log as logging\nfrom . import base\nfrom .db import api as db\n',
    'svc/manager.py': 'def run():\n    from oslo_log import log as logging\n    import numpy as np\n',
    'svc/legacy.py': 'import logging\nimport os.path\n',
    'svc/db/__init__.py': 'from ..base import Base as base\nfrom ..base import Base\n',
    'svc/db/models.py': 'from svc.db import base\n',
    'svc/db/tables.py': 'from svc.db import base\n',
    'svc/base.py': 'class Base:\n    pass\n',
  };

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-imports-')));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function summary(name: string) {
    const units = parseUnits(parser, files[name]);
    try {
      return summarizeModule(path.join(root, name), units.tree, files[name]);
    } finally {
      units.tree.dispose();
    }
  }

  function workspace(): WorkspaceIndex {
    const index = new WorkspaceIndex();
    for (const name of Object.keys(files)) index.update(summary(name));
    return index;
  }

  it('summarises what each import binds, relative modules made absolute', () => {
    assert.deepStrictEqual(summary('svc/api.py').importBindings, [
      { binds: 'logging', module: 'oslo_log', name: 'log', alias: 'logging' },
      { binds: 'base', module: 'svc', name: 'base' },
      { binds: 'db', module: 'svc.db', name: 'api', alias: 'db' },
    ]);
    assert.deepStrictEqual(summary('svc/manager.py').importBindings, [
      { binds: 'logging', module: 'oslo_log', name: 'log', alias: 'logging', local: true },
      { binds: 'np', module: 'numpy', alias: 'np', local: true },
    ]);
    assert.deepStrictEqual(summary('svc/legacy.py').importBindings, [{ binds: 'logging', module: 'logging' }, { binds: 'os', module: 'os.path' }]);
    assert.deepStrictEqual(summary('svc/db/__init__.py').importBindings, [
      { binds: 'base', module: 'svc.base', name: 'Base', alias: 'base' },
      { binds: 'Base', module: 'svc.base', name: 'Base' },
    ]);
  });

  it('ranks the imports used nearby first, then the most used; never the file itself', () => {
    const index = workspace();
    const ranked = (name: string, file: string) =>
      index.importsBinding(name, path.join(root, file)).map(({ binding, files, nearby }) => [binding.module, binding.name, files, nearby]);
    assert.deepStrictEqual(ranked('logging', 'svc/compute.py'), [['oslo_log', 'log', 2, 2], ['logging', undefined, 1, 1]]);
    assert.deepStrictEqual(ranked('logging', 'svc/api.py'), [['logging', undefined, 1, 1], ['oslo_log', 'log', 1, 1]]);
    assert.deepStrictEqual(ranked('base', 'svc/db/views.py'), [['svc.db', 'base', 2, 2], ['svc.base', 'Base', 1, 1], ['svc', 'base', 1, 0]]);
  });

  it('offers each import as its own unsafe fix, the workspace\'s first', () => {
    const settings = resolveSettings(RULES, { select: ['F821'] });
    const text = '"""Compute."""\nLOG = logging.getLogger(__name__)\n';
    const result = sharedChecker().check({ text, filePath: path.join(root, 'svc', 'compute.py'), settings, workspace: workspace() });
    const [finding] = result.findings;
    assert.deepStrictEqual([finding.fix, ...(finding.alternatives ?? [])].map((fix) => [fix?.title, fix?.safety, fix?.edits.map((edit) => edit.newText)]), [
      ['Add `from oslo_log import log as logging`', 'unsafe', ['\nfrom oslo_log import log as logging\n']],
      ['Add `import logging`', 'unsafe', ['\nimport logging\n']],
    ]);
    const own = sharedChecker().check({ text: 'print(Base)\n', filePath: path.join(root, 'svc', 'base.py'), settings, workspace: workspace() });
    assert.deepStrictEqual(own.findings.map((f) => f.fix), [undefined], 'no module imports from itself (svc/db imports Base from svc.base)');
    const alone = sharedChecker().check({ text, filePath: path.join(root, 'svc', 'compute.py'), settings });
    assert.deepStrictEqual([alone.findings[0].fix?.title, alone.findings[0].fix?.safety, alone.findings[0].alternatives], ['Add `import logging`', 'unsafe', undefined]);
  });
});
