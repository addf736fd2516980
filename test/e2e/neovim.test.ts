/**
 * Any LSP editor: Neovim 0.7's built-in client (Debian's `neovim`) runs the real server
 * with `pyreview server --stdio`, shows its diagnostics, applies a quick fix and writes the file.
 */
import * as assert from 'assert';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { FIXED_SOURCE, FIX_TITLE, roundTrip } from './editorRoundTrip';

const LUA_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'neovim', 'lspRoundTrip.lua');

describe('Neovim 0.7 built-in LSP client', function () {
  this.timeout(60_000);

  it('shows diagnostics, applies a quick fix and writes the fixed file', async () => {
    const { result, stderr, written } = await roundTrip('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA_SCRIPT}`]);
    assert.strictEqual(result.error, undefined, `${result.error}\n${stderr}`);

    assert.deepStrictEqual(result.before.filter((code) => ['E722', 'F401'].includes(code)), ['E722', 'F401']);
    assert.ok(result.actions.includes('pyreview (E722): Ignore on this line'), result.actions.join(', '));
    assert.ok(result.applied?.includes(FIX_TITLE), result.applied);

    assert.strictEqual(written, FIXED_SOURCE);
    assert.strictEqual(result.diagnostics_updated, true);
    assert.ok(!result.after.includes('E722'), result.after.join(', '));
  });
});
