/**
 * The npm package (`npm pack`), installed globally from its tarball with no network: the
 * `pyreview` command on PATH prints the version, checks the example project as the checkout
 * does (in this thread and in worker threads, cold and from its result and code caches), runs through npx,
 * and serves Neovim and Emacs started with `pyreview server --stdio` as the README's snippets do.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pyreview as checkoutPyreview } from '../cli/cliHarness';
import { checkEmacs, checkLspMode, checkNeovim } from '../e2e/editorChecks';
import { REPO_ROOT } from '../helpers/paths';
import { InstalledPackage } from './installedPackage';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

describe('the npm package installed globally from its tarball, offline', function () {
  this.timeout(300_000);
  let installed: InstalledPackage;
  let project: string;

  before(() => {
    installed = InstalledPackage.install();
    project = path.join(installed.dir, 'examples');
    fs.cpSync(EXAMPLES, project, { recursive: true });
  });
  after(() => installed?.cleanup());

  it('ships the bundled CLI and its launcher, the grammar and no dependencies', () => {
    const packageDir = path.join(installed.prefix, 'lib', 'node_modules', 'pyreview');
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(manifest.dependencies, undefined);
    assert.ok(!fs.existsSync(path.join(packageDir, 'node_modules')));
    assert.deepStrictEqual(fs.readdirSync(path.join(packageDir, 'lib')).filter((file) => file.endsWith('.js')), ['pyreview-cli.js', 'pyreview.js']);
    assert.ok(fs.readdirSync(path.join(packageDir, 'lib')).some((file) => file.endsWith('.wasm')));
    assert.strictEqual(fs.realpathSync(path.join(installed.prefix, 'bin', 'pyreview')), path.join(packageDir, 'lib', 'pyreview.js'));
  });

  it('`pyreview --version` prints the version of the root package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = installed.pyreview(['--version'], installed.dir);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stdout.trim(), version);
  });

  it('`pyreview check` on the examples exits 1 with the findings of the checkout, in one thread, in workers and from its caches', () => {
    const expected = checkoutPyreview(['check', '--no-cache'], project);
    assert.strictEqual(expected.status, 1, expected.stderr);
    assert.match(expected.stdout, /^placement\/objects\/consumer\.py:\d+:\d+: F821 undefined name 'CONSUMER_TBL'$/m);
    assert.match(expected.stdout, /: SQA001 Column `project_id` has no ForeignKey/);
    for (const args of [['check'], ['check', '--jobs', '2', '--no-cache'], ['check']]) {
      const run = installed.pyreview(args, project);
      assert.strictEqual(run.stderr, '', args.join(' '));
      assert.strictEqual(run.status, 1, args.join(' '));
      assert.strictEqual(run.stdout, expected.stdout, args.join(' '));
    }
    assert.ok(fs.existsSync(path.join(project, '.pyreview_cache')));
    // Written by the first check, used by the later ones.
    assert.deepStrictEqual(fs.readdirSync(installed.codeCacheDir).filter((file) => file.startsWith('pyreview-cli-')).length, 1);
  });

  it('`pyreview --version` with no code cache yet writes none: a cache holds what a check compiled', () => {
    fs.rmSync(installed.codeCacheDir, { recursive: true, force: true });
    assert.strictEqual(installed.pyreview(['--version'], installed.dir).status, 0);
    assert.ok(!fs.existsSync(installed.codeCacheDir));
  });

  it('`npx --package TARBALL pyreview check` gives the same findings', () => {
    const run = installed.npx(['check', '--no-cache'], project);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.strictEqual(run.stdout, checkoutPyreview(['check', '--no-cache'], project).stdout);
  });

  describe('`pyreview server --stdio` found on PATH, as the editor snippets start it', () => {
    const launch = () => ({ command: ['pyreview', 'server', '--stdio'], path: installed.path });

    it('Neovim 0.7', () => checkNeovim(launch()));
    it('Emacs 28 with eglot', () => checkEmacs(launch()));
    it('Emacs 28 with lsp-mode', () => checkLspMode(launch()));
  });
});
