/** What the language status item says. */
import * as assert from 'assert';
import { LintStatus } from '@pyreview/client/out/lintStatus';

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
