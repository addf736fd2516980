import * as assert from 'assert';
import type { LspClient } from '../helpers/lspClient';
import { rangeOf } from '../helpers/lspText';
import { expectedDiagnostics, startClient, summarize, tempWorkspace } from './session';

/** One line mixing 2-byte (é), 4-byte/surrogate-pair (😀) and 3-byte CJK characters, with code after them. */
const MIXED = 'x = "é😀中" + "文字"  # 注释 😀';
const SOURCE = [
  MIXED,
  'def f(a):',
  '    s = "😀é中"; t = "ü"',
  '    try:',
  '        return a',
  '    except:  # 😀',
  '        return s',
  '',
].join('\n');

for (const encoding of ['utf-16', 'utf-8'] as const) {
  describe(`protocol: document sync and diagnostics (${encoding})`, () => {
    let client: LspClient;
    const workspace = tempWorkspace();
    let counter = 0;

    before(async () => {
      client = await startClient({ positionEncodings: encoding === 'utf-8' ? ['utf-8', 'utf-16'] : ['utf-16'] });
      assert.strictEqual(client.initializeResult.capabilities.positionEncoding, encoding);
    });
    after(async () => {
      await client.stop();
      workspace.cleanup();
    });

    /** An open document and the text the client believes it has. */
    async function openDocument(text: string) {
      const uri = workspace.uri(`doc${++counter}.py`);
      client.open(uri, text, 1);
      const published = await client.waitForDiagnostics(uri, 1);
      assert.deepStrictEqual(summarize(published.diagnostics), expectedDiagnostics(text, encoding));
      const document = { uri, text, version: 1 };
      /** Replaces the text between two offsets with an incremental change and checks the answer. */
      const edit = async (start: number, end: number, newText: string) => {
        const range = rangeOf(document.text, start, end, encoding);
        document.text = document.text.slice(0, start) + newText + document.text.slice(end);
        document.version++;
        client.change(uri, document.version, [{ range, text: newText }]);
        const answer = await client.waitForDiagnostics(uri, document.version);
        assert.deepStrictEqual(summarize(answer.diagnostics), expectedDiagnostics(document.text, encoding), `after version ${document.version}: ${JSON.stringify(document.text)}`);
        return answer.diagnostics;
      };
      return { document, edit, initial: published.diagnostics };
    }

    it('publishes diagnostics of version 1 on open, with source, code and documentation link', async () => {
      const { initial } = await openDocument(SOURCE);
      assert.strictEqual(initial.length, 1);
      const [diagnostic] = initial;
      assert.strictEqual(diagnostic.code, 'E722');
      assert.strictEqual(diagnostic.source, 'pyreview');
      assert.match(diagnostic.codeDescription!.href, /E722/);
      assert.strictEqual(diagnostic.severity, 2);
    });

    it('applies single-line edits after é, 😀 and CJK characters', async () => {
      const { document, edit } = await openDocument(SOURCE);
      // Just after the first closing quote: an unclosed bracket there is a syntax error; anywhere else on the line it would not be.
      const afterQuote = MIXED.indexOf('" +') + 1;
      const broken = await edit(afterQuote, afterQuote, ' (');
      assert.ok(broken.some((d) => d.code === 'E999'), 'the inserted bracket breaks the line');
      const tail = document.text.indexOf('注释');
      await edit(tail, tail + 2, '😀😀 ü');
      // Replace the emoji inside the string by CJK, then remove the bracket again.
      const emoji = document.text.indexOf('😀');
      await edit(emoji, emoji + 2, '中文');
      const fixed = await edit(afterQuote, afterQuote + 2, '');
      assert.deepStrictEqual(fixed.map((d) => d.code), ['E722']);
    });

    it('applies multi-line edits spanning non-ASCII text', async () => {
      const { document, edit } = await openDocument(SOURCE);
      const from = document.text.indexOf('中');
      const to = document.text.indexOf('ü');
      // Joins three lines into one that ends inside a string: the rest of the file changes meaning.
      await edit(from, to, '😀\n    try:\n        é = "中');
      const withError = document.text.indexOf('except:');
      await edit(withError, withError + 'except:'.length, 'except ValueError:');
      await edit(0, document.text.length, SOURCE);
    });

    it('accepts full-text changes', async () => {
      const { document } = await openDocument(SOURCE);
      const text = SOURCE.replace('except:', 'except OSError:').replace('😀é中', '😀é中 (');
      client.change(document.uri, 2, [{ text }]);
      const answer = await client.waitForDiagnostics(document.uri, 2);
      assert.deepStrictEqual(summarize(answer.diagnostics), expectedDiagnostics(text, encoding));
    });

    it('handles CRLF line endings', async () => {
      const { document, edit } = await openDocument(SOURCE.split('\n').join('\r\n'));
      const lineEnd = document.text.indexOf('\r\n');
      await edit(lineEnd, lineEnd + 2, ' (\r\n');
      await edit(lineEnd, lineEnd + 4, '\r\n');
      const insideBreak = document.text.indexOf('try:');
      await edit(insideBreak, insideBreak, 'x = 1\r\n    ');
    });

    it('publishes the last version of a burst and never a stale one', async () => {
      const { document } = await openDocument(SOURCE);
      const texts = new Map<number, string>();
      let text = document.text;
      for (let version = 2; version <= 12; version++) {
        const at = text.indexOf('return a') + 'return a'.length;
        const insert = version % 2 ? ' (' : ')';
        client.change(document.uri, version, [{ range: rangeOf(text, at, at, encoding), text: insert }]);
        text = text.slice(0, at) + insert + text.slice(at);
        texts.set(version, text);
      }
      const last = await client.waitForDiagnostics(document.uri, 12);
      assert.deepStrictEqual(summarize(last.diagnostics), expectedDiagnostics(text, encoding));
      const versions = client.diagnosticsFor(document.uri).map((published) => published.version!);
      assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), `published versions in order: ${versions.join(', ')}`);
      assert.strictEqual(new Set(versions).size, versions.length, 'no version published twice');
      for (const published of client.diagnosticsFor(document.uri).slice(1)) {
        assert.deepStrictEqual(summarize(published.diagnostics), expectedDiagnostics(texts.get(published.version!)!, encoding), `diagnostics of version ${published.version} belong to that version`);
      }
    });

    it('clears diagnostics when a document is closed', async () => {
      const { document } = await openDocument(SOURCE);
      const before = client.diagnosticsFor(document.uri).length;
      client.close(document.uri);
      const cleared = await client.waitForDiagnostics(document.uri);
      assert.strictEqual(client.diagnosticsFor(document.uri).length, before + 1);
      assert.deepStrictEqual(cleared.diagnostics, []);
    });
  });
}
