import { execFile, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { promisify } from 'util';

const CODE_SERVER_BIN = path.join(__dirname, '..', 'node_modules', '.bin', 'code-server');

/** Settings that keep a fresh VS Code from opening welcome pages and tips over the editor, and log pyreview's messages. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'window.restoreWindows': 'none',
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'pyreview.trace.server': 'messages',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, process: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`code-server exited with ${process.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/** A code-server with its own profile, extensions and XDG folders under `home`. */
export class CodeServer {
  private process: ChildProcess | undefined;
  url = '';

  constructor(private readonly home: string) {}

  private get env(): NodeJS.ProcessEnv {
    return { ...process.env, XDG_CONFIG_HOME: path.join(this.home, 'config'), XDG_DATA_HOME: path.join(this.home, 'data') };
  }

  private args(port: number): string[] {
    return [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', path.join(this.home, 'user-data'),
      '--extensions-dir', path.join(this.home, 'extensions'),
      '--config', path.join(this.home, 'config.yaml'),
    ];
  }

  /** The profile both the installer and the server read; written before either runs. */
  private writeProfile(): void {
    fs.mkdirSync(path.join(this.home, 'user-data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(this.home, 'user-data', 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    fs.writeFileSync(path.join(this.home, 'config.yaml'), 'auth: none\ncert: false\n');
  }

  async installExtension(vsix: string): Promise<string> {
    this.writeProfile();
    const { stdout } = await promisify(execFile)(CODE_SERVER_BIN, [...this.args(0), '--install-extension', vsix], { env: this.env });
    return stdout;
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.writeProfile();
    const log = fs.openSync(path.join(this.home, 'code-server.log'), 'w');
    this.process = spawn(CODE_SERVER_BIN, this.args(port), { env: this.env, stdio: ['ignore', log, log] });
    this.url = `http://127.0.0.1:${port}`;
    await waitForHealth(this.url, this.process, 60_000);
  }

  /** The text of an extension's log output channel (`name`), or '' before it exists. */
  extensionLog(extensionId: string, name: string): string {
    const logs = path.join(this.home, 'user-data', 'logs');
    const files = fs.existsSync(logs) ? (fs.readdirSync(logs, { recursive: true }) as string[]) : [];
    const log = files.find((file) => path.basename(path.dirname(file)) === extensionId && path.basename(file) === `${name}.log`);
    return log ? fs.readFileSync(path.join(logs, log), 'utf8') : '';
  }

  /** Process ids of language servers started from an extension installed in this profile. */
  async extensionServerPids(serverScript: string): Promise<number[]> {
    const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,args=']);
    const script = path.join(this.home, 'extensions');
    return stdout
      .split('\n')
      .filter((line) => line.includes(script) && line.includes(serverScript))
      .map((line) => Number.parseInt(line.trim(), 10));
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
