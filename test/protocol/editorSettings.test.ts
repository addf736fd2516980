/**
 * What the VS Code extension (and ruff-vscode's users) expect of the server:
 * a version, rule documentation that the client ships, snippet fixes, debug
 * information, and the editor-only settings `configuration`, `exclude`,
 * `fixAll`, `organizeImports`, `logLevel` and `logFile`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { LspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';
import { startClient, tempWorkspace, until } from './session';

const BARE_EXCEPT = 'try:\n    run()\nexcept:\n    pass\n';

interface Action {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
  edit?: unknown;
}

describe('protocol: editor integration', () => {
  const workspace = tempWorkspace();
  let client: LspClient | undefined;
  let counter = 0;
  after(() => workspace.cleanup());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  async function start(settings: Record<string, unknown> = {}, initializationOptions?: unknown): Promise<LspClient> {
    client = await startClient({ rootUri: pathToFileURL(workspace.dir).href, settings, initializationOptions });
    return client;
  }

  async function open(text: string, name = `file${++counter}.py`) {
    const uri = workspace.uri(name);
    client!.open(uri, text, 1);
    return { uri, diagnostics: (await client!.waitForDiagnostics(uri, 1)).diagnostics };
  }

  const codeActions = (uri: string, diagnostics: unknown[], only?: string[]) =>
    client!.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only },
    });

  it('tells its version in serverInfo and in its first log line', async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    await start();
    assert.deepStrictEqual(client!.initializeResult.serverInfo, { name: 'pyreview', version });
    assert.match(client!.logMessages[0]?.message ?? '', new RegExp(`^pyreview ${version.replace(/\./g, '\\.')} language server \\(Node\\.js v\\d+`));
    assert.strictEqual(client!.logMessages[0].type, 3, 'an info message');
  });

  it('links rule codes to the documentation a client ships, and offers it as a quick fix', async () => {
    await start({}, { clientCommands: ['pyreview.showRuleDocumentation'] });
    const { uri, diagnostics } = await open(BARE_EXCEPT);
    const href = diagnostics[0].codeDescription?.href ?? '';
    assert.strictEqual(href, `command:pyreview.showRuleDocumentation?${encodeURIComponent('["E722"]')}`);
    const show = (await codeActions(uri, diagnostics, ['quickfix'])).find((action) => action.command?.command === 'pyreview.showRuleDocumentation');
    assert.deepStrictEqual(show && [show.title, show.command!.arguments], ['pyreview (E722): Show documentation', ['E722']]);
  });

  it('links rule codes to the web page for clients without the command', async () => {
    await start();
    const { uri, diagnostics } = await open(BARE_EXCEPT);
    assert.match(diagnostics[0].codeDescription?.href ?? '', /^https:\/\/.*E722/);
    assert.ok((await codeActions(uri, diagnostics, ['quickfix'])).every((action) => !action.command));
  });

  it('inserts docstring stubs as snippets, the summary the first tab stop, for clients that can', async () => {
    await start({ select: ['D103'] }, { clientCommands: ['pyreview.insertSnippet'] });
    const { uri, diagnostics } = await open('def area(width):\n    return width * 2\n');
    const [stub] = (await codeActions(uri, diagnostics, ['quickfix'])).filter((action) => action.title.includes('docstring'));
    assert.strictEqual(stub.edit, undefined, 'applied by the client command');
    assert.strictEqual(stub.command?.command, 'pyreview.insertSnippet');
    const [target] = stub.command!.arguments as Array<{ uri: string; version: number; snippet: string }>;
    assert.deepStrictEqual([target.uri, target.version], [uri, 1]);
    assert.strictEqual(
      target.snippet,
      '    """${1:TODO: Summarize what `area` does.}\n\n    :param width: ${2:Describe `width`.}\n    :returns: ${3:Describe the return value.}\n    """\n',
    );
  });

  it('starts a snippet at the start of its line, so that the editor indents nothing twice', async () => {
    await start({ select: ['D102'] }, { clientCommands: ['pyreview.insertSnippet'] });
    const { uri, diagnostics } = await open('class Shape:\n    """A shape."""\n\n    def area(self, unit=\'$\'): return self.size * 2\n');
    const [stub] = (await codeActions(uri, diagnostics, ['quickfix'])).filter((action) => action.title.includes('docstring'));
    const [target] = stub.command!.arguments as Array<{ range: { start: { line: number; character: number } }; snippet: string }>;
    assert.deepStrictEqual(target.range.start, { line: 3, character: 0 });
    assert.strictEqual(target.snippet, '    def area(self, unit=\'\\$\'):\n        """${1:TODO: Summarize what `area` does.}\n\n        :param unit: ${2:Describe `unit`.}\n        :returns: ${3:Describe the return value.}\n        """\n        ');
  });

  it('prints debug information: versions, settings in effect, configuration file, documents and index', async () => {
    fs.mkdirSync(path.join(workspace.dir, 'app'), { recursive: true });
    fs.writeFileSync(path.join(workspace.dir, 'app', '__init__.py'), '');
    fs.writeFileSync(path.join(workspace.dir, 'pyproject.toml'), '[tool.pyreview]\nextend-select = ["D1"]\n');
    try {
      await start();
      const { uri } = await open(BARE_EXCEPT, 'app/debug.py');
      await until('the workspace index', async () => (client!.logMessages.some((m) => /indexed \d+ files/.test(m.message)) ? true : undefined));
      const text = await client!.request<string>('workspace/executeCommand', { command: 'pyreview.debugInformation', arguments: [{ textDocument: { uri } }] });
      assert.match(text, /^pyreview \d+\.\d+\.\d+ language server, Node\.js v\d+/);
      assert.ok(text.includes(`configuration file: ${path.join(workspace.dir, 'pyproject.toml')}`), text);
      assert.match(text, /rules enabled \(\d+\): .*D103/);
      assert.ok(text.includes(`${uri}: version 1, 5 lines`), text);
      assert.match(text, /top-level packages: app/);
    } finally {
      fs.rmSync(path.join(workspace.dir, 'pyproject.toml'));
    }
  });

  it('reads the configuration file named by pyreview.configuration instead of the nearest pyproject.toml', async () => {
    fs.mkdirSync(path.join(workspace.dir, 'config'), { recursive: true });
    fs.writeFileSync(path.join(workspace.dir, 'config', 'lint.toml'), '[tool.pyreview]\nseverity = { E722 = "hint" }\n');
    await start({ configuration: '${workspaceFolder}/config/lint.toml' });
    const { diagnostics } = await open(BARE_EXCEPT);
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.severity]), [['E722', 4]]);
  });

  it('checks no file that pyreview.exclude matches', async () => {
    await start({ exclude: ['generated'] });
    assert.deepStrictEqual((await open(BARE_EXCEPT, 'generated/models.py')).diagnostics, []);
    assert.strictEqual((await open(BARE_EXCEPT, 'models.py')).diagnostics.length, 1);
  });

  it('offers fix-all and organize-imports only while pyreview.fixAll and pyreview.organizeImports allow', async () => {
    await start({ select: ['F401'], fixAll: false, organizeImports: false });
    const { uri } = await open('import sys\nimport os\n');
    assert.deepStrictEqual(await codeActions(uri, [], ['source']), []);
    client!.settings = { ...client!.settings, fixAll: true, organizeImports: true };
    client!.notify('workspace/didChangeConfiguration', { settings: null });
    const kinds = await until('both source actions', async () => {
      const found = (await codeActions(uri, [], ['source'])).map((action) => action.kind).sort();
      return found.length === 2 ? found : undefined;
    });
    assert.deepStrictEqual(kinds, ['source.fixAll.pyreview', 'source.organizeImports.pyreview']);
  });

  it('logs at pyreview.logLevel, and to pyreview.logFile', async () => {
    const logFile = path.join(workspace.dir, 'logs', 'server.log');
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    await start({ logLevel: 'debug', logFile });
    const { uri } = await open(BARE_EXCEPT);
    await until('a debug line about the lint', async () => (client!.logMessages.some((m) => m.type === 4 && m.message.includes(`linted ${uri}`)) ? true : undefined));
    assert.match(fs.readFileSync(logFile, 'utf8'), /\[debug\] pyreview: linted file:/);
    client!.settings = { ...client!.settings, logLevel: 'warning' };
    client!.notify('workspace/didChangeConfiguration', { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const logged = client!.logMessages.length;
    client!.change(uri, 2, [{ text: `${BARE_EXCEPT}x = 1\n` }]);
    await client!.waitForDiagnostics(uri, 2);
    assert.deepStrictEqual(client!.logMessages.slice(logged).filter((m) => m.type > 2), [], 'no info or debug messages at level warning');
  });
});
