import { createHash } from 'crypto';
import { WorkspaceIndex, type ModuleSummary } from '@pyreview/shared-rules';

/**
 * The workspace index of a run, as bytes every worker thread can read without
 * a copy per task: each task carries this handle, and each thread decodes the
 * index once per `id`.
 */
export interface SharedWorkspace {
  /** A hash of the summaries: equal ids mean equal indexes (and cache entries record it). */
  id: string;
  data: SharedArrayBuffer;
}

export function shareWorkspace(summaries: readonly ModuleSummary[]): SharedWorkspace {
  const bytes = Buffer.from(JSON.stringify(summaries), 'utf8');
  const data = new SharedArrayBuffer(bytes.length);
  new Uint8Array(data).set(bytes);
  return { id: createHash('sha256').update(bytes).digest('hex'), data };
}

let decoded: { id: string; index: WorkspaceIndex } | undefined;

/** This thread's index for a shared workspace, decoded on first use. */
export function workspaceIndexOf(shared: SharedWorkspace): WorkspaceIndex {
  if (decoded?.id !== shared.id) {
    // Buffer cannot decode views on shared memory: copy the bytes out first.
    const bytes = new Uint8Array(shared.data).slice();
    const summaries = JSON.parse(Buffer.from(bytes.buffer).toString('utf8')) as ModuleSummary[];
    const index = new WorkspaceIndex();
    for (const summary of summaries) index.update(summary);
    decoded = { id: shared.id, index };
  }
  return decoded.index;
}

/**
 * The index behind a proxy that notes any use: findings of a file whose rules
 * never looked at the workspace stay valid whatever the other files define.
 */
export function observedIndex(index: WorkspaceIndex, onRead: () => void): WorkspaceIndex {
  return new Proxy(index, {
    get(target, property) {
      onRead();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
