/**
 * The repository's pre-commit hooks (.pre-commit-hooks.yaml) with Debian's `pre-commit`, in a
 * throw-away Git repository: pre-commit clones this checkout (a snapshot of its working tree,
 * committed), installs it as a node hook environment with the system Node.js, and runs on `git commit`.
 * npm fetches the build's dependencies from its cache where it can (`prefer-offline`).
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

const GIT_IDENTITY = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  const result = run('git', args, cwd, { ...process.env, ...GIT_IDENTITY, ...env });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.output}`);
  return result.output;
}

/** The checkout's working tree as it is (tracked and untracked files, not ignored ones), committed in a new repository; returns the commit. */
function snapshotCheckout(into: string): string {
  fs.mkdirSync(into);
  const files = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT).split('\0').filter(Boolean);
  for (const file of files) {
    const source = path.join(REPO_ROOT, file);
    if (!fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    fs.copyFileSync(source, path.join(into, file));
  }
  git(['init', '-q'], into);
  git(['add', '-A'], into);
  git(['commit', '-q', '-m', 'snapshot'], into);
  return git(['rev-parse', 'HEAD'], into).trim();
}

describe('pre-commit hooks with Debian\'s pre-commit', function () {
  this.timeout(900_000);
  let dir: string;
  let hookRepo: string;
  let rev: string;
  let project: string;
  let env: NodeJS.ProcessEnv;

  const configure = (hook: string) => {
    fs.writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: ${hook}\n`);
    git(['add', '.pre-commit-config.yaml'], project);
  };
  const commit = (message: string) => run('git', ['commit', '-m', message], project, env);

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-pre-commit-')));
    hookRepo = path.join(dir, 'pyreview');
    rev = snapshotCheckout(hookRepo);
    project = path.join(dir, 'project');
    fs.mkdirSync(project);
    git(['init', '-q'], project);
    env = { ...process.env, ...GIT_IDENTITY, PRE_COMMIT_HOME: path.join(dir, 'pre-commit-home'), npm_config_prefer_offline: 'true' };
    configure('pyreview');
    assert.strictEqual(run('pre-commit', ['install'], project, env).status, 0);
    // The hook environment is built once (npm install, npm pack, npm install -g) and used by both hooks.
    const install = run('pre-commit', ['install-hooks'], project, env);
    assert.strictEqual(install.status, 0, install.output);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a commit that adds an unused import, naming the finding', () => {
    fs.writeFileSync(path.join(project, 'app.py'), 'import os\n\n\ndef greet(name):\n    return "Hello " + name\n');
    git(['add', 'app.py'], project);
    const refused = commit('add app.py');
    assert.notStrictEqual(refused.status, 0, refused.output);
    assert.match(refused.output, /app\.py:1:8: F401 'os' imported but unused/);
    assert.throws(() => git(['rev-parse', 'HEAD'], project));
  });

  it('pyreview-fix rewrites the file; the fixed file then commits', () => {
    configure('pyreview-fix');
    const refused = commit('add app.py');
    assert.notStrictEqual(refused.status, 0, refused.output);
    assert.match(refused.output, /files were modified by this hook/);
    const fixed = fs.readFileSync(path.join(project, 'app.py'), 'utf8');
    assert.ok(!fixed.includes('import os') && fixed.includes('def greet(name):'), fixed);
    git(['add', 'app.py'], project);
    const accepted = commit('add app.py');
    assert.strictEqual(accepted.status, 0, accepted.output);
  });

  it('passes a clean commit', () => {
    configure('pyreview');
    fs.writeFileSync(path.join(project, 'names.py'), 'NAMES = ["a", "b"]\n');
    git(['add', 'names.py'], project);
    const accepted = commit('add names.py');
    assert.strictEqual(accepted.status, 0, accepted.output);
    assert.match(accepted.output, /pyreview\.+Passed/);
  });
});
