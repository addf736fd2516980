/**
 * The headless-editor sessions and what each must show, for any way of starting the server:
 * run against this checkout's build (neovim.test.ts, emacs.test.ts) and against the npm
 * package installed on PATH (test/install/npmPackage.test.ts).
 */
import * as assert from 'assert';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { FIXED_SOURCE, FIX_TITLE, roundTrip, type ServerLaunch } from './editorRoundTrip';

const LUA_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'neovim', 'lspRoundTrip.lua');
const ELISP_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'emacs', 'lspRoundTrip.el');
const LSP_MODE_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'emacs', 'lspModeDiagnostics.el');

/** Neovim 0.7's built-in client shows the diagnostics, applies a quick fix and writes the fixed file. */
export async function checkNeovim(server?: ServerLaunch): Promise<void> {
  const { result, stderr, written } = await roundTrip('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA_SCRIPT}`], server);
  assert.strictEqual(result.error, undefined, `${result.error}\n${stderr}`);

  assert.deepStrictEqual(result.before.filter((code) => ['E722', 'F401'].includes(code)), ['E722', 'F401']);
  assert.ok(result.actions.includes('pyreview (E722): Ignore on this line'), result.actions.join(', '));
  assert.ok(result.applied?.includes(FIX_TITLE), result.applied);

  assert.strictEqual(written, FIXED_SOURCE);
  assert.strictEqual(result.diagnostics_updated, true);
  assert.ok(!result.after.includes('E722'), result.after.join(', '));
}

/** Emacs with eglot takes its settings, shows diagnostics at the right columns, applies a quick fix and re-checks the saved file. */
export async function checkEmacs(server?: ServerLaunch): Promise<void> {
  const { result, stderr, written } = await roundTrip('emacs', ['--batch', '-q', '-l', ELISP_SCRIPT], server);
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
}

/** Emacs with lsp-mode, the client registered as the README says, receives the diagnostics. */
export async function checkLspMode(server?: ServerLaunch): Promise<void> {
  const { result, stderr } = await roundTrip('emacs', ['--batch', '-q', '-l', LSP_MODE_SCRIPT], server);
  assert.strictEqual(result.error, undefined, `${result.error}\n${stderr}`);
  assert.deepStrictEqual(result.servers, ['pyreview']);
  assert.deepStrictEqual(result.before, ['E722', 'F401', 'S307']);
}
