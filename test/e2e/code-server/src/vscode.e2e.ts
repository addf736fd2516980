/**
 * The packaged extension in real VS Code (code-server 4.100.3, Chromium driven by playwright-core):
 * problems with their codes, a quick fix from Ctrl+., fixAll on save, a settings change, rule docs
 * (from the palette and from a problem's code), problems of closed files cleared, docstring snippets,
 * the Settings editor, debug information, the workspace mode's progress, a large file (its status, and
 * its settled findings after typing), and a quick fix in a notebook cell.
 * Run with `npm run test:e2e` (test/e2e/run.sh installs code-server and builds the .vsix first).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeServer } from './codeServer';
import { PROJECT_FIXTURE, README_IMAGES } from './paths';
import { VsCodeSession } from './session';
import { Workbench, waitUntil } from './workbench';

/** A Problems panel row shows the source and the code as "pyreview(E722)"; its text splits them. */
function hasCode(rows: string[], code: string): boolean {
  return rows.some((row) => new RegExp(`\\bpyreview\\W+${code}\\b`).test(row));
}

/** The quick fix applied from the Ctrl+. menu: F401's on line 2 of app.py. */
const QUICK_FIX = { code: 'F401', line: 2, title: /^pyreview \(F401\): Remove unused import/, apply: (text: string) => text.replace('import os\n', '') };

/**
 * Standard-library modules making a file over the 100,000 characters the server checks completely on every
 * keystroke: in larger files the slow file-wide rules (F401 among them) wait until typing pauses.
 */
const LARGE_FILE = { name: 'large.py', sources: ['argparse.py', 'subprocess.py'].map((name) => path.join('/usr/lib/python3.11', name)) };
/** Standard-library modules copied into a folder of the project (the 40 largest of those from a to m). */
const WORKSPACE_BULK = {
  folder: 'stdlib_copy',
  sources: () => fs.readdirSync('/usr/lib/python3.11').filter((name) => /^[a-m]\w*\.py$/.test(name))
    .map((name) => path.join('/usr/lib/python3.11', name))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || a.localeCompare(b)).slice(0, 40),
};

/** The Problems row of F401 for an `import json` typed into the large file (its text may come without spaces). */
const isUnusedJson = (row: string) => /pyreview\W*F401\b/.test(row) && row.includes("'json' imported but unused");

const EXTENSION_ID = 'pyreview.pyreview';
/** The output channel of the server's messages (and of the protocol trace). */
const SERVER_LOG = 'pyreview Language Server';

/** The notebook of the project folder: F401 for `import os` in its first code cell, after a line magic. */
const NOTEBOOK = { name: 'report.ipynb', fixedFirstCell: '%matplotlib inline\nimport json' };

