/**
 * Any LSP editor: Emacs 28 with eglot 1.9 (Debian's `emacs-nox` and `elpa-eglot`) runs the
 * real server, set up as the README's init.el says (`eglot-ensure`, `eglot-server-programs`,
 * settings through `eglot-workspace-configuration`). Flymake shows the diagnostics, at the
 * right columns after non-ASCII characters (eglot counts UTF-16 units); the quick fix is
 * chosen the way `M-x eglot-code-actions` offers it, and the saved file is re-checked.
 */
import { checkEmacs, checkLspMode } from './editorChecks';

describe('Emacs 28 with eglot', function () {
  this.timeout(60_000);

  it('takes its settings, shows diagnostics at the right columns, applies a quick fix and re-checks the saved file', () => checkEmacs());
});

describe('Emacs 28 with lsp-mode', function () {
  this.timeout(60_000);

  it('registered as the README says, receives the diagnostics', () => checkLspMode());
});
