import { createHash } from 'crypto';
import { WorkspaceIndex, type ModuleSummary } from '@pyreview/shared-rules';

/**
 * The workspace index of a run, as bytes every worker thread can read without
 * a copy per task: each task carries this handle, and each thread decodes the
 * index once per `id`.
 */
export interface SharedWorkspace {
  /** `workspaceId` of the summaries: equal ids mean equal indexes (and cache entries record it). */
  id: string;
  data: SharedArrayBuffer;
}

/** What names a summary in the cache. */
export function summaryHash(summary: ModuleSummary): string {
  return createHash('sha256').update(JSON.stringify(summary)).digest('hex');
}

/** The id of the index of summaries with these hashes, in this order: known without the summaries, as for a run whose files all hit the cache. */
export function workspaceId(summaryHashes: readonly string[]): string {
  return createHash('sha256').update(summaryHashes.join('\n')).digest('hex');
}

export function shareWorkspace(summaries: ReadonlyArray<{ summary: ModuleSummary; hash: string }>): SharedWorkspace {
  const bytes = Buffer.from(JSON.stringify(summaries.map(({ summary }) => summary)), 'utf8');
  const data = new SharedArrayBuffer(bytes.length);
  new Uint8Array(data).set(bytes);
  return { id: workspaceId(summaries.map(({ hash }) => hash)), data };
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

/** One question a file's rules asked the workspace index, and a hash of its answer (answers can be large: every table). */
export interface WorkspaceQuery {
  member: string;
  args: unknown[];
  answer: string;
}

/** Answers as data: maps and one-shot iterators (`tables()`) become arrays. */
function materialized(value: unknown): unknown {
  if (value instanceof Map) return value;
  if (value && typeof value === 'object' && !Array.isArray(value) && Symbol.iterator in value) return [...(value as Iterable<unknown>)];
  return value;
}

function answerHash(value: unknown): string {
  const json = JSON.stringify(value instanceof Map ? [...value] : value) ?? 'undefined';
  return createHash('sha256').update(json).digest('hex').slice(0, 32);
}

/**
 * The index behind a proxy that records every question asked and its answer:
 * findings of a file whose rules asked nothing stay valid whatever the other
 * files define, and those of a file that gets the same answers from another
 * index (later in the run, or in a later run) are valid for that index too
 * (`sameAnswers`).
 */
export function recordingIndex(index: WorkspaceIndex): { index: WorkspaceIndex; queries: WorkspaceQuery[] } {
  const queries: WorkspaceQuery[] = [];
  const proxy = new Proxy(index, {
    get(target, property) {
      const member = String(property);
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') {
        queries.push({ member, args: [], answer: answerHash(value) });
        return value;
      }
      return (...args: unknown[]) => {
        const answer = materialized((value as (...a: unknown[]) => unknown).apply(target, args));
        queries.push({ member, args, answer: answerHash(answer) });
        return answer;
      };
    },
  });
  return { index: proxy, queries };
}

/** Whether `index` gives every recorded question the answer recorded (a question it cannot answer gets no answer). */
export function sameAnswers(queries: readonly WorkspaceQuery[], index: WorkspaceIndex): boolean {
  return queries.every(({ member, args, answer }) => {
    try {
      const value: unknown = Reflect.get(index, member, index);
      const current = typeof value === 'function' ? materialized((value as (...a: unknown[]) => unknown).apply(index, args)) : value;
      return answerHash(current) === answer;
    } catch {
      return false;
    }
  });
}
