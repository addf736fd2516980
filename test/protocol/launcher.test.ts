import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { LspClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';
import { expectedDiagnostics, startClient, summarize, tempWorkspace, until } from './session';

const { bundleServer } = require(path.join(REPO_ROOT, 'scripts', 'bundle.js')) as { bundleServer(outDir: string): Promise<void> };

const TEXT = 'try:\n    pass\nexcept:\n    pass\nif True\n    pass\n';

describe('protocol: the shipped launcher and its code cache', function () {
  // Bundling, then several server starts that each wait for the cache to be written.
  this.timeout(120_000);
  const workspace = tempWorkspace();
  const dist = path.join(workspace.dir, 'dist');
  const cacheDir = path.join(workspace.dir, 'cache');
  const started: LspClient[] = [];
  const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache')) : []);

  before(async () => {
    await bundleServer(dist);
    // The extension's manifest, above dist/ as in the .vsix: the server reads its version there.
    fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(workspace.dir, 'package.json'));
  });
  after(() => {
    for (const client of started.splice(0)) client.kill();
    workspace.cleanup();
  });

  /** Starts `node dist/server.js --stdio`, lints a document and returns its diagnostics and the server's log. */
  async function session(waitForCacheWrite: boolean): Promise<{ diagnostics: ReturnType<typeof summarize>; log: string[] }> {
    const client = await startClient({
      args: [path.join(dist, 'server.js'), '--stdio'],
      env: { ...process.env, PYREVIEW_CODE_CACHE_DIR: cacheDir },
    });
    started.push(client);
    const uri = workspace.uri('example.py');
    client.open(uri, TEXT, 1);
    const published = await client.waitForDiagnostics(uri, 1);
    const log = () => client.logMessages.map((m) => m.message);
    if (waitForCacheWrite) await until('the code cache to be written', async () => (log().some((m) => m.startsWith('pyreview: code cache written')) ? true : undefined));
    assert.strictEqual(await client.stop(), 0);
    return { diagnostics: summarize(published.diagnostics), log: log() };
  }

  it('writes a cache after the first lint, uses it next time, and replaces a damaged one', async () => {
    const expected = expectedDiagnostics(TEXT, 'utf-16');
    assert.ok(expected.length >= 2, 'the document has findings');

    const first = await session(true);
    assert.deepStrictEqual(first.diagnostics, expected);
    assert.ok(first.log.includes(`pyreview: code cache missing in ${cacheDir}`), first.log.join('\n'));
    assert.strictEqual(cacheFiles().length, 1);

    const cached = await session(false);
    assert.deepStrictEqual(cached.diagnostics, expected);
    assert.ok(cached.log.includes(`pyreview: code cache accepted in ${cacheDir}`), cached.log.join('\n'));

    const [name] = cacheFiles();
    const file = path.join(cacheDir, name);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.from(bytes).fill(0xa5, bytes.length >> 1));
    const damaged = await session(true);
    assert.deepStrictEqual(damaged.diagnostics, expected);
    assert.ok(damaged.log.includes(`pyreview: code cache rejected in ${cacheDir}`), damaged.log.join('\n'));

    const repaired = await session(false);
    assert.ok(repaired.log.includes(`pyreview: code cache accepted in ${cacheDir}`), repaired.log.join('\n'));
  });

  it('runs without a cache when none can be kept', async () => {
    const client = await startClient({ args: [path.join(dist, 'server.js'), '--stdio'], env: { ...process.env, PYREVIEW_CODE_CACHE_DIR: '' } });
    started.push(client);
    const uri = workspace.uri('plain.py');
    client.open(uri, TEXT, 1);
    assert.deepStrictEqual(summarize((await client.waitForDiagnostics(uri, 1)).diagnostics), expectedDiagnostics(TEXT, 'utf-16'));
    assert.ok(client.logMessages.some((m) => m.message === 'pyreview: no code cache (no cache directory)'));
    assert.strictEqual(await client.stop(), 0);
  });
});
