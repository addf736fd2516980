/**
 * F401 through the real server in a workspace where another file imports the
 * "unused" name from the module (a compat module): once the workspace is
 * indexed, its quick fix is unsafe (not preferred, titled with the importer)
 * and fixAll leaves it alone while still removing the import nobody needs.
 */
import * as assert from 'assert';
import { applyTextEdits } from '../helpers/lspText';
import { serverInWorkspace, until } from './session';

interface Action {
  title: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, Array<{ range: unknown; newText: string }>> };
}

const COMPAT = 'from json import JSONDecodeError\nimport os\n';

describe('protocol: unused imports that other files import', () => {
  const suite = serverInWorkspace({
    'app/__init__.py': '',
    'app/compat.py': COMPAT,
    'app/client.py': 'from .compat import JSONDecodeError\n\nprint(JSONDecodeError)\n',
  }, { select: ['F401'] });

  it('offers only an unsafe fix for the re-exported name, and fixAll keeps it', async () => {
    const { client, workspace } = suite;
    const uri = workspace.uri('app/compat.py');
    client.open(uri, COMPAT, 1);
    const diagnostics = (await client.waitForDiagnostics(uri, 1)).diagnostics;
    const reexported = diagnostics.find((d) => d.code === 'F401' && d.message.includes('JSONDecodeError'));
    assert.ok(reexported, JSON.stringify(diagnostics));
    const codeActions = (only: string[], context: unknown[] = []) =>
      client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri }, range: reexported.range, context: { diagnostics: context, only },
      });
    // Indexing runs in the background; the fix turns unsafe once client.py is known.
    const fix = await until('the unsafe fix of the re-exported name', async () => {
      const latest = client.diagnosticsFor(uri).at(-1)!.diagnostics.find((d) => d.message.includes('JSONDecodeError'))!;
      const actions = await codeActions(['quickfix'], [latest]);
      return actions.find((action) => action.title.includes('`client.py` imports it from this module'));
    });
    assert.notStrictEqual(fix.isPreferred, true);
    const [fixAll] = await codeActions(['source.fixAll.pyreview']);
    assert.ok(fixAll?.edit, 'fixAll removes the import nobody uses');
    assert.strictEqual(applyTextEdits(COMPAT, fixAll.edit.changes[uri] as never, 'utf-16'), 'from json import JSONDecodeError\n');
  });
});
