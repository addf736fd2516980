import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { LspClient } from '../helpers/lspClient';
import { startClient, tempWorkspace } from './session';

const SOURCE = 'try:\n    import json\nexcept:\n    json = None\n';

describe('protocol: configuration', () => {
  let client: LspClient;
  const workspace = tempWorkspace();
  let counter = 0;

  before(async () => {
    client = await startClient();
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });
  afterEach(() => {
    fs.rmSync(path.join(workspace.dir, 'pyproject.toml'), { force: true });
  });

  async function open(text = SOURCE) {
    const uri = workspace.uri(`config${++counter}.py`);
    client.open(uri, text, 1);
    return { uri, first: await client.waitForDiagnostics(uri, 1) };
  }

  function changeSettings(settings: Record<string, unknown>): void {
    client.settings = { ...client.settings, ...settings };
    client.notify('workspace/didChangeConfiguration', { settings: null });
  }

  function writePyproject(text: string): string {
    const file = path.join(workspace.dir, 'pyproject.toml');
    fs.writeFileSync(file, text);
    return file;
  }

  it('asks for the pyreview section of each document and registers for changes', async () => {
    const { uri } = await open();
    assert.ok(client.configurationRequests.some((request) => request.items.some((item) => item.scopeUri === uri && item.section === 'pyreview')));
    const methods = JSON.stringify(client.registrations);
    assert.match(methods, /workspace\/didChangeConfiguration/);
    assert.match(methods, /pyproject\.toml/);
  });

  it('re-lints open documents when settings change (ignore, severity)', async () => {
    const { uri, first } = await open();
    assert.deepStrictEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['E722', 2]]);
    try {
      changeSettings({ severity: { E722: 'error' } });
      const relinted = await client.waitForDiagnostics(uri);
      assert.deepStrictEqual(relinted.diagnostics.map((d) => [d.code, d.severity]), [['E722', 1]]);
      assert.strictEqual(relinted.version, 1, 'the same version, re-linted');
      changeSettings({ ignore: ['E7'] });
      assert.deepStrictEqual((await client.waitForDiagnostics(uri)).diagnostics, []);
      changeSettings({ enable: false, ignore: null, severity: {} });
      assert.deepStrictEqual((await client.waitForDiagnostics(uri)).diagnostics, [], 'disabled');
    } finally {
      changeSettings({ enable: true, ignore: null, severity: {} });
    }
    assert.deepStrictEqual((await client.waitForDiagnostics(uri)).diagnostics.map((d) => d.code), ['E722']);
  });

  it('lints only on save when run is onSave', async () => {
    changeSettings({ run: 'onSave' });
    try {
      const { uri } = await open();
      client.change(uri, 2, [{ text: 'x = (\n' }]);
      client.notify('textDocument/didSave', { textDocument: { uri } });
      const saved = await client.waitForDiagnostics(uri);
      assert.strictEqual(saved.version, 2);
      assert.deepStrictEqual(saved.diagnostics.map((d) => d.code), ['E999']);
      client.change(uri, 3, [{ text: SOURCE }]);
      client.change(uri, 4, [{ text: 'x = 1\n' }]);
      client.notify('textDocument/didSave', { textDocument: { uri } });
      const next = await client.waitForDiagnostics(uri);
      assert.strictEqual(next.version, 4, 'nothing was published while typing');
      assert.deepStrictEqual(next.diagnostics, []);
    } finally {
      changeSettings({ run: null });
    }
  });

  it('merges [tool.pyreview] with editor settings by configurationPreference', async () => {
    writePyproject('[tool.pyreview]\nseverity = { E722 = "error" }\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('pyproject.toml'), type: 1 }] });
    const severities = async () => (await open()).first.diagnostics.map((d) => d.severity);
    try {
      assert.deepStrictEqual(await severities(), [1], 'pyproject.toml applies');
      changeSettings({ severity: { E722: 'hint' } });
      assert.deepStrictEqual(await severities(), [4], 'editorFirst: the editor wins');
      changeSettings({ configurationPreference: 'filesystemFirst' });
      assert.deepStrictEqual(await severities(), [1], 'filesystemFirst: pyproject.toml wins');
      changeSettings({ configurationPreference: 'editorOnly', severity: {} });
      assert.deepStrictEqual(await severities(), [2], 'editorOnly: pyproject.toml is ignored');
    } finally {
      changeSettings({ configurationPreference: null, severity: {} });
    }
  });

  it('re-lints when a watched pyproject.toml changes', async () => {
    const { uri } = await open();
    writePyproject('[tool.pyreview]\nignore = ["E722"]\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('pyproject.toml'), type: 1 }] });
    assert.deepStrictEqual((await client.waitForDiagnostics(uri)).diagnostics, []);
  });

  it('keeps the valid rest of [tool.pyreview] and shows each mistake on its key in pyproject.toml', async () => {
    const file = writePyproject('[tool.pyreview]\nseverity = { E722 = "hint" }\nextend-selct = ["ANN"]\n');
    const pyproject = workspace.uri('pyproject.toml');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pyproject, type: 2 }] });
    const { first } = await open();
    assert.deepStrictEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['E722', 4]], 'the valid severity applies');
    const [shown] = client.diagnosticsFor(pyproject).slice(-1);
    assert.deepStrictEqual(shown.diagnostics.map(({ range, severity, message }) => ({ range, severity, message })), [{
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } },
      severity: 2,
      message: "extend-selct: unknown setting (did you mean 'extend-select'?)",
    }]);
    assert.ok(!client.shownMessages.some((m) => m.message.includes(file)), 'no notification: the mistake is shown in the file');
    assert.ok(client.logMessages.some((m) => m.message.includes(`${file}:3:1: extend-selct`)), JSON.stringify(client.logMessages));

    const cleared = client.waitForDiagnostics(pyproject);
    writePyproject('[tool.pyreview]\nseverity = { E722 = "hint" }\nextend-select = ["ANN"]\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pyproject, type: 2 }] });
    assert.deepStrictEqual((await cleared).diagnostics, [], 'fixed: the mistake goes away');
  });

  it('warns about editor settings it cannot use, naming them, and applies the rest', async () => {
    try {
      changeSettings({ select: ['NOPE9'], maxComplexity: 'ten', severity: { E722: 'error', E9: 'loud' } });
      const { first } = await open();
      assert.deepStrictEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['E722', 1]], 'not every rule off: the default selection, and the valid severity');
      const warnings = client.shownMessages.filter((m) => m.type === 2).map((m) => m.message);
      for (const expected of [
        "pyreview.select: unknown rule code 'NOPE9': no rule code starts with it; ignored",
        'pyreview.maxComplexity: expected a whole number, got "ten"; ignored',
        'pyreview.severity.E9: expected one of error, warning, info, hint, off, got "loud"; ignored',
      ]) assert.ok(warnings.some((message) => message.includes(expected)), `${expected} in ${JSON.stringify(warnings)}`);
    } finally {
      changeSettings({ select: ['E722', 'E999'], maxComplexity: null, severity: {} });
    }
  });

  it('reports invalid TOML without crashing', async () => {
    const file = writePyproject('[tool.pyreview\nselect = [\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('pyproject.toml'), type: 2 }] });
    const { first } = await open();
    assert.deepStrictEqual(first.diagnostics.map((d) => d.code), ['E722']);
    assert.ok(client.logMessages.some((message) => message.message.includes(`${file}:1`)), JSON.stringify(client.logMessages));
    const [problem] = client.diagnosticsFor(workspace.uri('pyproject.toml')).at(-1)!.diagnostics;
    assert.match(problem.message, /^invalid TOML: /);
  });
});
