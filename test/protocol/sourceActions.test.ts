/** `source.organizeImports.pyreview` and return-type inlay hints, through the real server. */
import * as assert from 'assert';
import type { LspClient } from '../helpers/lspClient';
import { applyTextEdits } from '../helpers/lspText';
import { serverInWorkspace, startClient, tempWorkspace, until } from './session';

interface Action {
  title: string;
  kind: string;
  edit: { changes: Record<string, Array<{ range: unknown; newText: string }>> };
}

interface Hint {
  position: { line: number; character: number };
  label: string;
  textEdits?: Array<{ range: unknown; newText: string }>;
}

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('protocol: organize imports and inlay hints', () => {
  let client: LspClient;
  const workspace = tempWorkspace();
  let counter = 0;

  before(async () => {
    client = await startClient({ settings: { inlayHints: { returnTypes: true }, targetVersion: 'py39' } });
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  async function open(text: string): Promise<string> {
    const uri = workspace.uri(`source${++counter}.py`);
    client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    return uri;
  }

  it('sorts the import block in isort order as one edit', async () => {
    const text = 'import sys\nimport yaml\nimport os\nfrom __future__ import annotations\n\nprint(os, sys, yaml)\n';
    const uri = await open(text);
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri }, range: WHOLE_FILE, context: { diagnostics: [], only: ['source.organizeImports'] },
    });
    const organize = actions.find((action) => action.kind === 'source.organizeImports.pyreview');
    assert.ok(organize, `no organize-imports action among ${JSON.stringify(actions.map((a) => a.kind))}`);
    assert.strictEqual(organize.title, 'pyreview: Organize imports');
    const result = applyTextEdits(text, organize.edit.changes[uri] as never, 'utf-16');
    assert.strictEqual(result, 'from __future__ import annotations\n\nimport os\nimport sys\n\nimport yaml\n\nprint(os, sys, yaml)\n');
  });

  it('offers no organize-imports action when the imports are sorted', async () => {
    const uri = await open('import os\nimport sys\n\nprint(os, sys)\n');
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri }, range: WHOLE_FILE, context: { diagnostics: [], only: ['source.organizeImports'] },
    });
    assert.deepStrictEqual(actions, []);
  });

  it('hints the return types it can infer, with the import they need', async () => {
    const text = [
      'def is_big(x):', '    return x > 1', '',
      'def nothing():', '    pass', '',
      'def maybe(flag):', '    if flag:', '        return "yes"', '    return None', '',
      'def unknown():', '    return compute()', '',
      'def typed() -> int:', '    return 1', '',
      'class Box:', '    def __len__(self):', '        return self.size', '',
    ].join('\n');
    const uri = await open(text);
    const hints = await client.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE_FILE });
    assert.deepStrictEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [
      [0, 13, '-> bool'],
      [3, 13, '-> None'],
      [6, 15, '-> Optional[str]'],
      [18, 21, '-> int'],
    ]);
    const inserted = applyTextEdits(text, hints[2].textEdits as never, 'utf-16');
    assert.match(inserted, /^from typing import Optional\n/);
    assert.match(inserted, /def maybe\(flag\) -> Optional\[str\]:/);
  });
});

describe('protocol: organize imports in a workspace', () => {
  const HANDLER = 'import os\n\nfrom placement import exception\nimport sqlalchemy as sa\n\nprint(os, exception, sa)\n';
  const suite = serverInWorkspace({
    'placement/__init__.py': '',
    'placement/exception.py': 'class NotFound(Exception):\n    pass\n',
    'placement/handler.py': HANDLER,
  }, { extendSelect: ['I001'] });

  it('sorts the workspace’s own packages as first-party, as I001 does', async () => {
    const { client, workspace } = suite;
    const uri = workspace.uri('placement/handler.py');
    client.open(uri, HANDLER, 1);
    await client.waitForDiagnostics(uri, 1);
    const expected = 'import os\n\nimport sqlalchemy as sa\n\nfrom placement import exception\n\nprint(os, exception, sa)\n';
    // The workspace is indexed in the background after `initialized`.
    const organized = await until('imports sorted with placement as first-party', async () => {
      const actions = await client.request<Action[]>('textDocument/codeAction', {
        textDocument: { uri }, range: WHOLE_FILE, context: { diagnostics: [], only: ['source.organizeImports'] },
      });
      const result = actions[0] && applyTextEdits(HANDLER, actions[0].edit.changes[uri] as never, 'utf-16');
      return result === expected ? result : undefined;
    });
    assert.strictEqual(organized, expected);
    // The quick fix of I001 sorts the same way (fix-all and the action must not undo each other).
    await until('I001 fixed the same way', async () => {
      const i001 = client.diagnosticsFor(uri).at(-1)!.diagnostics.find((d) => d.code === 'I001');
      if (!i001) return undefined;
      const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: i001.range, context: { diagnostics: [i001], only: ['quickfix'] } });
      const fix = actions.find((action) => action.title.startsWith('pyreview (I001)') && action.edit?.changes[uri] && !action.title.endsWith('Ignore on this line'));
      return fix && applyTextEdits(HANDLER, fix.edit.changes[uri] as never, 'utf-16') === expected ? true : undefined;
    });
  });
});
