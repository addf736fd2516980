/**
 * F821 through the real server in a workspace whose modules import `logging`
 * from oslo.log, as OpenStack's do: once the workspace is indexed, the import
 * the other files use is offered first, the standard library's after it, each
 * as its own unsafe quick fix.
 */
import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../helpers/lspText';
import { serverInWorkspace, until } from './session';

const OSLO = 'from oslo_log import log as logging\n\nLOG = logging.getLogger(__name__)\n';
const COMPUTE = 'import sys\n\nLOG = logging.getLogger(__name__)\nlogging.setup(sys.argv, "service")\n';

describe('protocol: the imports F821 offers for an undefined name', () => {
  const suite = serverInWorkspace({
    'service/__init__.py': '',
    'service/api.py': OSLO,
    'service/manager.py': OSLO,
    'service/legacy.py': 'import logging\n\nLOG = logging.getLogger(__name__)\n',
    'service/compute.py': COMPUTE,
  }, { select: ['F821'] });

  it('ranks the import the workspace uses first, every one unsafe', async () => {
    const { client, workspace } = suite;
    const uri = workspace.uri('service/compute.py');
    client.open(uri, COMPUTE, 1);
    await client.waitForDiagnostics(uri, 1);
    const quickFixes = (diagnostic: Diagnostic) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    // Indexing runs in the background; the workspace's import comes first once the other modules are known.
    const actions = await until('the workspace import ranked first', async () => {
      const undefinedName = client.diagnosticsFor(uri).at(-1)!.diagnostics.find((d) => d.code === 'F821');
      const offered = undefinedName && (await quickFixes(undefinedName));
      return offered?.[0]?.title.includes('oslo_log') ? offered : undefined;
    });
    assert.deepStrictEqual(actions.map((action) => [action.title, action.isPreferred]), [
      ['pyreview (F821): Add `from oslo_log import log as logging` (unsafe)', false],
      ['pyreview (F821): Add `import logging` (unsafe)', false],
      ['pyreview (F821): Ignore on this line', undefined],
    ]);
    const fixed = applyTextEdits(COMPUTE, actions[0].edit!.changes![uri] as TextEdit[], 'utf-16');
    assert.strictEqual(fixed, `import sys\nfrom oslo_log import log as logging\n${COMPUTE.slice('import sys\n'.length)}`);
    client.change(uri, 2, [{ text: fixed }]);
    assert.deepStrictEqual((await client.waitForDiagnostics(uri, 2)).diagnostics, []);
    const standard = applyTextEdits(COMPUTE, actions[1].edit!.changes![uri] as TextEdit[], 'utf-16');
    assert.strictEqual(standard, `import sys\nimport logging\n${COMPUTE.slice('import sys\n'.length)}`);
  });
});
