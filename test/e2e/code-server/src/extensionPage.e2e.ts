/**
 * The extension's page as a user meets it in the Extensions view of real VS Code (code-server
 * 4.100.3): the .vsix installed into a fresh profile shows its icon, and its Details tab shows
 * EXTENSION.md with the screenshots loaded from inside the package (no network). The page is
 * saved to test-artifacts/vscode-extension-page.png.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { VsCodeSession } from './session';
import { Workbench, waitUntil } from './workbench';

const PAGE_TITLE = 'pyreview for VS Code';

interface ImageState {
  src: string;
  width: number;
}

describe('VS Code (code-server): the extension page in the Extensions view', function () {
  this.timeout(180_000);
  let home: string;
  let session: VsCodeSession;
  let workbench: Workbench;

  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-extension-page-'));
    const folder = path.join(home, 'project');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'app.py'), 'import os\n');
    session = await VsCodeSession.open(home, folder, { width: 1280, height: 1000 });
    workbench = session.workbench;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`vscode-extension-page-failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await session?.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('lists the installed extension with its icon and opens its page on EXTENSION.md, screenshots loaded', async () => {
    const page = workbench.page;
    await workbench.runCommand('Extensions: Show Enabled Extensions');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'pyreview' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    // The icon in the list: the packaged PNG, loaded (not the default icon, which has no image).
    await waitUntil('the icon in the list', () => row.locator('img.icon').evaluate((img) => (img as HTMLImageElement).naturalWidth), (width) => width > 0);
    await row.click();

    await page.waitForSelector('.extension-editor .header .name', { timeout: 30_000 });
    assert.strictEqual((await page.textContent('.extension-editor .header .name'))?.trim(), 'pyreview');
    const headerIcon = await waitUntil(
      'the icon in the page header',
      () => page.$eval('.extension-editor .header img.icon', (img) => ({ src: (img as HTMLImageElement).src, width: (img as HTMLImageElement).naturalWidth })),
      (icon: ImageState) => icon.width > 0,
    );
    assert.match(headerIcon.src, /icon\.png/);

    const readme = await waitUntil('the README in a webview', () => readmeFrame(workbench), (frame) => frame !== undefined, 60_000);
    const text = await readme!.locator('body').innerText();
    assert.ok(text.includes('Fix on save'), text);
    assert.ok(text.includes('pyreview.unsafeFixes'), 'the settings table');
    assert.ok(!/npm ci|scripts\/test\.sh/.test(text), 'the developer README is shown');
    const images = await waitUntil(
      'the screenshots loaded',
      () => readme!.$$eval('img', (elements) => elements.map((img) => ({ src: (img as HTMLImageElement).src, width: (img as HTMLImageElement).naturalWidth }))),
      (list: ImageState[]) => list.length >= 2 && list.every((image) => image.width > 0),
    );
    assert.ok(images.every((image) => image.src.startsWith('data:image/png;base64,')), 'the screenshots come from inside the .vsix');
    await workbench.screenshot('vscode-extension-page');
  });
});

/** The webview frame that renders the extension's README, once it shows the page's title. */
async function readmeFrame(workbench: Workbench): Promise<Frame | undefined> {
  for (const frame of workbench.page.frames()) {
    if (frame === workbench.page.mainFrame()) continue;
    const title = await frame.locator('h1').first().innerText({ timeout: 500 }).catch(() => '');
    if (title.includes(PAGE_TITLE)) return frame;
  }
  return undefined;
}
