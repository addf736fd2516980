import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CodeServer } from './codeServer';
import { REPO_ROOT } from './paths';
import { Workbench } from './workbench';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The .vsix `npm run package` wrote for the version in package.json. */
function vsixPath(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return path.join(REPO_ROOT, `pyreview-${version}.vsix`);
}

/** code-server with the packaged extension installed in a fresh profile under `home`, and Chromium showing `folder`. */
export class VsCodeSession {
  private constructor(
    readonly server: CodeServer,
    readonly browser: BrowserContext,
    readonly workbench: Workbench,
  ) {}

  static async open(home: string, folder: string, viewport = { width: 1280, height: 800 }): Promise<VsCodeSession> {
    const server = new CodeServer(home);
    assert.match(await server.installExtension(vsixPath()), /successfully installed/);
    await server.start();
    const browser = await chromium.launchPersistentContext(path.join(home, 'chromium'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport,
      args: CHROMIUM_ARGS,
    });
    const workbench = new Workbench(browser.pages()[0] ?? (await browser.newPage()));
    await workbench.open(server.url, folder);
    return new VsCodeSession(server, browser, workbench);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }
}
