import { createHash } from 'crypto';
import type { TempProject } from './cliHarness';

/** The cache's results (server/src/cli/cache.ts), read and written here as this test suite's own code: what pyreview must accept, and notice. */
export const RESULTS_FILE = '.pyreview_cache/results.bin';

/** A finding as the JSON report prints it, which is how the results file keeps it. */
export type ReportedItem = { code: string; message: string; fix: Record<string, unknown> | null } & Record<string, unknown>;

export interface ResultsEntry {
  content: string;
  summary?: string;
  workspace?: string;
  workspaceQueries?: Array<{ member: string; args: unknown[]; answer: string }>;
  /** As items; text is written as it is (text that is no findings, for a test). */
  findings: ReportedItem[] | string;
}

export interface Results {
  version: string;
  entries: Record<string, ResultsEntry>;
}

const NEWLINE = 0x0a;

/** A line with the SHA-256 (hex) of the rest of the file, a line of JSON with each entry's findings as [offset, length] into what follows: their JSON report text. */
export function readResults(project: TempProject): Results & { entries: Record<string, ResultsEntry & { findings: ReportedItem[] }> } {
  const bytes = project.readBytes(RESULTS_FILE);
  const digestEnd = bytes.indexOf(NEWLINE);
  const headerEnd = bytes.indexOf(NEWLINE, digestEnd + 1);
  const header = JSON.parse(bytes.toString('utf8', digestEnd + 1, headerEnd)) as { version: string; entries: Record<string, ResultsEntry & { findings: [number, number] }> };
  const texts = bytes.subarray(headerEnd + 1);
  const entries = Object.fromEntries(Object.entries(header.entries).map(([file, entry]) => {
    const [offset, length] = entry.findings;
    return [file, { ...entry, findings: JSON.parse(`[${texts.toString('utf8', offset, offset + length)}]`) as ReportedItem[] }];
  }));
  return { version: header.version, entries };
}

/** Writes results as pyreview does; `keepHash` keeps the hash line of the file it replaces, as an edit by hand would. */
export function writeResults(project: TempProject, results: Results, { keepHash = false } = {}): void {
  const texts: Buffer[] = [];
  let offset = 0;
  const entries = Object.fromEntries(Object.entries(results.entries).map(([file, entry]) => {
    const text = Buffer.from(typeof entry.findings === 'string' ? entry.findings : JSON.stringify(entry.findings, null, 2).slice(2, -2));
    texts.push(text);
    offset += text.length;
    return [file, { ...entry, findings: [offset - text.length, text.length] }];
  }));
  const rest = Buffer.concat([Buffer.from(`${JSON.stringify({ version: results.version, entries })}\n`), ...texts]);
  const hash = keepHash ? project.readBytes(RESULTS_FILE).toString('latin1').split('\n')[0] : createHash('sha256').update(rest).digest('hex');
  project.write(RESULTS_FILE, Buffer.concat([Buffer.from(`${hash}\n`), rest]));
}

/** Rewrites every cached finding's message, so that a test can tell cached results from fresh ones. */
export function poisonResults(project: TempProject, edit: (results: Results) => void = () => undefined, options: { keepHash?: boolean } = {}): void {
  const results = readResults(project);
  for (const entry of Object.values(results.entries)) for (const item of entry.findings) item.message = 'FROM CACHE';
  edit(results);
  writeResults(project, results, options);
}
