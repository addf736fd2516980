/**
 * SQA001 through the real server in a workspace shaped like a service: the
 * finding appears when the models module is opened (its targets live in
 * other files, found by the workspace index), points at the target table,
 * and its fix adds the ForeignKey with the import merged.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { LspClient } from '../helpers/lspClient';
import { applyTextEdits } from '../helpers/lspText';
import { FIXTURES } from '../helpers/paths';
import { startClient } from './session';

interface Action {
  title: string;
  edit: { changes: Record<string, Array<{ range: unknown; newText: string }>> };
}

function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(path.join(from, entry.name), path.join(to, entry.name));
    else fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
  }
}

describe('protocol: foreign keys across the workspace', () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-workspace-'));
    copyTree(path.join(FIXTURES, 'workspaces', 'placement'), root);
    client = await startClient({ rootUri: pathToFileURL(root).href, settings: { select: ['SQA001'] } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports a column whose table is defined in another module, and fixes it', async () => {
    const file = path.join(root, 'placement', 'objects', 'consumer.py');
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    // `users` is defined in placement/db/models.py: the finding needs the workspace index.
    const deadline = Date.now() + 20_000;
    client.open(uri, text, 1);
    let diagnostics = (await client.waitForDiagnostics(uri, 1)).diagnostics;
    while (!diagnostics.some((d) => d.message.includes('`user_id`')) && Date.now() < deadline) {
      diagnostics = (await client.waitForDiagnostics(uri, undefined, 20_000)).diagnostics;
    }
    const userId = diagnostics.find((d) => d.code === 'SQA001' && d.message.includes('`user_id`'));
    assert.ok(userId, `no SQA001 for user_id in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    const related = userId.relatedInformation?.[0];
    assert.strictEqual(related?.location.uri, pathToFileURL(path.join(root, 'placement', 'db', 'models.py')).href);
    assert.strictEqual(related?.location.range.start.line, 17, 'points at the User model (class User, line 18)');

    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri }, range: userId.range, context: { diagnostics: [userId], only: ['quickfix'] },
    });
    const fix = actions.find((action) => action.title.startsWith('pyreview (SQA001): Add ForeignKey('));
    assert.ok(fix, `no ForeignKey fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    const fixed = applyTextEdits(text, fix.edit.changes[uri] as never, 'utf-16');
    assert.match(fixed, /^from sqlalchemy import ForeignKey, String$/m);
    assert.match(fixed, /user_id: Mapped\[int\] = mapped_column\(ForeignKey\('users\.id'\), nullable=False\)/);

    client.change(uri, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, 2);
    let remaining = after.diagnostics;
    // A settling publication may follow for the same version.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const latest = client.diagnosticsFor(uri).filter((p) => p.version === 2).pop();
    if (latest) remaining = latest.diagnostics;
    assert.ok(!remaining.some((d) => d.message.includes('`user_id`')), 'the fixed column is no longer reported');
  });
});