describe('VS Code (code-server) with the packaged extension', function () {
  this.timeout(180_000);
  let home: string;
  let project: string;
  let session: VsCodeSession;
  let server: CodeServer;
  let workbench: Workbench;
  const readProject = (name: string) => fs.readFileSync(path.join(project, name), 'utf8');

  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-code-server-'));
    project = path.join(home, 'project');
    fs.cpSync(PROJECT_FIXTURE, project, { recursive: true });
    const large = LARGE_FILE.sources.map((source) => fs.readFileSync(source, 'utf8')).join('\n');
    assert.ok(large.length > 100_000, `${LARGE_FILE.name} has only ${large.length} characters`);
    fs.writeFileSync(path.join(project, LARGE_FILE.name), large);
    // A workspace of real size, so that checking it takes long enough for its progress to be seen.
    fs.mkdirSync(path.join(project, WORKSPACE_BULK.folder));
    for (const source of WORKSPACE_BULK.sources()) fs.copyFileSync(source, path.join(project, WORKSPACE_BULK.folder, path.basename(source)));
    session = await VsCodeSession.open(home, project);
    ({ server, workbench } = session);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`vscode-failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await session?.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('lists the problems of an opened file with their codes in the Problems panel', async () => {
    await workbench.openFile('app.py');
    await workbench.showProblems();
    const expected = ['E722', QUICK_FIX.code];
    const rows = await waitUntil('problems of app.py', () => workbench.problems(), (problems) => expected.every((code) => hasCode(problems, code)));
    assert.ok(rows.some((row) => row.includes('Do not use bare `except`')), rows.join('\n'));
    fs.mkdirSync(README_IMAGES, { recursive: true });
    fs.copyFileSync(await workbench.screenshot('vscode-1-problems'), path.join(README_IMAGES, 'problems-panel.png'));
  });

  it('shows the server state and the last check in the language status item', async () => {
    const label = await waitUntil('a check time in the language status', () => workbench.languageStatus(), (text) => /Last check/.test(text));
    assert.match(label, /pyreview, Last check \S+ (AM |PM )?in \d+ ms \(app\.py\)/);
    await workbench.page.click('[id="status.languageStatus"]');
    await workbench.page.waitForSelector('.monaco-hover:not(.hidden) >> text=Last check', { state: 'visible' });
    await workbench.screenshot('vscode-1b-language-status');
    await workbench.page.keyboard.press('Escape');
  });

  it(`applies the ${QUICK_FIX.code} quick fix chosen from the Ctrl+. menu`, async () => {
    const original = readProject('app.py');
    await workbench.goToLine(QUICK_FIX.line);
    const titles = await workbench.openQuickFixes();
    assert.ok(titles.some((title) => QUICK_FIX.title.test(title)), titles.join(', '));
    assert.ok(titles.includes(`pyreview (${QUICK_FIX.code}): Ignore on this line`), titles.join(', '));
    fs.copyFileSync(await workbench.screenshot('vscode-2-quick-fix-menu'), path.join(README_IMAGES, 'quick-fix-menu.png'));
    await workbench.chooseQuickFix(QUICK_FIX.title);
    const expected = QUICK_FIX.apply(original);
    await waitUntil('the fixed text in the editor', () => workbench.editorText(), (text) => text.trimEnd() === expected.trimEnd());
    await workbench.save();
    await waitUntil('app.py saved', async () => readProject('app.py'), (text) => text === expected);
    await workbench.screenshot('vscode-3-quick-fix-applied');
  });

  it('applies safe fixes on save through editor.codeActionsOnSave (source.fixAll.pyreview)', async () => {
    const original = readProject('indent.py');
    await workbench.openFile('indent.py');
    await waitUntil('E111 in the Problems panel', () => workbench.problems(), (rows) => hasCode(rows, 'E111'));
    await workbench.save();
    const fixed = original.replace('       return f"Hello', '        return f"Hello');
    await waitUntil('indent.py fixed on disk', async () => readProject('indent.py'), (text) => text === fixed);
    await waitUntil('E111 gone', () => workbench.problems(), (rows) => !hasCode(rows, 'E111'));
    await workbench.screenshot('vscode-4-fixed-on-save');
  });

  it('follows a settings change: pyreview.ignore hides E722', async () => {
    await workbench.openFile('app.py');
    await waitUntil('E722 shown', () => workbench.problems(), (rows) => hasCode(rows, 'E722'));
    const settingsFile = path.join(project, '.vscode', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'pyreview.ignore': ['E722'] }, null, 2));
    await waitUntil('E722 hidden', () => workbench.problems(), (rows) => !hasCode(rows, 'E722'));
    await workbench.screenshot('vscode-5-setting-changed');
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    await waitUntil('E722 shown again', () => workbench.problems(), (rows) => hasCode(rows, 'E722'));
  });

  it('restarts a language server that died', async () => {
    const serverPids = () => server.extensionServerPids(path.join('dist', 'server.js'));
    const [first] = await waitUntil('the running server', serverPids, (pids) => pids.length === 1);
    process.kill(first, 'SIGKILL');
    await waitUntil('a new server', serverPids, (pids) => pids.length === 1 && pids[0] !== first);
    await waitUntil('the server running again', () => workbench.languageStatus(), (label) => /pyreview/.test(label) && !/stopped|starting/.test(label));
    await workbench.openFile('indent.py');
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.type('import sys');
    await waitUntil('F401 from the new server', () => workbench.problems(), (rows) => hasCode(rows, 'F401'));
  });

  it('restarts cleanly on "pyreview: Restart server": a version line, no error in the log', async () => {
    const logged = server.extensionLog(EXTENSION_ID, SERVER_LOG).length;
    await workbench.runCommand('pyreview: Restart server');
    const log = await waitUntil('the new server’s version line', async () => server.extensionLog(EXTENSION_ID, SERVER_LOG).slice(logged), (text) =>
      /\[info\] pyreview \d+\.\d+\.\d+ language server \(Node\.js v\d+/.test(text));
    assert.doesNotMatch(log, /\[error\]/, 'a normal restart is no error');
    assert.match(log, /\[info\] Server process exited successfully/);
  });

  it('fixes the active file with "pyreview: Fix all auto-fixable problems"', async () => {
    // The previous test left an unused `import sys` at the end of indent.py.
    assert.match(await workbench.editorText(), /^import sys$/m);
    await workbench.runCommand('pyreview: Fix all auto-fixable problems');
    await waitUntil('import sys removed', () => workbench.editorText(), (text) => !/import sys/.test(text) && /def greet/.test(text));
    await waitUntil('F401 gone', () => workbench.problems(), (rows) => !hasCode(rows, 'F401'));
  });

  it('shows a rule’s documentation from the command palette', async () => {
    await workbench.runCommand('pyreview: Show rule documentation');
    // Type only once the rule list replaced the command palette, or the keys land in the editor.
    await waitUntil('the rule list', () => workbench.quickPickLabels(), (labels) => labels.some((label) => /^[A-Z]+[0-9]+, /.test(label)));
    await workbench.page.keyboard.type('E722');
    await waitUntil('E722 in the rule list', () => workbench.quickPickLabels(), (labels) => labels[0]?.startsWith('E722') === true);
    await workbench.page.keyboard.press('Enter');
    await workbench.page.waitForSelector('.tab[aria-label*="E722"]', { timeout: 30_000 });
    const rendered = await waitUntil('the rendered rule documentation', () => workbench.webviewTexts(), (texts) => texts.some((text) => text.includes('Why is this bad?')));
    assert.ok(rendered.some((text) => text.includes('bare-except')), rendered.join('\n---\n'));
    await workbench.screenshot('vscode-6-rule-documentation');
  });

  it('preselects the rule of the problem under the cursor in "Show rule documentation"', async () => {
    await workbench.openFile('app.py');
    // Line 8 holds the bare `except:` since the quick fix removed line 2; Home puts the cursor on `except`.
    await workbench.goToLine(8);
    await workbench.page.keyboard.press('Home');
    await workbench.runCommand('pyreview: Show rule documentation');
    const focused = await waitUntil('the focused rule', () => workbench.page.$$eval('.quick-input-widget .monaco-list-row.focused', (rows) => rows.map((row) => row.getAttribute('aria-label') ?? '')), (labels) => /^[A-Z]+[0-9]+, /.test(labels[0] ?? ''));
    await workbench.page.keyboard.press('Escape');
    assert.match(focused[0], /^E722, /);
  });

  it('opens the documentation bundled with the extension from a code in the Problems panel, offline', async () => {
    // The page opened from the palette earlier is closed first: the link must open it again.
    if (await workbench.page.$('.tab[aria-label*="E722"]')) {
      await workbench.page.click('.tab[aria-label*="E722"]');
      await workbench.closeEditor();
    }
    await workbench.openFile('app.py');
    await workbench.showProblems();
    const links = await waitUntil('code links', () => workbench.problemCodeLinks(), (found) => found.some((link) => link.code === 'E722'));
    const link = links.find((candidate) => candidate.code === 'E722')!;
    assert.match(link.href, /^command:pyreview\.showRuleDocumentation\?/, 'no web page: the command shows the bundled one');
    const external: string[] = [];
    // Webviews load VS Code's own files through the `*.vscode-resource.vscode-cdn.net` authority, served by code-server.
    const track = (request: { url(): string }) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !/^(data|blob|vscode-[a-z-]+):/.test(url) && !/^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\//.test(url)) external.push(url);
    };
    session.browser.on('request', track);
    try {
      await workbench.page.click('.markers-panel .monaco-list-row a.monaco-link:has-text("E722")');
      await workbench.page.waitForSelector('.tab[aria-label*="E722"]', { timeout: 30_000 });
      await waitUntil('the rendered page', () => workbench.webviewTexts(), (texts) => texts.some((text) => text.includes('bare-except') && text.includes('Why is this bad?')));
    } finally {
      session.browser.off('request', track);
    }
    assert.deepStrictEqual(external, [], 'nothing fetched from outside');
    fs.copyFileSync(await workbench.screenshot('vscode-6b-rule-documentation-from-problem'), path.join(README_IMAGES, 'rule-documentation.png'));
  });

  it('clears the problems of a file closed, and of an untitled file closed without saving', async () => {
    await workbench.openFile('app.py');
    await waitUntil('E722 of app.py', () => workbench.problems(), (rows) => hasCode(rows, 'E722'));
    await workbench.closeEditor();
    await waitUntil('no E722 once app.py is closed', () => workbench.problems(), (rows) => !hasCode(rows, 'E722'));
    await workbench.newPythonFile();
    await workbench.page.keyboard.type('import os\n');
    await waitUntil('F401 in the untitled file', () => workbench.problems(), (rows) => hasCode(rows, 'F401'));
    await workbench.closeEditor();
    await waitUntil('no F401 once it is closed', () => workbench.problems(), (rows) => !hasCode(rows, 'F401'));
  });

  it('inserts a docstring stub as a snippet, the cursor in its summary', async () => {
    const settingsFile = path.join(project, '.vscode', 'settings.json');
    const settings = fs.readFileSync(settingsFile, 'utf8');
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(settings), 'pyreview.extendSelect': ['D103'] }, null, 2));
    try {
      await workbench.openFile('shapes.py');
      await waitUntil('D103', () => workbench.problems(), (rows) => hasCode(rows, 'D103'));
      await workbench.goToLine(4);
      await workbench.openQuickFixes();
      await workbench.chooseQuickFix(/^pyreview \(D103\): Add a docstring stub/);
      // Typed over the first tab stop, then the next one (the first parameter's description).
      await waitUntil('the stub', () => workbench.editorText(), (text) => text.includes(':param width:'));
      await workbench.page.keyboard.type('Return the perimeter of a rectangle.');
      await workbench.page.keyboard.press('Tab');
      await workbench.page.keyboard.type('The width, not negative.');
      const text = await waitUntil('the typed summary', () => workbench.editorText(), (value) => value.includes('not negative.'));
      const expected = [
        'def perimeter(width, height):',
        '    """Return the perimeter of a rectangle.',
        '',
        '    :param width: The width, not negative.',
        '    :param height: Describe `height`.',
      ].join('\n');
      assert.ok(text.includes(expected), text);
      await workbench.screenshot('vscode-6c-docstring-snippet');
      await workbench.page.keyboard.press('Escape');
      await workbench.closeEditor();
    } finally {
      fs.writeFileSync(settingsFile, settings);
    }
  });

  it('lets every pyreview setting be edited in the Settings editor, none only in settings.json', async () => {
    await workbench.openFile('indent.py');
    const editors = await workbench.settingsEditors('@ext:pyreview.pyreview');
    assert.ok(editors.size >= 25, `only ${editors.size} settings listed: ${[...editors.keys()].join(', ')}`);
    const onlyInJson = [...editors].filter(([, kind]) => kind === 'complex').map(([title]) => title);
    assert.deepStrictEqual(onlyInJson, []);
    for (const title of ['Pyreview: Select', 'Pyreview: Extend Select', 'Pyreview: Ignore', 'Pyreview: Exclude']) {
      assert.strictEqual([...editors].find(([key]) => key.startsWith(title))?.[1], 'list', `${title} is an editable list`);
    }
    assert.strictEqual([...editors].find(([key]) => key.startsWith('Pyreview: Target Version'))?.[1], 'enum');
    // The rules' section, for the README.
    await workbench.page.click('.settings-toc-container .monaco-list-row:has-text("Rules")');
    await workbench.page.waitForTimeout(500);
    fs.copyFileSync(await workbench.screenshot('vscode-6d-settings'), path.join(README_IMAGES, 'settings-editor.png'));
    await workbench.closeEditor();
  });

  it('prints debug information: versions and the settings in effect for the active file', async () => {
    await workbench.openFile('indent.py');
    await workbench.runCommand('pyreview: Print debug information');
    const log = await waitUntil('the debug information', async () => server.extensionLog(EXTENSION_ID, 'pyreview'), (text) => text.includes('Settings in effect for'));
    assert.match(log, /pyreview extension \d+\.\d+\.\d+, VS Code 1\.\d+/);
    assert.match(log, /Settings in effect for file:\/\/.*indent\.py/);
  });

  it('shows why a rename is refused, and logs no error', async () => {
    const logged = server.extensionLog(EXTENSION_ID, SERVER_LOG).length;
    await workbench.openFile('shapes.py');
    // On `width`: keys pressed to get there were sometimes lost, and F2 renamed the function instead.
    await workbench.goToLine(4, 'def perimeter('.length + 1);
    await workbench.page.keyboard.press('F2');
    // Filled through the box itself: keys typed before it has the focus would go to the editor.
    const input = workbench.page.locator('.rename-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('height');
    await input.press('Enter');
    await workbench.page.waitForSelector('.notifications-toasts >> text=/`height` is already defined/', { timeout: 15_000 });
    await workbench.screenshot('vscode-6f-rename-refused');
    assert.match(await workbench.editorText(), /def perimeter\(width, height\):/, 'nothing renamed');
    assert.doesNotMatch(server.extensionLog(EXTENSION_ID, SERVER_LOG).slice(logged), /\[error\]/);
  });

  it('shows its progress while it checks the workspace, and clears those problems when switched back to open files', async () => {
    const settingsFile = path.join(project, '.vscode', 'settings.json');
    const settings = fs.readFileSync(settingsFile, 'utf8');
    const unopened = (rows: string[]) => hasCode(rows, 'E722');
    await workbench.showProblems();
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(settings), 'pyreview.diagnosticMode': 'workspace' }, null, 2));
    try {
      const progress = await waitUntil('the checking progress', () => workbench.statusBarLabels(), (labels) => labels.some((label) => /pyreview: checking the workspace/.test(label)), 30_000);
      assert.ok(progress.some((label) => /checking the workspace: \d+\/\d+ files/.test(label)), progress.join(' | '));
      fs.copyFileSync(await workbench.screenshot('vscode-6e-workspace-progress'), path.join(README_IMAGES, 'workspace-progress.png'));
      await workbench.filterProblems('unopened');
      await waitUntil('the problem of a file never opened', () => workbench.problems(), unopened);
      await waitUntil('the progress done', () => workbench.statusBarLabels(), (labels) => !labels.some((label) => /checking the workspace/.test(label)));
    } finally {
      fs.writeFileSync(settingsFile, settings);
    }
    await waitUntil('its problems cleared', () => workbench.problems(), (rows) => !unopened(rows));
    await workbench.filterProblems('');
  });

  it('does not call a large file slow for the time its opening took, and names it', async () => {
    await workbench.openFile(LARGE_FILE.name);
    const label = await waitUntil('the large file checked', () => workbench.languageStatus(), (text) => text.includes(`(${LARGE_FILE.name})`), 60_000);
    assert.doesNotMatch(label, /slow|onSave/);
  });

  it('shows what a large file settles to once typing pauses: F401 for a new unused import', async () => {
    await workbench.openFile(LARGE_FILE.name);
    await workbench.showProblems();
    await workbench.filterProblems('json');
    await workbench.focusEditor();
    await workbench.page.keyboard.press('Control+Home');
    await workbench.page.keyboard.type('import json\n');
    // F401 needs the semantic model, which keystroke lints of a large file leave out: only the settled lint,
    // pulled again after the server's workspace/diagnostic/refresh, reports it.
    await waitUntil('F401 for the new import', () => workbench.problems(), (rows) => rows.some(isUnusedJson));
    await workbench.screenshot('vscode-7-large-file-settled');
  });

  it('keeps the settled findings of a large file when another Python file changes on disk', async () => {
    // The server lints open files again (without an edit); VS Code pulls again only if their problems changed.
    const logged = server.extensionLog(EXTENSION_ID, SERVER_LOG).length;
    fs.writeFileSync(path.join(project, 'other.py'), 'VALUE = 1\n');
    await waitUntil('the large file linted again', async () => server.extensionLog(EXTENSION_ID, SERVER_LOG).slice(logged), (log) =>
      new RegExp(`linted \\S+/${LARGE_FILE.name} version \\d+ \\(settle\\)`).test(log));
    // Findings lost by that lint would disappear as soon as VS Code applies the report: watch the panel a while.
    const watchedUntil = Date.now() + 2000;
    while (Date.now() < watchedUntil) {
      assert.ok((await workbench.problems()).some(isUnusedJson), 'F401 for `import json` disappeared');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.doesNotMatch(server.extensionLog(EXTENSION_ID, SERVER_LOG).slice(logged), /asking the client to pull diagnostics again/, 'nothing changed: no refresh');
    await workbench.filterProblems('');
  });

  it('shows a squiggle in a notebook cell and removes the unused import with its quick fix', async () => {
    await workbench.openNotebook(NOTEBOOK.name);
    await waitUntil('a squiggle in the first code cell', () => workbench.notebookSquiggles(), (counts) => counts[0] > 0 && counts[1] === 0, 60_000);
    await workbench.showProblems();
    await workbench.filterProblems("'os' imported");
    await waitUntil('F401 of the notebook in the Problems panel', () => workbench.problems(), (rows) => rows.some((row) => hasCode([row], 'F401') && row.includes("'os' imported but unused")));
    await workbench.screenshot('vscode-8-notebook-squiggle');
    await workbench.filterProblems('');
    await workbench.clickNotebookLine(0, 'import os');
    const titles = await workbench.openQuickFixes();
    assert.ok(titles.some((title) => QUICK_FIX.title.test(title)), titles.join(', '));
    await workbench.screenshot('vscode-9-notebook-quick-fix-menu');
    await workbench.chooseQuickFix(QUICK_FIX.title);
    await waitUntil('the fixed cell', () => workbench.notebookCells(), (cells) => cells[0] === NOTEBOOK.fixedFirstCell);
    await waitUntil('no squiggle left', () => workbench.notebookSquiggles(), (counts) => counts.every((count) => count === 0));
    await waitUntil('F401 gone from the Problems panel', () => workbench.problems(), (rows) => !rows.some((row) => row.includes("'os' imported but unused")));
    await workbench.screenshot('vscode-10-notebook-quick-fix-applied');
  });
});
