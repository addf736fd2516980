/** What the language status item says, and the level the server's log lines are shown at. */
import * as assert from 'assert';
import { LintStatus } from '@pyreview/client/out/lintStatus';
import { levelOf } from '@pyreview/client/out/serverLogChannel';

const A = 'file:///project/a.py';
const B = 'file:///project/b.py';

describe('language status', () => {
  it('does not call pyreview slow for a slow opening, a restart or a first check', () => {
    const status = new LintStatus();
    status.checked(A, 'a.py', 887, false);
    const view = status.view('running', { uri: A, enabled: true });
    assert.strictEqual(view.severity, 'information');
    assert.strictEqual(view.text, 'pyreview');
    assert.match(view.detail, /^Last check \S+( [AP]M)? in 887 ms \(a\.py\)$/);
  });

  it('calls typing slow, with the onSave advice, when most keystrokes take longer than 500 ms', () => {
    const status = new LintStatus();
    for (const ms of [600, 40, 700, 650, 800]) status.checked(A, 'a.py', ms, true);
    const view = status.view('running', { uri: A, enabled: true });
    assert.strictEqual(view.severity, 'warning');
    assert.strictEqual(view.text, 'pyreview: slow');
    assert.match(view.detail, /typing takes 650 ms .*"pyreview\.run": "onSave"/);
    for (const ms of [30, 30, 30]) status.checked(A, 'a.py', ms, true);
    assert.strictEqual(status.view('running', { uri: A, enabled: true }).severity, 'information', 'fast again');
  });

  it('speaks of the active editor’s file, not the last one checked', () => {
    const status = new LintStatus();
    status.checked(A, 'a.py', 12, true);
    status.checked(B, 'b.py', 900, false);
    assert.match(status.view('running', { uri: A, enabled: true }).detail, /in 12 ms \(a\.py\)/);
    assert.match(status.view('running', { uri: 'file:///project/c.py', enabled: true }).detail, /^Not checked yet$/);
    assert.match(status.view('running', undefined).detail, /^No Python file active$/);
  });

  it('says pyreview is off rather than reporting checks when pyreview.enable is false', () => {
    const status = new LintStatus();
    status.checked(A, 'a.py', 12, true);
    const view = status.view('running', { uri: A, enabled: false });
    assert.strictEqual(view.text, 'pyreview: off');
    assert.doesNotMatch(view.detail, /Last check/);
  });

  it('offers a restart when the server stopped', () => {
    const view = new LintStatus().view('stopped', { uri: A, enabled: true });
    assert.deepStrictEqual([view.severity, view.command.command], ['error', 'pyreview.restart']);
  });
});

describe('server log channel', () => {
  it('shows warnings and errors at their level, a clean exit, debug messages and the protocol trace as information', () => {
    assert.deepStrictEqual(levelOf('[Warn  - 10:01:02 AM] pyreview: x.toml: unknown key'), { level: 'warn', message: 'pyreview: x.toml: unknown key' });
    assert.deepStrictEqual(levelOf('[Error - 10:01:02] Request textDocument/hover failed.'), { level: 'error', message: 'Request textDocument/hover failed.' });
    assert.deepStrictEqual(levelOf('[Error - 10:01:02] Server process exited with code 0.'), { level: 'info', message: 'Server process exited with code 0.' });
    assert.strictEqual(levelOf('[Error - 10:01:02] Server process exited with code 1.').level, 'error');
    assert.deepStrictEqual(levelOf("[Trace - 10:01:02 AM] Sending request 'initialize - (0)'."), { level: 'info', message: "[Trace - 10:01:02 AM] Sending request 'initialize - (0)'." });
    assert.deepStrictEqual(levelOf('pyreview: indexed 3 files in 20 ms'), { level: 'info', message: 'pyreview: indexed 3 files in 20 ms' });
    assert.deepStrictEqual(levelOf('[Debug - 10:01:02] pyreview: linted x.py'), { level: 'info', message: 'pyreview: linted x.py' }, 'sent at pyreview.logLevel: debug only');
  });
});
