import { threadChecker } from './threadChecker';
import { runFileTask, type FileOutcome, type FileTask } from './fileTask';

/** Piscina's entry point: checks one file in a worker thread. */
export default async function checkInWorker(task: FileTask): Promise<FileOutcome> {
  return runFileTask(await threadChecker(), task);
}
