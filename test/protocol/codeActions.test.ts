import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { LspClient } from '../helpers/lspClient';
import { applyTextEdits, type Encoding } from '../helpers/lspText';
import { expectedDiagnostics, startClient, summarize, tempWorkspace } from './session';

const SOURCE = [
  'def load(path):',
  '    try:',
  '        return open(path).read()',
  '    except:  # 😀 é 中',
  '        return ""',
  '',
  'def save(path, text):',
  '    try:',
  '        open(path, "w").write(text)',
  '    except:',
  '        pass',
  '',
].join('\n');

for (const encoding of ['utf-16', 'utf-8'] as const) {
  describe(`protocol: code actions (${encoding})`, () => {
    let client: LspClient;
    const workspace = tempWorkspace();
    let counter = 0;

    before(async () => {
      client = await startClient({ positionEncodings: [encoding] });
    });
    after(async () => {
      await client.stop();
      workspace.cleanup();
    });

    async function open(text: string) {
      const uri = workspace.uri(`actions${++counter}.py`);
      client.open(uri, text, 1);
      const { diagnostics } = await client.waitForDiagnostics(uri, 1);
      return { uri, diagnostics };
    }

    function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
      const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
    }

    function apply(text: string, uri: string, action: CodeAction): string {
      const edits = action.edit?.changes?.[uri] as TextEdit[] | undefined;
      assert.ok(edits?.length, `"${action.title}" carries an edit of ${uri}`);
      return applyTextEdits(text, edits, encoding as Encoding);
    }

    /** Sends the new text and returns the diagnostics of that version, checked against a fresh check. */
    async function resend(uri: string, text: string, version: number): Promise<Diagnostic[]> {
      client.change(uri, version, [{ text }]);
      const { diagnostics } = await client.waitForDiagnostics(uri, version);
      assert.deepStrictEqual(summarize(diagnostics), expectedDiagnostics(text, encoding));
      return diagnostics;
    }

    it('offers the unsafe fix as a non-preferred quick fix and applies it', async () => {
      const { uri, diagnostics } = await open(SOURCE);
      assert.strictEqual(diagnostics.length, 2);
      const actions = await codeActions(uri, [diagnostics[0]]);
      const fix = actions.find((action) => action.title.includes('except Exception'));
      assert.ok(fix, `a fix among ${actions.map((a) => a.title).join(', ')}`);
      assert.strictEqual(fix.kind, 'quickfix');
      assert.strictEqual(fix.isPreferred, false, 'unsafe fixes are never preferred');
      assert.deepStrictEqual(fix.diagnostics, [diagnostics[0]]);
      const fixed = apply(SOURCE, uri, fix);
      assert.strictEqual(fixed, SOURCE.replace('except:', 'except Exception:'));
      const after = await resend(uri, fixed, 2);
      assert.strictEqual(after.length, 1, 'only the other bare except is left');
    });

    it('adds a noqa comment after a comment with non-ASCII text', async () => {
      const { uri, diagnostics } = await open(SOURCE);
      const actions = await codeActions(uri, [diagnostics[0]]);
      const ignore = actions.find((action) => action.title === 'pyreview (E722): Ignore on this line');
      assert.ok(ignore);
      const ignored = apply(SOURCE, uri, ignore);
      assert.strictEqual(ignored, SOURCE.replace('except:  # 😀 é 中', 'except:  # 😀 é 中  # noqa: E722'));
      assert.strictEqual((await resend(uri, ignored, 2)).length, 1);
    });

    it('returns only the kinds asked for', async () => {
      const { uri, diagnostics } = await open(SOURCE);
      assert.deepStrictEqual(await codeActions(uri, diagnostics, ['source.fixAll']), []);
      const quickFixes = await codeActions(uri, diagnostics, ['quickfix']);
      assert.deepStrictEqual(new Set(quickFixes.map((action) => action.kind)), new Set(['quickfix']));
      assert.strictEqual(quickFixes.length, 4, 'a fix and an ignore action per diagnostic');
    });

    it('builds no action from diagnostics of an older version', async () => {
      const { uri, diagnostics } = await open(SOURCE);
      client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
      await client.waitForDiagnostics(uri, 2);
      assert.deepStrictEqual(await codeActions(uri, diagnostics), []);
    });

    it('fixAll applies no unsafe fix unless the user opted in', async () => {
      const { uri } = await open(SOURCE);
      assert.deepStrictEqual(await codeActions(uri, [], ['source.fixAll.pyreview']), [], 'E722 has only an unsafe fix');

      client.settings = { ...client.settings, unsafeFixes: true };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const actions = await codeActions(uri, [], ['source.fixAll']);
      assert.strictEqual(actions.length, 1);
      assert.strictEqual(actions[0].kind, 'source.fixAll.pyreview');
      assert.strictEqual(actions[0].title, 'pyreview: Fix all auto-fixable problems');
      assert.strictEqual(actions[0].edit?.changes?.[uri]?.length, 1, 'one edit');
      const fixed = apply(SOURCE, uri, actions[0]);
      assert.strictEqual(fixed, SOURCE.split('except:').join('except Exception:'));
      assert.deepStrictEqual(await resend(uri, fixed, 2), []);
      assert.deepStrictEqual(await codeActions(uri, [], ['source.fixAll.pyreview']), [], 'nothing left to fix');

      // A file with a syntax error is not fixed as a whole: the parser's recovery may misread it.
      const broken = await open(`${SOURCE}def broken(:\n`);
      assert.deepStrictEqual(await codeActions(broken.uri, [], ['source.fixAll.pyreview']), []);
      const quickFix = (await codeActions(broken.uri, broken.diagnostics.filter((d) => d.code === 'E722').slice(0, 1), ['quickfix']))[0];
      assert.match(quickFix?.title ?? '', /except Exception/, 'the fix of one finding is still offered');
      client.settings = { ...client.settings, unsafeFixes: false };
      client.notify('workspace/didChangeConfiguration', { settings: null });
    });

    it('plans the rename fix of a naming finding when it is asked for', async () => {
      const previous = client.settings;
      client.settings = { ...previous, select: ['N806'] };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      try {
        const text = 'def area(width):\n    é, Total = 1, width * 2\n    return é + Total\n';
        const { uri, diagnostics } = await open(text);
        assert.deepStrictEqual(diagnostics.map((diagnostic) => diagnostic.code), ['N806']);
        const actions = await codeActions(uri, diagnostics, ['quickfix']);
        const rename = actions.find((action) => action.title.startsWith('pyreview (N806): Rename'));
        assert.ok(rename, `a rename among ${actions.map((action) => action.title).join(', ')}`);
        assert.strictEqual(apply(text, uri, rename), text.split('Total').join('total'));
      } finally {
        client.settings = previous;
        client.notify('workspace/didChangeConfiguration', { settings: null });
      }
    });

    it('hides "Ignore" actions when codeAction.showDisableComment is off', async () => {
      client.settings = { ...client.settings, codeAction: { showDisableComment: false } };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      try {
        const { uri, diagnostics } = await open(SOURCE);
        const titles = (await codeActions(uri, diagnostics)).map((action) => action.title);
        assert.ok(titles.length > 0 && titles.every((title) => !title.includes('Ignore')), titles.join(', '));
      } finally {
        client.settings = { ...client.settings, codeAction: { showDisableComment: true } };
        client.notify('workspace/didChangeConfiguration', { settings: null });
      }
    });
  });
}
