/**
 * Any LSP editor: Neovim 0.7's built-in LSP client (Debian's `neovim`) runs the real server
 * with `pyreview server --stdio`, shows its diagnostics, applies a quick fix and writes the file.
 */
import { checkNeovim } from './editorChecks';

describe('Neovim 0.7 built-in LSP client', function () {
  this.timeout(60_000);

  it('shows diagnostics, applies a quick fix and writes the fixed file', () => checkNeovim());
});
