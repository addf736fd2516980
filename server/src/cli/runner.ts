import { threadChecker } from './threadChecker';
import { runFileTask, type FileOutcome, type FileTask } from './fileTask';
import { CHECK_WORKER } from './worker';
import { WorkerPool } from './workerPool';

export interface RunPlan {
  /** Worker threads to use; 1 works in this thread. */
  jobs: number;
  /** Whether the user chose `jobs` (then even small batches use the pool). */
  explicit: boolean;
}

// Starting a worker and loading the grammar in it costs about as much as checking this much code.
const MIN_PARALLEL_FILES = 16;
const MIN_PARALLEL_BYTES = 256 * 1024;

/**
 * Checks batches of files, in worker threads when a batch is big enough.
 * Results come back in the order of the tasks whatever order the workers
 * finish in. The pool is started on first use and kept for the run.
 */
export class TaskRunner {
  private pool?: WorkerPool<FileTask, FileOutcome>;

  constructor(private readonly plan: RunPlan) {}

  async run(tasks: readonly FileTask[], onDone: () => void = () => undefined): Promise<FileOutcome[]> {
    if (!tasks.length) return [];
    if (!this.useWorkers(tasks)) {
      const checker = await threadChecker();
      return tasks.map((task) => {
        const outcome = runFileTask(checker, task);
        onDone();
        return outcome;
      });
    }
    const threads = Math.min(this.plan.jobs, tasks.length);
    this.pool ??= new WorkerPool(CHECK_WORKER.script, threads, CHECK_WORKER.workerData);
    const pool = this.pool;
    const outcomes = new Array<FileOutcome>(tasks.length);
    // Largest files first, so that no worker is left with a big one at the end.
    const order = tasks.map((_, index) => index).sort((a, b) => tasks[b].text.length - tasks[a].text.length);
    await Promise.all(
      order.map(async (index) => {
        outcomes[index] = await pool.run(tasks[index]);
        onDone();
      }),
    );
    return outcomes;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }

  private useWorkers(tasks: readonly FileTask[]): boolean {
    if (this.plan.jobs <= 1 || tasks.length < 2) return false;
    if (this.plan.explicit || this.pool) return true;
    const bytes = tasks.reduce((sum, task) => sum + task.text.length, 0);
    return tasks.length >= MIN_PARALLEL_FILES && bytes >= MIN_PARALLEL_BYTES;
  }
}
