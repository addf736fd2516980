/** Shared set-up of the protocol tests: a server per suite, E722/E999 only, and expected diagnostics from an in-process check. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { UserSettings } from '@pyreview/shared-rules';
import { checkText } from '../helpers/checker';
import { LspClient, type LspClientOptions } from '../helpers/lspClient';
import { positionAt, type Encoding, type Position } from '../helpers/lspText';

/** The rules these tests rely on; others are being added and must not change the results here. */
export const RULE_SELECTION = { select: ['E722', 'E999'] };

export function startClient(options: LspClientOptions = {}): Promise<LspClient> {
  return LspClient.start({ ...options, settings: { ...RULE_SELECTION, ...options.settings } });
}

/** A fresh directory with no pyproject.toml, holding `files` (paths relative to it), and URIs of files in it. */
export function tempWorkspace(files: Record<string, string> = {}): { dir: string; uri(name: string): string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-protocol-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return {
    dir,
    uri: (name) => pathToFileURL(path.join(dir, name)).href,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * For the enclosing suite: a workspace holding `files` and a server started on
 * it with `settings` (mocha's before and after hooks); `client` is set once
 * the suite runs.
 */
export function serverInWorkspace(files: Record<string, string>, settings: Record<string, unknown>): { workspace: ReturnType<typeof tempWorkspace>; client: LspClient } {
  const suite = { workspace: tempWorkspace(files), client: undefined as unknown as LspClient };
  before(async () => {
    suite.client = await startClient({ rootUri: pathToFileURL(suite.workspace.dir).href, settings });
  });
  after(async () => {
    await suite.client?.stop();
    suite.workspace.cleanup();
  });
  return suite;
}

export interface DiagnosticSummary {
  code: string;
  message: string;
  range: { start: Position; end: Position };
}

function sorted(list: DiagnosticSummary[]): DiagnosticSummary[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}

/** What the server must publish for `text`: a fresh in-process check, positions converted independently. */
export function expectedDiagnostics(text: string, encoding: Encoding, user: UserSettings = RULE_SELECTION): DiagnosticSummary[] {
  const checked = checkText(text, user);
  return sorted(checked.findings.map((finding) => ({
    code: finding.code,
    message: finding.message,
    range: { start: positionAt(text, finding.start, encoding), end: positionAt(text, finding.end, encoding) },
  })));
}

export function summarize(diagnostics: ReadonlyArray<{ code?: number | string; message: string; range: { start: Position; end: Position } }>): DiagnosticSummary[] {
  return sorted(diagnostics.map((d) => ({ code: String(d.code), message: d.message, range: d.range })));
}

/** Polls `probe` every 50 ms until it gives a value (the server's background work has no event to wait for). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
