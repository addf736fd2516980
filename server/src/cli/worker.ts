import { isMainThread, workerData } from 'worker_threads';
import { threadChecker } from './threadChecker';
import { runFileTask } from './fileTask';
import { serveTasks } from './workerPool';

const ROLE = 'pyreview-check-worker';

/**
 * How the CLI starts its worker threads: this module's file, or the bundle it
 * is part of; either way loading it in such a thread serves file checks.
 */
export const CHECK_WORKER = { script: __filename, workerData: { role: ROLE } } as const;

/** Whether this thread is one of the CLI's workers (where the bundle must not run the CLI itself). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

if (isCheckWorker()) serveTasks(async (task: Parameters<typeof runFileTask>[1]) => runFileTask(await threadChecker(), task));
