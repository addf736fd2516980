/**
 * What the headless-editor tests share: the file they open, the fix they apply, how the
 * editor starts the real server (this checkout's build, or an installed `pyreview` on PATH),
 * and the one JSON line each editor script prints.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

/** A bare `except:` to fix, an unused import, and an `eval` after characters of 2, 1 and 1 UTF-16 units (😀, é, 中). */
export const SOURCE = [
  'import os',
  '',
  '',
  'def read(path):',
  '    label = "é😀中"; value = eval(label)',
  '    try:',
  '        return open(path).read(), value',
  '    except:',
  '        return None',
  '',
].join('\n');

export const FIX_CODE = 'E722';
export const FIX_TITLE = 'Replace with `except Exception:`';
export const FIXED_SOURCE = SOURCE.replace('    except:', '    except Exception:');

/** What an editor script reports: diagnostic codes before and after the fix, and the actions offered. */
export interface RoundTripResult {
  before: string[];
  after: string[];
  actions: string[];
  applied?: string;
  /** The text the editor highlights for the S307 diagnostic, where the script reports it. */
  span?: string;
  /** How the editor shows F401, which the script's configuration makes a hint (Emacs). */
  f401_type?: string;
  diagnostics_updated?: boolean;
  /** The language servers the editor connected to (lsp-mode). */
  servers?: string[];
  error?: string;
}

/** The command line the editor runs the server with, and the PATH it runs it on. */
export interface ServerLaunch {
  command: string[];
  path?: string;
}

/** The server of this checkout's build. */
export const CHECKOUT_SERVER: ServerLaunch = { command: [process.execPath, path.join(REPO_ROOT, 'server', 'bin', 'pyreview.js'), 'server', '--stdio'] };

/** Writes SOURCE to a file in a fresh directory, runs the editor script on it, and returns its report and the file's text afterwards. */
export async function roundTrip(
  command: string,
  args: string[],
  server: ServerLaunch = CHECKOUT_SERVER,
): Promise<{ result: RoundTripResult; stderr: string; written: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pyreview-${command}-`));
  try {
    const file = path.join(dir, 'reader.py');
    fs.writeFileSync(file, SOURCE);
    const { result, stderr } = await runEditor(command, args, file, server);
    return { result, stderr, written: fs.readFileSync(file, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs an editor script against `file` and returns the JSON line it prints on stdout. */
function runEditor(command: string, args: string[], file: string, server: ServerLaunch): Promise<{ result: RoundTripResult; stderr: string }> {
  const env = {
    ...process.env,
    PATH: server.path ?? process.env.PATH,
    PYREVIEW_SERVER_CMD: JSON.stringify(server.command),
    PYREVIEW_FILE: file,
    PYREVIEW_FIX_CODE: FIX_CODE,
    PYREVIEW_FIX_TITLE: FIX_TITLE,
    PYREVIEW_SPAN_CODE: 'S307',
  };
  const editor = spawn(command, args, { env });
  let stdout = '';
  let stderr = '';
  editor.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  editor.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => editor.kill('SIGKILL'), 40_000);
    editor.on('error', reject);
    editor.on('close', () => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith('{'));
      if (!line) return reject(new Error(`${command} printed no result.\nstdout: ${stdout}\nstderr: ${stderr}`));
      resolve({ result: JSON.parse(line) as RoundTripResult, stderr });
    });
  });
}
