/**
 * Any LSP editor: Neovim 0.7's built-in client (Debian's `neovim`) runs the real server
 * with `pyreview server --stdio`, shows its diagnostics, applies a quick fix and writes the file.
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

const LUA_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'neovim', 'lspRoundTrip.lua');
const SERVER_COMMAND = [process.execPath, path.join(REPO_ROOT, 'server', 'bin', 'pyreview.js'), 'server', '--stdio'];

const SOURCE = [
  'import os',
  '',
  '',
  'def read(path):',
  '    try:',
  '        return open(path).read()',
  '    except:',
  '        return None',
  '',
].join('\n');

interface NeovimResult {
  before: string[];
  after: string[];
  actions: string[];
  applied?: string;
  diagnostics_updated?: boolean;
  error?: string;
}

function runNeovim(file: string): Promise<{ result: NeovimResult; stderr: string }> {
  const env = {
    ...process.env,
    PYREVIEW_SERVER_CMD: JSON.stringify(SERVER_COMMAND),
    PYREVIEW_FILE: file,
    PYREVIEW_FIX_CODE: 'E722',
    PYREVIEW_FIX_TITLE: 'Replace with `except Exception:`',
  };
  const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA_SCRIPT}`], { env });
  let stdout = '';
  let stderr = '';
  nvim.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  nvim.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => nvim.kill('SIGKILL'), 40_000);
    nvim.on('error', reject);
    nvim.on('close', () => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith('{'));
      if (!line) return reject(new Error(`Neovim printed no result.\nstdout: ${stdout}\nstderr: ${stderr}`));
      resolve({ result: JSON.parse(line) as NeovimResult, stderr });
    });
  });
}

describe('Neovim 0.7 built-in LSP client', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-nvim-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows diagnostics, applies a quick fix and writes the fixed file', async () => {
    const file = path.join(dir, 'reader.py');
    fs.writeFileSync(file, SOURCE);
    const { result, stderr } = await runNeovim(file);
    assert.strictEqual(result.error, undefined, `${result.error}\n${stderr}`);

    assert.deepStrictEqual(result.before.filter((code) => ['E722', 'F401'].includes(code)), ['E722', 'F401']);
    assert.ok(result.actions.includes('Ignore E722 on this line'), result.actions.join(', '));
    assert.match(result.applied ?? '', /Replace with `except Exception:`/);

    assert.strictEqual(fs.readFileSync(file, 'utf8'), SOURCE.replace('    except:', '    except Exception:'));
    assert.strictEqual(result.diagnostics_updated, true);
    assert.ok(!result.after.includes('E722'), result.after.join(', '));
  });
});
