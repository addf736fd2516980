import { parentPort, Worker } from 'worker_threads';

/** What a worker posts back for each task. */
type Reply<R> = { result: R } | { error: string };

interface Job<T, R> {
  task: T;
  resolve(result: R): void;
  reject(error: Error): void;
}

/**
 * A fixed number of worker threads running one script, each given one task at
 * a time in the order tasks were submitted. The script serves tasks with
 * `serveTasks`. A worker that dies fails its task; the others go on.
 */
export class WorkerPool<T, R> {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly busy = new Map<Worker, Job<T, R>>();
  private readonly queue: Job<T, R>[] = [];
  private next = 0;
  /** Why the last worker is gone, once none is left. */
  private failure?: Error;

  constructor(script: string, threads: number, workerData: unknown) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(script, { workerData });
      worker.on('message', (reply: Reply<R>) => this.settle(worker, reply));
      worker.on('error', (error) => this.lose(worker, error));
      worker.on('exit', (code) => this.lose(worker, new Error(`a worker thread exited with code ${code}`)));
      return worker;
    });
    this.idle = [...this.workers];
  }

  run(task: T): Promise<R> {
    if (!this.workers.length) return Promise.reject(this.failure ?? new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async destroy(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.next < this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue[this.next++];
      this.busy.set(worker, job);
      worker.postMessage(job.task);
    }
    if (this.next === this.queue.length) {
      this.queue.length = 0;
      this.next = 0;
    }
  }

  private settle(worker: Worker, reply: Reply<R>): void {
    const job = this.busy.get(worker);
    if (!job) return;
    this.busy.delete(worker);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.result);
    this.idle.push(worker);
    this.dispatch();
  }

  private lose(worker: Worker, error: Error): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    this.workers.splice(index, 1);
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
    const idleIndex = this.idle.indexOf(worker);
    if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
    if (this.workers.length) return;
    this.failure = error;
    for (const job of this.queue.slice(this.next)) job.reject(error);
    this.queue.length = 0;
    this.next = 0;
  }
}

/** The worker side: answers each task posted by the pool with the handler's result. */
export function serveTasks<T, R>(handler: (task: T) => Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', (task: T) => {
    handler(task).then(
      (result) => port.postMessage({ result } satisfies Reply<R>),
      (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply<R>),
    );
  });
}
