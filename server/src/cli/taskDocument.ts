import type { CheckedSource, FixTarget } from '@pyreview/shared-rules';
import type { CliDiagnostic } from './diagnostics';

/** What a task checks, fixes and writes: a plain text, or a notebook's code cells (see fileTask.ts and notebookTask.ts). */
export interface TaskDocument<T extends FixTarget<T>> {
  target: T;
  check(target: T): CheckedSource;
  /** The file's new content. */
  render(target: T): string;
  /** The final findings as the CLI reports them. */
  diagnostics(final: CheckedSource, target: T): CliDiagnostic[];
}
