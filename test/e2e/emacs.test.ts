/**
 * Any LSP editor: Emacs 28 with eglot 1.9 (Debian's `emacs-nox` and `elpa-eglot`) runs the
 * real server, set up as the README's init.el says (`eglot-ensure`, `eglot-server-programs`,
 * settings through `eglot-workspace-configuration`). Flymake shows the diagnostics, at the
 * right columns after non-ASCII characters (eglot counts UTF-16 units); the quick fix is
 * chosen the way `M-x eglot-code-actions` offers it, and the saved file is re-checked.
 */
import * as assert from 'assert';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { FIXED_SOURCE, FIX_TITLE, roundTrip } from './editorRoundTrip';

const ELISP_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'emacs', 'lspRoundTrip.el');

describe('Emacs 28 with eglot', function () {
  this.timeout(60_000);

  it('takes its settings, shows diagnostics at the right columns, applies a quick fix and re-checks the saved file', async () => {
    const { result, stderr, written } = await roundTrip('emacs', ['--batch', '-q', '-l', ELISP_SCRIPT]);
    assert.strictEqual(result.error, undefined, `${result.error}\n${stderr}`);

    assert.deepStrictEqual(result.before, ['E722', 'F401', 'S307']);
    assert.strictEqual(result.span, 'eval');
    // The settings sent as the README shows: F401 lowered from warning to hint (eglot's "note").
    assert.strictEqual(result.f401_type, 'eglot-note');
    assert.ok(result.actions.some((title) => title.includes(FIX_TITLE)), result.actions.join(', '));
    assert.ok(result.actions.includes('pyreview (E722): Ignore on this line'), result.actions.join(', '));

    assert.strictEqual(written, FIXED_SOURCE);
    assert.strictEqual(result.diagnostics_updated, true);
    assert.ok(!result.after.includes('E722'), result.after.join(', '));
  });
});
