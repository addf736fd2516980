import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './paths';

/** Polls `read` until `accept` holds; fails with the last value read. */
export async function waitUntil<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

/** The editors of a notebook's code cells (VS Code renders notebooks over the editor group, not in it). */
const NOTEBOOK_CELL_EDITOR = '.notebook-editor .code-cell-row .cell-editor-container .monaco-editor';

/** Drives one VS Code window in the browser, through what a user sees and types. */
export class Workbench {
  constructor(readonly page: Page) {}

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a file of the folder from the Explorer and waits for its editor. */
  async openFile(name: string): Promise<void> {
    await this.page.click(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`);
    await this.page.waitForSelector(`.tab.active[aria-label^="${name}"]`, { timeout: 30_000 });
    await this.page.waitForSelector('.editor-group-container.active .monaco-editor .view-lines .view-line');
    await this.focusEditor();
  }

  /**
   * Opens a notebook of the folder from the Explorer and waits for its cells' editors. Right after
   * the window loads, before the built-in ipynb extension's notebook type is known, VS Code opens
   * the JSON text instead: that editor is closed and the notebook opened again.
   */
  async openNotebook(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.page.click(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`);
      await this.page.waitForSelector(`.tab.active[aria-label^="${name}"]`, { timeout: 30_000 });
      try {
        await this.page.waitForSelector(`${NOTEBOOK_CELL_EDITOR} .view-lines .view-line`, { timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Control+w');
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
    }
  }

  /** The text of each code cell of the active notebook, in order. */
  async notebookCells(): Promise<string[]> {
    return this.page.$$eval(NOTEBOOK_CELL_EDITOR, (editors) =>
      editors.map((editor) =>
        Array.from(editor.querySelectorAll('.view-lines .view-line'))
          .map((line) => ({ top: parseFloat((line as HTMLElement).style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map((line) => line.text)
          .join('\n')),
    );
  }

  /** How many warning and error squiggles each code cell of the active notebook shows. */
  async notebookSquiggles(): Promise<number[]> {
    return this.page.$$eval(NOTEBOOK_CELL_EDITOR, (editors) => editors.map((editor) => editor.querySelectorAll('.squiggly-warning, .squiggly-error').length));
  }

  /** Puts the cursor on a line of a code cell (0-based), by clicking at the line's end. */
  async clickNotebookLine(cell: number, text: string): Promise<void> {
    const editor = this.page.locator(NOTEBOOK_CELL_EDITOR).nth(cell);
    await editor.locator('.view-lines .view-line', { hasText: text }).first().click();
    await this.page.keyboard.press('End');
  }

  /** Gives the keyboard back to the active editor (after a panel took it). */
  async focusEditor(): Promise<void> {
    await this.page.click('.editor-group-container.active .monaco-editor .view-lines');
  }

  /** The active editor's text; the DOM keeps rendered lines in any order, so sort them by position. */
  async editorText(): Promise<string> {
    const lines = await this.page.$$eval('.editor-group-container.active .monaco-editor .view-lines .view-line', (elements) =>
      elements.map((element) => ({ top: parseFloat((element as HTMLElement).style.top), text: element.textContent ?? '' })),
    );
    return lines
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' '))
      .join('\n');
  }

  /** Puts the cursor at a line and column (1-based) through "Go to Line", and waits until the status bar shows it there. */
  async goToLine(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+g');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitUntil(`the cursor at ${line}:${column}`, () => this.statusBarLabels(), (labels) => labels.some((label) => label.includes(`Ln ${line}, Col ${column}`)), 10_000);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }

  /** Runs a command by its title from the command palette. */
  async runCommand(title: string): Promise<void> {
    // Right after the window opens, some contributions register their commands late, and the
    // palette keeps the list it was opened with: reopen it until the command is listed.
    const listed = (labels: string[]) => labels.some((label) => label.includes(title));
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await this.page.keyboard.type(title);
      try {
        await waitUntil(`"${title}" in the command palette`, () => this.quickPickLabels(), listed, 10_000);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page.keyboard.press('Enter');
  }

  async quickPickLabels(): Promise<string[]> {
    return this.page.$$eval('.quick-input-widget .monaco-list-row', (rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  }

  /** The text of every webview frame (Markdown previews render in nested iframes). */
  async webviewTexts(): Promise<string[]> {
    const texts = await Promise.all(
      this.page.frames().filter((frame) => frame !== this.page.mainFrame()).map((frame) => frame.locator('body').innerText({ timeout: 1000 }).catch(() => '')),
    );
    return texts.filter((text) => text.trim() !== '');
  }

  /** The `{}` status bar entry's accessible label, listing each language status item's text and detail. */
  async languageStatus(): Promise<string> {
    return (await this.page.getAttribute('[id="status.languageStatus"]', 'aria-label', { timeout: 10_000 })) ?? '';
  }

  /** Shows the Problems panel (once: the keybinding toggles it). */
  async showProblems(): Promise<void> {
    if (await this.page.$('.markers-panel')) return;
    await this.page.keyboard.press('Control+Shift+m');
    await this.page.waitForSelector('.markers-panel', { timeout: 10_000 });
  }

  /** Types into the Problems panel's filter box: only matching rows are listed (its list shows only the rows that fit). */
  async filterProblems(text: string): Promise<void> {
    await this.page.fill('.part.panel input[aria-label="Filter Problems"]', text);
  }

  /** The Problems panel's problem rows as text ("message source code [Ln, Col]"). */
  async problems(): Promise<string[]> {
    const rows = await this.page.$$eval('.markers-panel .monaco-list-row', (elements) => elements.map((element) => (element as HTMLElement).innerText));
    return rows.filter((row) => /\[Ln \d+, Col \d+\]/.test(row)).map((row) => row.replace(/\s+/g, ' '));
  }

  /** Opens the quick-fix menu at the cursor and returns its action titles. */
  async openQuickFixes(): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    await this.page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 15_000 });
    return this.page.$$eval('.action-widget .monaco-list-row.action', (rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  }

  /** Moves the menu's focus to the wanted action and presses Enter (clicks do not apply actions reliably). */
  async chooseQuickFix(title: RegExp): Promise<string> {
    const focused = () => this.page.$eval('.action-widget .monaco-list-row.action.focused', (row) => row.getAttribute('aria-label') ?? '');
    const count = (await this.page.$$('.action-widget .monaco-list-row.action')).length;
    for (let step = 0; step <= count; step++) {
      const label = await focused();
      if (title.test(label)) {
        await this.page.keyboard.press('Enter');
        return label;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`No quick fix matches ${title}`);
  }

  /** Opens a file of the folder by name through Quick Open (files deep in the tree need not be visible). */
  async quickOpen(name: string): Promise<void> {
    await this.page.keyboard.press('Control+p');
    await this.page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await this.page.keyboard.type(name);
    await waitUntil(`${name} in Quick Open`, () => this.quickPickLabels(), (labels) => labels.some((label) => label.startsWith(name)));
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector(`.tab.active[aria-label^="${name}"]`, { timeout: 30_000 });
    await this.focusEditor();
  }

  /** A new untitled editor in Python mode. */
  async newPythonFile(): Promise<void> {
    await this.page.keyboard.press('Control+n');
    await this.page.waitForSelector('.tab.active[aria-label^="Untitled"]', { timeout: 10_000 });
    await this.runCommand('Change Language Mode');
    await waitUntil('the language list', () => this.quickPickLabels(), (labels) => labels.some((label) => label.startsWith('Auto Detect')));
    await this.page.keyboard.type('Python');
    await waitUntil('Python first in the language list', () => this.quickPickLabels(), (labels) => labels[0]?.startsWith('Python') === true);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('.statusbar-item[aria-label="Python"], [id="status.editor.mode"]:has-text("Python")', { timeout: 10_000 });
    await this.focusEditor();
  }

  /** Closes the active editor; an unsaved one is closed without saving. */
  async closeEditor(): Promise<void> {
    const dirty = (await this.page.$('.tab.active.dirty')) !== null;
    await this.page.keyboard.press('Control+w');
    if (dirty) await this.page.getByRole('button', { name: "Don't Save" }).click({ timeout: 15_000 });
  }

  /** The status bar entries' accessible labels (progress of background work shows there). */
  async statusBarLabels(): Promise<string[]> {
    return this.page.$$eval('.statusbar-item', (items) => items.map((item) => item.getAttribute('aria-label') ?? item.textContent ?? ''));
  }

  /** The number the Problems tab shows ("Total 421 Problems"). */
  async problemCount(): Promise<number> {
    const labels = await this.page.$$eval('[aria-label^="Problems"][aria-label*="Total"]', (elements) => elements.map((element) => element.getAttribute('aria-label')));
    return Number(/Total (\d+) Problems?/.exec(labels.join(' '))?.[1] ?? 0);
  }

  /** The code links of the Problems panel rows (`pyreview(E722)`), with their targets. */
  async problemCodeLinks(): Promise<Array<{ code: string; href: string }>> {
    return this.page.$$eval('.markers-panel .monaco-list-row a.monaco-link', (links) => links.map((link) => ({ code: link.textContent ?? '', href: link.getAttribute('href') ?? '' })));
  }

  /**
   * Every setting the Settings editor lists for a search, by title, with how it can be edited there
   * (`complex`: only in settings.json): scrolled through, since the editor renders only the rows in view.
   */
  async settingsEditors(search: string): Promise<Map<string, string>> {
    await this.page.keyboard.press('Control+Comma');
    await this.page.waitForSelector('.settings-editor .settings-header .suggest-input-container', { timeout: 20_000 });
    await this.page.click('.settings-editor .settings-header .suggest-input-container');
    await this.page.keyboard.type(search);
    await this.page.waitForSelector('.settings-editor .setting-item', { timeout: 20_000 });
    const found = new Map<string, string>();
    await this.page.mouse.move(900, 450);
    for (let unchanged = 0; unchanged < 3;) {
      // A row is `setting-item setting-item-<how it is edited>`: bool, text, number, enum, list, object, … or complex,
      // which is only a link to settings.json.
      const rows = await this.page.$$eval('.settings-editor .setting-item', (items) => items.map((item) => {
        const title = item.querySelector('.setting-item-title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        const kind = Array.from(item.classList).find((name) => name.startsWith('setting-item-'))?.slice('setting-item-'.length) ?? 'unknown';
        return [title, kind] as const;
      }));
      const before = found.size;
      for (const [title, editor] of rows) if (title) found.set(title, editor);
      unchanged = found.size === before ? unchanged + 1 : 0;
      await this.page.mouse.wheel(0, 400);
      await this.page.waitForTimeout(300);
    }
    return found;
  }

  /** "Developer: Set Log Level…" for one log channel (the client writes the protocol trace at Trace). */
  async setLogLevel(channel: string, level: 'Trace' | 'Debug' | 'Info'): Promise<void> {
    await this.runCommand('Developer: Set Log Level');
    await waitUntil('the log list', () => this.quickPickLabels(), (labels) => labels.includes(channel));
    await this.page.keyboard.type(channel);
    await waitUntil(`${channel} alone`, () => this.quickPickLabels(), (labels) => labels[0] === channel);
    await this.page.keyboard.press('Enter');
    await waitUntil('the levels', () => this.quickPickLabels(), (labels) => labels[0] === 'Trace');
    await this.page.keyboard.type(level);
    await this.page.keyboard.press('Enter');
  }
}
