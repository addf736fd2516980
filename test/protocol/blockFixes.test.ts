/**
 * Reindent fixes of large tab-indented files through the real server: every
 * finding of a block shares one fix, which diagnostics do not carry (the
 * server computes it when a client asks), so that what is published grows
 * with the file, not with its square.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, type ReceivedDiagnostics } from '../helpers/lspClient';
import { spaceIndented, tabIndentedFunction } from '../helpers/tabIndented';
import { tempWorkspace } from './session';

const MAX_PUBLICATION_BYTES = 1_000_000;
const TITLE = 'pyreview (W191): Reindent with four spaces per level';

/** The size of a publication as the server writes it (the JSON-RPC message's body). */
function messageBytes({ uri, version, diagnostics }: ReceivedDiagnostics): number {
  return Buffer.byteLength(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } }));
}

/** Applies LSP edits to an ASCII text with LF line ends (columns are then offsets in the line). */
function applyAsciiEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (position: { line: number; character: number }) => starts[position.line] + position.character;
  const spans = edits.map((edit) => ({ start: offset(edit.range.start), end: offset(edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start);
  for (const span of spans) text = text.slice(0, span.start) + span.newText + text.slice(span.end);
  return text;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('protocol: reindent fixes of large tab-indented files', function () {
  this.timeout(180_000);
  const workspace = tempWorkspace();
  const source = tabIndentedFunction(3000);
  let plain: LspClient;
  let resolving: LspClient;
  let counter = 0;

  before(async () => {
    // The default rule set, as a user has it.
    plain = await LspClient.start({ settings: {} });
    resolving = await LspClient.start({ settings: {}, capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } } });
  });
  after(async () => {
    await plain.stop();
    await resolving.stop();
    workspace.cleanup();
  });

  async function open(client: LspClient, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = workspace.uri(`tabs${++counter}.py`);
    client.open(uri, text, 1);
    const { diagnostics } = await client.waitForDiagnostics(uri, 1, 60_000);
    return { uri, diagnostics };
  }

  function codeActions(client: LspClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    return client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['quickfix'] } });
  }

  for (const [name, text] of [
    ['a function of 3,000 lines', source],
    // A real module, every indentation level a tab (lines in strings too: only sizes are looked at).
    ['inspect.py', fs.readFileSync('/usr/lib/python3.11/inspect.py', 'utf8').replace(/^(?: {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4))],
  ]) {
    it(`every publication of ${name}, tab-indented, is under 1 MB, while typing too`, async () => {
      const { uri, diagnostics } = await open(plain, text);
      assert.ok(diagnostics.filter((d) => d.code === 'W191').length > 1500, 'the file is mostly tab-indented');
      const lines = text.split('\n');
      for (let version = 2; version <= 6; version++) {
        const line = Math.floor(lines.length / 2) + version * 7;
        const end = lines[line].length;
        plain.change(uri, version, [{ range: { start: { line, character: end }, end: { line, character: end } }, text: ' ' }]);
        await plain.waitForDiagnostics(uri, version, 60_000);
      }
      // The settling lint after the last keystroke.
      await pause(1500);
      const publications = plain.diagnosticsFor(uri);
      assert.ok(publications.length >= 6);
      for (const publication of publications) {
        const bytes = messageBytes(publication);
        assert.ok(bytes <= MAX_PUBLICATION_BYTES, `version ${publication.version}: ${bytes} bytes`);
      }
    });
  }

  it('offers one reindent action for all the findings of the block, which indents it with spaces', async () => {
    const { uri, diagnostics } = await open(plain, source);
    const tabs = diagnostics.filter((d) => d.code === 'W191');
    assert.strictEqual(tabs.length, 3000);
    const reindents = (await codeActions(plain, uri, tabs)).filter((action) => action.title === TITLE);
    assert.strictEqual(reindents.length, 1, 'one action for the block');
    assert.strictEqual(reindents[0].diagnostics?.length, 3000);
    assert.strictEqual(reindents[0].isPreferred, true);
    const fixed = applyAsciiEdits(source, reindents[0].edit!.changes![uri]);
    assert.strictEqual(fixed, spaceIndented(source));
    plain.change(uri, 2, [{ text: fixed }]);
    const after = await plain.waitForDiagnostics(uri, 2, 60_000);
    assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === 'W191'), []);
  });

  it('leaves the edit to codeAction/resolve when the client can resolve, for the version it was made for', async () => {
    const { uri, diagnostics } = await open(resolving, source);
    const middle = diagnostics.filter((d) => d.code === 'W191')[1500];
    const [action] = (await codeActions(resolving, uri, [middle])).filter((candidate) => candidate.title === TITLE);
    assert.ok(action, 'a reindent action');
    assert.strictEqual(action.edit, undefined, 'no edit before it is resolved');
    assert.ok(Buffer.byteLength(JSON.stringify(action)) < 2000, 'the action is small');
    const resolved = await resolving.request<CodeAction>('codeAction/resolve', action);
    assert.strictEqual(applyAsciiEdits(source, resolved.edit!.changes![uri]), spaceIndented(source));

    resolving.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await resolving.waitForDiagnostics(uri, 2, 60_000);
    const stale = await resolving.request<CodeAction>('codeAction/resolve', action);
    assert.strictEqual(stale.edit, undefined, 'no edit for another version of the document');
  });
});
