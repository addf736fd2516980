import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeCacheDirectory, requireWithCodeCache } from 'pyreview-server/out/codeCache';

/** A CommonJS module that uses what `require` gives a module, with a function to be compiled by calling it. */
const MODULE_SOURCE = `'use strict';
const path = require('path');
exports.where = { file: __filename, dir: __dirname, joined: path.join(__dirname, 'x') };
exports.fib = function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); };
module.exports.self = module.exports === exports;
`;

/** Loads `file` in a fresh node process, as a server start does (V8 keeps compiled code per process), and saves the cache when asked. */
function loadInProcess(file: string, directory: string | undefined, save = true): { cache: string; saved: boolean; exports: unknown } {
  const script = `
    const { requireWithCodeCache } = require(${JSON.stringify(require.resolve('pyreview-server/out/codeCache'))});
    const loaded = requireWithCodeCache(process.argv[1], process.argv[2] || undefined);
    const { where, fib, self } = loaded.exports;
    const exports = { where, fib10: fib(10), self };
    console.log(JSON.stringify({ cache: loaded.cache, saved: process.argv[3] === 'save' && loaded.saveCache(), exports }));`;
  const result = spawnSync(process.execPath, ['-e', script, file, directory ?? '', save ? 'save' : ''], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the process ended with ${result.signal ?? `code ${result.status}`}: ${result.stderr}`);
  return JSON.parse(result.stdout) as { cache: string; saved: boolean; exports: unknown };
}

describe('code cache', () => {
  let dir: string;
  let file: string;
  let cacheDir: string;
  const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);
  /** Loads the module, checks what it exported, and tells what became of the cache. */
  const loadFrom = (directory: string | undefined, save = true) => {
    const loaded = loadInProcess(file, directory, save);
    assert.deepStrictEqual(loaded.exports, { where: { file, dir, joined: path.join(dir, 'x') }, fib10: 55, self: true });
    return { cache: loaded.cache, saved: loaded.saved };
  };
  const load = (save = true) => loadFrom(cacheDir, save);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-code-cache-'));
    file = path.join(dir, 'module.js');
    cacheDir = path.join(dir, 'cache');
    fs.writeFileSync(file, MODULE_SOURCE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a file as require does, caches it, and uses the cache on the next load', () => {
    assert.deepStrictEqual(load(false), { cache: 'missing', saved: false });
    assert.deepStrictEqual(cacheFiles(), [], 'nothing is written before saveCache()');
    assert.deepStrictEqual(load(), { cache: 'missing', saved: true });
    assert.strictEqual(cacheFiles().length, 1);
    assert.deepStrictEqual(load(), { cache: 'accepted', saved: false }, 'an accepted cache is kept');
  });

  it('is written once per load', () => {
    const loaded = requireWithCodeCache(file, cacheDir);
    assert.strictEqual(loaded.saveCache(), true);
    assert.strictEqual(loaded.saveCache(), false);
  });

  it('ignores a damaged cache and replaces it', () => {
    load();
    const [name] = cacheFiles();
    const cached = fs.readFileSync(path.join(cacheDir, name));
    for (const damaged of [Buffer.from('not a cache'), Buffer.alloc(0), cached.subarray(0, cached.length - 7), Buffer.from(cached).fill(0x5a, cached.length - 20)]) {
      fs.writeFileSync(path.join(cacheDir, name), damaged);
      assert.deepStrictEqual(load(), { cache: 'rejected', saved: true });
      assert.deepStrictEqual(load(), { cache: 'accepted', saved: false });
    }
  });

  it('replaces a cache V8 refuses', () => {
    // An intact cache of other code, stored under this file's name: V8 sees that the source differs.
    const other = path.join(dir, 'other.js');
    fs.writeFileSync(other, `${MODULE_SOURCE}exports.more = [1, 2, 3].map((n) => n * 2);\n`);
    loadInProcess(other, path.join(dir, 'other-cache'));
    load();
    const [otherName] = fs.readdirSync(path.join(dir, 'other-cache'));
    const [name] = cacheFiles();
    fs.copyFileSync(path.join(dir, 'other-cache', otherName), path.join(cacheDir, name));

    assert.deepStrictEqual(load(), { cache: 'rejected', saved: true });
    assert.deepStrictEqual(load(), { cache: 'accepted', saved: false });
  });

  it('gives a changed file a new cache and removes the old one', () => {
    load();
    const [before] = cacheFiles();
    fs.appendFileSync(file, 'exports.extra = true;\n');
    assert.deepStrictEqual(load(), { cache: 'missing', saved: true });
    const after = cacheFiles();
    assert.strictEqual(after.length, 1);
    assert.notStrictEqual(after[0], before);
  });

  it('runs without a cache when there is no directory or it cannot be written', () => {
    assert.deepStrictEqual(loadFrom(undefined), { cache: 'disabled', saved: false });
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    assert.deepStrictEqual(loadFrom(path.join(blocked, 'cache')), { cache: 'missing', saved: false });
  });

  it('does not write through links planted in the cache directory', () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    const hash = createHash('sha256').update(MODULE_SOURCE).digest('hex').slice(0, 16);
    const cacheFile = path.join(cacheDir, `module-${hash}.v8cache`);
    fs.mkdirSync(cacheDir);
    // This process writes the cache: a link at the temporary name it would have used, and at the cache's own name.
    fs.symlinkSync(victim, `${cacheFile}.${process.pid}.tmp`);
    fs.symlinkSync(victim, cacheFile);
    const loaded = requireWithCodeCache(file, cacheDir);
    assert.strictEqual(loaded.cache, 'missing', 'a link is not read');
    assert.strictEqual(loaded.saveCache(), true);
    assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious\n');
    assert.ok(fs.lstatSync(cacheFile).isFile(), 'the link at the cache\'s name was replaced, not written through');
  });

  it('neither reads nor writes a cache directory that is a symbolic link', () => {
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(elsewhere, cacheDir);
    assert.deepStrictEqual(load(), { cache: 'disabled', saved: false });
    assert.deepStrictEqual(fs.readdirSync(elsewhere), []);
  });

  it('lets errors of the module itself through', () => {
    fs.writeFileSync(file, 'throw new Error("broken module");\n');
    assert.throws(() => requireWithCodeCache(file, cacheDir), /broken module/);
  });

  describe('directory', () => {
    const home = path.resolve('/home/user');

    it('is PYREVIEW_CODE_CACHE_DIR when set, and none when it is empty', () => {
      assert.strictEqual(codeCacheDirectory({ PYREVIEW_CODE_CACHE_DIR: path.resolve('/tmp/cc') }, 'linux', home), path.resolve('/tmp/cc'));
      assert.strictEqual(codeCacheDirectory({ PYREVIEW_CODE_CACHE_DIR: '' }, 'linux', home), undefined);
    });

    it('is the platform cache directory otherwise', () => {
      assert.strictEqual(codeCacheDirectory({}, 'linux', home), path.join(home, '.cache', 'pyreview'));
      assert.strictEqual(codeCacheDirectory({ XDG_CACHE_HOME: path.resolve('/xdg') }, 'linux', home), path.join(path.resolve('/xdg'), 'pyreview'));
      assert.strictEqual(codeCacheDirectory({ XDG_CACHE_HOME: 'relative' }, 'linux', home), path.join(home, '.cache', 'pyreview'), 'XDG paths must be absolute');
      assert.strictEqual(codeCacheDirectory({}, 'darwin', home), path.join(home, 'Library', 'Caches', 'pyreview'));
      assert.strictEqual(codeCacheDirectory({ LOCALAPPDATA: path.resolve('/appdata') }, 'win32', home), path.join(path.resolve('/appdata'), 'pyreview', 'Cache'));
      assert.strictEqual(codeCacheDirectory({}, 'win32', home), undefined);
      assert.strictEqual(codeCacheDirectory({}, 'linux', ''), undefined);
    });
  });
});
