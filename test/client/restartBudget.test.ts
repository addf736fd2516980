import * as assert from 'assert';
import { RestartBudget } from '@pyreview/client/out/restartBudget';
import { LintTimer } from '@pyreview/client/out/lintTimer';

describe('RestartBudget', () => {
  it('allows `limit` restarts per window, then refuses until the window slides', () => {
    const budget = new RestartBudget(2, 1000);
    assert.deepStrictEqual([0, 10, 20].map((t) => budget.tryRestart(t)), [true, true, false]);
    assert.strictEqual(budget.tryRestart(1000), true);
    assert.strictEqual(budget.tryRestart(1005), false);
  });

  it('starts over after a manual restart', () => {
    const budget = new RestartBudget(1, 1000);
    budget.tryRestart(0);
    budget.reset();
    assert.strictEqual(budget.tryRestart(1), true);
  });
});

describe('LintTimer', () => {
  it('times from the first unanswered change to the diagnostics, and tells whether an edit was among them', () => {
    const timer = new LintTimer();
    timer.changed('file:///a.py', 100, false);
    timer.changed('file:///a.py', 150, true);
    assert.deepStrictEqual(timer.answered('file:///a.py', 180), { durationMs: 80, typing: true });
    assert.strictEqual(timer.answered('file:///a.py', 190), undefined);
    timer.changed('file:///a.py', 200, false);
    assert.deepStrictEqual(timer.answered('file:///a.py', 900), { durationMs: 700, typing: false });
  });

  it('ignores diagnostics of closed documents', () => {
    const timer = new LintTimer();
    timer.changed('file:///a.py', 0, true);
    timer.forget('file:///a.py');
    assert.strictEqual(timer.answered('file:///a.py', 5), undefined);
  });
});
