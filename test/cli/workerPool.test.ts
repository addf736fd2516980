import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WorkerPool } from 'pyreview-server/out/cli/workerPool';
import { REPO_ROOT } from '../helpers/paths';

/** A worker that doubles numbers, rejects 'fail', and dies on 'crash'. */
const SCRIPT = `
const { serveTasks } = require(${JSON.stringify(path.join(REPO_ROOT, 'server', 'out', 'cli', 'workerPool.js'))});
serveTasks(async (task) => {
  if (task === 'fail') throw new Error('task failed');
  if (task === 'crash') process.exit(3);
  return task * 2;
});
`;

describe('WorkerPool', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyreview-pool-'));
    script = path.join(dir, 'worker.js');
    fs.writeFileSync(script, SCRIPT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs every task on its workers and answers each with its own result', async () => {
    const pool = new WorkerPool<number, number>(script, 2, null);
    try {
      const tasks = Array.from({ length: 50 }, (_, index) => index);
      assert.deepStrictEqual(await Promise.all(tasks.map((task) => pool.run(task))), tasks.map((task) => task * 2));
    } finally {
      await pool.destroy();
    }
  });

  it('rejects a task whose handler throws, with its message, and goes on', async () => {
    const pool = new WorkerPool<number | string, number>(script, 1, null);
    try {
      await assert.rejects(pool.run('fail'), /task failed/);
      assert.strictEqual(await pool.run(21), 42);
    } finally {
      await pool.destroy();
    }
  });

  it('fails the task of a worker that dies; the other workers finish the rest, and with none left the queue fails', async () => {
    const pool = new WorkerPool<number | string, number>(script, 2, null);
    try {
      const crashed = pool.run('crash');
      const rest = [1, 2, 3, 4].map((task) => pool.run(task));
      await assert.rejects(crashed, /exited with code 3/);
      assert.deepStrictEqual(await Promise.all(rest), [2, 4, 6, 8]);
      await assert.rejects(pool.run('crash'), /exited with code 3/);
      await assert.rejects(pool.run(5), /exited with code 3/);
    } finally {
      await pool.destroy();
    }
  });
});
