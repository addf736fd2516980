import * as assert from 'assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { findRule, ruleDocsUrl } from '@pyreview/shared-rules';
import type { LspClient } from '../helpers/lspClient';
import { positionAt } from '../helpers/lspText';
import { startClient, tempWorkspace } from './session';

const SOURCE = 'try:\n    pass\nexcept:  # 😀 ok  # noqa: E722, e9\n    pass\ns = "# noqa: E722"\n';

describe('protocol: hover on # noqa codes (utf-8)', () => {
  let client: LspClient;
  const workspace = tempWorkspace();
  const uri = workspace.uri('hover.py');

  before(async () => {
    client = await startClient({ positionEncodings: ['utf-8'] });
    client.open(uri, SOURCE, 1);
    await client.waitForDiagnostics(uri, 1);
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  const hoverAt = (offset: number) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(SOURCE, offset, 'utf-8') });

  it("shows the rule's name, summary and documentation link", async () => {
    const at = SOURCE.indexOf('E722');
    const hover = await hoverAt(at + 2);
    assert.ok(hover);
    const { value } = hover.contents as MarkupContent;
    const meta = findRule('E722')!.meta;
    assert.ok(value.includes(meta.name) && value.includes(meta.summary) && value.includes(ruleDocsUrl('E722')), value);
    assert.deepStrictEqual(hover.range, { start: positionAt(SOURCE, at, 'utf-8'), end: positionAt(SOURCE, at + 4, 'utf-8') });
  });

  it('lists the rules a prefix silences, whatever its case', async () => {
    const hover = await hoverAt(SOURCE.indexOf('e9') + 1);
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /E999/);
  });

  it('shows nothing outside noqa comments or in strings', async () => {
    assert.strictEqual(await hoverAt(SOURCE.indexOf('except')), null);
    assert.strictEqual(await hoverAt(SOURCE.lastIndexOf('E722') + 1), null);
  });
});
