import * as assert from 'assert';
import type { ResponseError } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { applyTextEdits, positionAt, rangeOf, type Encoding, type LspTextEdit } from '../helpers/lspText';
import { startClient, tempWorkspace } from './session';

interface WorkspaceEdit {
  changes: Record<string, LspTextEdit[]>;
}

// Non-ASCII text before the names on their lines: columns differ between encodings.
const SOURCE = [
  'def fetchUser(userId):',
  '    label = "naïve 😀 fetchUser"; total = userId',
  '    return total',
  '',
  '',
  'def report():',
  '    """😀"""; x = fetchUser(1) + fetchUser(userId=2)',
  '    return x',
  '',
  '',
  'class Repo:',
  '    maxSize = 1',
  '',
  '    def grow(self):',
  '        return self.maxSize + 1',
  '',
  '',
  'value = fetchUser',
  '',
].join('\n');

for (const encoding of ['utf-8', 'utf-16'] as Encoding[]) {
  describe(`protocol: rename (${encoding})`, () => {
    let client: LspClient;
    const workspace = tempWorkspace();
    const uri = workspace.uri('rename.py');

    before(async () => {
      client = await startClient({ positionEncodings: [encoding] });
      client.open(uri, SOURCE, 1);
      await client.waitForDiagnostics(uri, 1);
    });
    after(async () => {
      await client.stop();
      workspace.cleanup();
    });

    const at = (needle: string, occurrence = 0): { line: number; character: number } => {
      let offset = -1;
      for (let i = 0; i <= occurrence; i++) offset = SOURCE.indexOf(needle, offset + 1);
      return positionAt(SOURCE, offset, encoding);
    };
    const renameAt = async (position: { line: number; character: number }, newName: string): Promise<string> => {
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName });
      return applyTextEdits(SOURCE, edit.changes[uri], encoding);
    };
    const refusal = async (method: string, params: object): Promise<string> => {
      try {
        await client.request(method, { textDocument: { uri }, ...params });
      } catch (error) {
        return (error as ResponseError<void>).message;
      }
      assert.fail(`${method} was not refused`);
    };

    it('announces rename with prepare', () => {
      assert.deepStrictEqual(client.initializeResult.capabilities.renameProvider, { prepareProvider: true });
    });

    it('prepares the name under the cursor, in the encoding negotiated', async () => {
      const offset = SOURCE.indexOf('userId', SOURCE.indexOf('total ='));
      const prepared = await client.request('textDocument/prepareRename', { textDocument: { uri }, position: positionAt(SOURCE, offset + 2, encoding) });
      assert.deepStrictEqual(prepared, { range: rangeOf(SOURCE, offset, offset + 'userId'.length, encoding), placeholder: 'userId' });
    });

    it('renames a local variable in its function only', async () => {
      const renamed = await renameAt(at('total', 1), 'result');
      assert.strictEqual(renamed, SOURCE.replace('total = userId', 'result = userId').replace('return total', 'return result'));
    });

    it('renames a local argument, with the keyword of a call to its function', async () => {
      const renamed = await renameAt(at('userId', 1), 'user_id');
      assert.strictEqual(renamed, SOURCE.replace(/userId/g, 'user_id'));
    });

    it('renames a module function used in several places, but not in strings', async () => {
      const renamed = await renameAt(at('fetchUser', 2), 'fetch_user');
      const expected = SOURCE.replace(/fetchUser/g, 'fetch_user').replace('😀 fetch_user"', '😀 fetchUser"');
      assert.strictEqual(renamed, expected);
    });

    it('renames a class attribute and its uses through self', async () => {
      const renamed = await renameAt(at('maxSize', 1), 'max_size');
      assert.strictEqual(renamed, SOURCE.replace(/maxSize/g, 'max_size'));
    });

    it('refuses a collision, a keyword and a place without a name', async () => {
      assert.match(await refusal('textDocument/rename', { position: at('total ='), newName: 'label' }), /`label` is already defined in the same scope \(line 2\)/);
      assert.match(await refusal('textDocument/rename', { position: at('value'), newName: 'return' }), /`return` is a Python keyword/);
      assert.match(await refusal('textDocument/prepareRename', { position: at('naïve') }), /no name here/);
      assert.match(await refusal('textDocument/prepareRename', { position: at('1)') }), /no name here/);
    });

    it('refuses while the file has syntax errors', async () => {
      const broken = workspace.uri('broken.py');
      client.open(broken, 'def f(:\n    value = 1\n', 1);
      await client.waitForDiagnostics(broken, 1);
      const params = { textDocument: { uri: broken }, position: { line: 1, character: 5 } };
      await assert.rejects(client.request('textDocument/prepareRename', params), /syntax errors/);
    });
  });
}
