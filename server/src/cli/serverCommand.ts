/** `pyreview server`: the language server reads `--stdio` / `--node-ipc` / `--socket` from the arguments itself. */
export function startLanguageServer(): void {
  // Required here, not imported at the top: `pyreview check` must not load the LSP libraries.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const server = require('../server') as typeof import('../server');
  server.startServer();
}
